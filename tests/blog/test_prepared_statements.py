"""On PostgreSQL a page's queries are prepared on their connection once asked a few times, and no longer planned
at every request; search's ranked query is planned for its words, a tag's ids for its tag (config.settings,
blog.compiled, search.queries, blog.lists)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from blog.models import Post, PostStatus
from tests.factories import PostFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements"),
]


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


def make_a_large_blog(author):
    """3,000 older posts by `author`, and the table's statistics taken: PostgreSQL plans for a large blog."""
    old = timezone.now() - timedelta(days=3000)
    Post.objects.bulk_create(
        Post(
            author=author,
            title=f"Ancien {n}",
            slug=f"ancien-{n}",
            body="…",
            status=PostStatus.PUBLISHED,
            language="fr",
            published_at=old + timedelta(hours=n),
        )
        for n in range(3000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE blog_post")


def test_a_page_asked_again_runs_prepared_queries(client):
    PostFactory(title="Lumière en hiver", tags=["hiver"])
    assert not any('"blog_post"' in statement for statement in prepared_statements())
    for _ in range(6):
        assert "Lumière en hiver" in client.get("/").content.decode()
    assert any('FROM "blog_post"' in statement for statement in prepared_statements())


def test_search_is_planned_for_its_words(client):
    """The ranked query is sent with its words written in, and so planned for them even once prepared: with the
    words as parameters, PostgreSQL's plan for any words made their full-text query again for every post it read."""
    PostFactory(title="Lumière d'hiver")
    for _ in range(6):
        response = client.get("/search/", {"q": "lumière"})
        assert [result["post"].title for result in response.context["results"]] == ["Lumière d'hiver"]
    ranked = [statement for statement in prepared_statements() if "ts_rank" in statement]
    assert ranked and all("'lumière'" in statement and not re.search(r"\$\d", statement) for statement in ranked)


def test_a_tags_page_is_planned_for_its_tag(client):
    """A tag's page of posts is sent with the tag written into its subquery of ids: a tag on thousands of posts is read
    along the date index, a rare one along its own, and PostgreSQL planned them again at every request, or, planned
    for any tag, read all the posts of the most used one to sort them; written in, the page asked again is prepared
    with the plan for its tag."""
    hiver = PostFactory(title="Lumière en hiver", tags=["hiver"]).tags.get()
    PostFactory(title="Le lac", tags=["lac"])
    for _ in range(6):
        response = client.get("/tag/hiver/")
        assert [post.title for post in response.context["page_obj"].object_list] == ["Lumière en hiver"]
    pages = [sql.partition("AS ids)")[0] for sql in prepared_statements() if "AS ids)" in sql]
    assert pages and all(
        f'"tag_id" = ({hiver.pk})' in ids and "$" not in ids.partition("IN (SELECT *")[2] for ids in pages
    )


def test_a_list_pages_posts_are_planned_once(client):
    """The page's posts, their ids in a subquery (blog.lists): with LIMIT and OFFSET as parameters, PostgreSQL's
    plan for any page of a large blog looked dearer than one for the page asked, which it made again at every
    request."""
    make_a_large_blog(PostFactory(title="Billet", language="fr").author)
    for _ in range(14):  # prepared at the fifth request, its first five runs planned for their values
        for url in ("/", "/language/fr/"):
            assert client.get(url).context["page_obj"].object_list[0].title == "Billet"
    with connection.cursor() as cursor:
        cursor.execute("SELECT generic_plans FROM pg_prepared_statements WHERE statement LIKE '%AS ids)%'")
        plans = cursor.fetchall()
    assert len(plans) == 2 and all(generic for (generic,) in plans), plans


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


def test_what_subtracts_scheduled_posts_is_planned_once(client):
    """The post count and the sidebar's tag counts compare dates with the present: given as a parameter, PostgreSQL
    guessed a third of a large blog's posts later than it and planned both again at every request
    (blog.compiled.Present)."""
    PostFactory(title="Lumière en hiver", tags=["hiver"])
    PostFactory(title="Le lac gelé", tags=["hiver", "lac"])
    PostFactory(title="Bientôt", tags=["hiver"], published_at=timezone.now() + timedelta(days=1))
    make_a_large_blog(Post.objects.first().author)
    for _ in range(14):  # prepared at the fifth request, its first five runs planned for their values
        sidebar = client.get("/").content.decode().split('class="popular-tags"')[1]
        assert ">hiver</a> (2)" in sidebar and ">lac</a> (1)" in sidebar
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement, generic_plans FROM pg_prepared_statements "
            "WHERE statement LIKE '%%blog_postcount%%' OR statement LIKE 'WITH waiting%%'"
        )
        plans = cursor.fetchall()
    assert len(plans) == 2 and all(generic for _statement, generic in plans), plans


def test_no_query_starts_parallel_workers():
    """A query that PostgreSQL would share among parallel workers started processes of their own, each taking a
    core from another reader's request: the site's connections plan none (config.settings.base)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("0",)
