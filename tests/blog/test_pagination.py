"""A list page finds its ten posts' ids in the date index, and reads those posts by id (blog.pagination): one query,
the ids in a subquery (blog.lists)."""

import datetime
import itertools

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import PostFactory
from tests.queries import queries_sent, sqlite_plan

pytestmark = pytest.mark.django_db


def make_posts(count, **kwargs):
    now = timezone.now()
    return [PostFactory(published_at=now - datetime.timedelta(days=day + 1), **kwargs) for day in range(count)]


def page_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [post.title for post in response.context["page_obj"]]


def test_each_page_lists_its_posts_newest_first(client):
    posts = make_posts(25, tags=["vélo"])
    PostFactory(status="draft", tags=["vélo"])
    titles = [post.title for post in posts]

    assert page_titles(client, "/") == titles[:10]
    assert page_titles(client, "/?page=3") == titles[20:]
    assert page_titles(client, "/tag/vélo/?page=2") == titles[10:20]
    year = timezone.localtime(posts[12].published_at).year  # the year where the blog is
    in_year = [post.title for post in posts if timezone.localtime(post.published_at).year == year]
    assert page_titles(client, f"/{year}/") == in_year[:10]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the query plan checked is SQLite's")
def test_the_posts_of_a_page_are_read_by_id_not_by_walking_the_blog(client):
    """With the list's filters repeated, SQLite walked every published post's date (1.4 ms at 10,000 posts)."""
    make_posts(12)
    with queries_sent() as queries:
        assert client.get("/").status_code == 200
    sql, params = next((sql, params) for sql, params in queries if '"num_comments"' in sql)
    first_step = sqlite_plan(sql, params)[0]
    assert first_step == "SEARCH blog_post USING INTEGER PRIMARY KEY (rowid=?)"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the query plan checked is PostgreSQL's")
@pytest.mark.parametrize(
    ("url", "index"), [("/?page=3", "blog_post_published_idx"), ("/language/fr/?page=3", "blog_post_language_idx")]
)
def test_a_pages_ids_are_read_in_their_order_from_an_index(client, url, index):
    """The lists' indexes end with the id, which orders posts of the same date: PostgreSQL sorted every date's
    posts on its way to a page down the list (page 400 of the bench: 0.74 → 0.50 ms; of a language: 1.50 → 0.38).

    Which index PostgreSQL reads depends on the table's size, its statistics and VACUUM; with sorting made dear, it
    must find the list's order in one."""
    now = timezone.now()
    for number in range(30):  # two posts a day, the later one with the larger id
        PostFactory(
            title=f"Billet {number}", language="fr", published_at=now - datetime.timedelta(days=20 - number // 2)
        )
    with queries_sent() as queries:
        assert page_titles(client, url) == [f"Billet {number}" for number in range(9, -1, -1)]
    sql, params = next((sql, params) for sql, params in queries if "OFFSET" in sql)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_incremental_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = [line for (line,) in cursor.fetchall()]
    # The ids, read in a subquery of the page's posts (blog.lists): the plan under its Limit; the ten posts it finds
    # are sorted again, which costs nothing.
    at = next(number for number, line in enumerate(plan) if "Limit" in line)
    depth = len(plan[at]) - len(plan[at].lstrip())
    ids = [plan[at], *itertools.takewhile(lambda line: len(line) - len(line.lstrip()) > depth, plan[at + 1 :])]
    assert "Scan Backward using blog_post_" in "".join(ids) and "Sort" not in "".join(ids), "\n".join(plan)
