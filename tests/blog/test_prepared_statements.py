"""On PostgreSQL a page's queries are prepared on their connection once asked a few times, and no longer planned
at every request; search's ranked query, planned for its words, never is (config.settings, search.queries)."""

import pytest
from django.db import connection

from tests.factories import PostFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements"),
]


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


def test_a_page_asked_again_runs_prepared_queries(client):
    PostFactory(title="Lumière en hiver", tags=["hiver"])
    assert not any('"blog_post"' in statement for statement in prepared_statements())
    for _ in range(6):
        assert "Lumière en hiver" in client.get("/").content.decode()
    assert any('FROM "blog_post"' in statement for statement in prepared_statements())


def test_search_is_planned_for_its_words_every_time(client):
    """Prepared, the ranked query's generic plan made the words' full-text query again for every post it read."""
    PostFactory(title="Lumière d'hiver")
    for _ in range(6):
        response = client.get("/search/", {"q": "lumière"})
        assert [result["post"].title for result in response.context["results"]] == ["Lumière d'hiver"]
    statements = prepared_statements()
    assert any('"blog_post"' in statement for statement in statements)  # the results' posts
    assert not any("ts_rank" in statement for statement in statements)


def test_a_posts_similar_posts_are_planned_once(client):
    """Five ids or ten, a list of posts is fetched through the same plan: PostgreSQL planned the query of a
    post's similar posts again at every request, as the plan for any ids counted on ten of them."""
    post = PostFactory(title="Le lac", tags=["lac", "hiver"])
    for number in range(3):
        PostFactory(title=f"Lac {number}", tags=["lac"])
    for _ in range(14):  # prepared at the fifth request, its first five runs planned for their values
        response = client.get(post.get_absolute_url())
        assert sorted(similar.title for similar in response.context["similar_posts"]) == ["Lac 0", "Lac 1", "Lac 2"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans FROM pg_prepared_statements WHERE statement LIKE '%UNNEST%'")
        plans = cursor.fetchall()
    assert plans and all(generic for _statement, generic in plans), plans
