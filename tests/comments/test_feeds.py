import feedparser
import pytest

from comments.models import CommentStatus
from comments.templatetags.comment_tags import post_url
from tests.factories import PostFactory, PostStatus

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_latest_comments_feed(client, post):
    """/comments/feed/ lists the latest approved comments on published posts, newest first."""
    first = CommentFactory(post=post, author_name="Ana", body="Premier")
    CommentFactory(post=post, author_name="Ben", body="Second")
    CommentFactory(post=post, body="En attente", status=CommentStatus.PENDING)
    CommentFactory(post=PostFactory(status=PostStatus.DRAFT), body="Sur un brouillon")
    response = client.get("/comments/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert [e.title for e in feed.entries] == ["Ben on “Humanité d’internet”", "Ana on “Humanité d’internet”"]
    assert feed.entries[1].link == f"http://testserver{post.get_absolute_url()}#comment-{first.pk}"
    assert feed.entries[1].description == "<p>Premier</p>"


def test_post_comments_feed(client, post):
    """Each post has its own comments feed, linked from the post page."""
    CommentFactory(post=post, body="Sur ce billet")
    CommentFactory(body="Ailleurs")
    url = post_url(post, "comments:post-feed")
    assert url == post.get_absolute_url() + "comments/feed/"
    assert f'type="application/rss+xml" title="Comments on “Humanité d’internet”" href="{url}"' in (
        client.get(post.get_absolute_url()).content.decode()
    )
    feed = feedparser.parse(client.get(url).content)
    assert [e.description for e in feed.entries] == ["<p>Sur ce billet</p>"]


def test_feed_of_unpublished_post_is_404(client):
    """A draft's comments feed does not exist for readers."""
    draft = PostFactory(status=PostStatus.DRAFT)
    assert client.get(post_url(draft, "comments:post-feed")).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_feed_query_count_does_not_grow(client, post, count, django_assert_num_queries):
    """The comment feeds run the same number of queries whatever the number of comments."""
    CommentFactory.create_batch(count, post=post)
    with django_assert_num_queries(1):
        client.get("/comments/feed/")
    with django_assert_num_queries(2):
        client.get(post_url(post, "comments:post-feed"))
