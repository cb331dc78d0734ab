import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

TAGS = ["internet", "blogging", "relations", "médias sociaux", "cluetrain"]


def make_posts(count):
    posts = [PostFactory(tags=TAGS, summary={"en": "A summary.", "fr": "Un résumé."}) for _ in range(count)]
    return posts[0]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/", "/tag/internet/", "/tags/", "/language/fr/", "POST", "/2026/", "AUTHOR"])
def test_query_count_does_not_grow_with_posts(client, url):
    """Public pages run as many queries with 30 posts as with 3."""
    first = make_posts(3)

    def resolve(post):
        return {"POST": post.get_absolute_url(), "AUTHOR": f"/authors/{post.author.username}/"}.get(
            url, url.replace("2026", str(timezone.localtime(post.published_at).year))
        )

    few = count_queries(client, resolve(first))
    make_posts(27)
    many = count_queries(client, resolve(first))
    assert few == many


def test_locked_query_counts(client, django_assert_num_queries):
    """The exact numbers, so that any new query on these pages is a conscious choice."""
    post = make_posts(30)
    # The count, the page's posts (their ids in a subquery) with their tags and summaries (blog.models.rows), the most
    # used tags, the menu's pages
    with django_assert_num_queries(4):
        client.get("/")
    with django_assert_num_queries(4):  # the tag with its count, rather than the count
        client.get("/tag/internet/")
    # The post with its linked translation and its tags' counts, its approved comments, similar posts in two (see
    # blog.models.similar), the menu's pages
    with django_assert_num_queries(5):
        client.get(post.get_absolute_url())
