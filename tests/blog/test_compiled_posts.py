"""The queries compiled once (blog.compiled): each run reads its own values, never the first run's."""

import datetime

import pytest
from django.utils import timezone

from blog.lists import LIST_IDS
from blog.models import Post, PostStatus
from blog.views import PublishedPostsMixin
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_each_run_finds_the_post_of_its_own_slug(client):
    """Two post pages one after the other show each their own post, with its tags and summary."""
    first = PostFactory(title="Première", tags=["hiver"], summary={"en": "The first."})
    second = PostFactory(title="Seconde", tags=["été"], summary={"en": "The second."})
    assert Post.objects.published_to_display(first.slug) == first
    found = Post.objects.published_to_display(second.slug)
    assert found == second
    assert [tag.name for tag in found.listed_tags()] == ["été"]
    assert found.summaries() == [("en", "The second.")]
    assert "Seconde" in client.get(second.get_absolute_url()).content.decode()
    assert Post.objects.published_to_display("nothing-here") is None


def test_a_scheduled_post_shows_once_its_time_has_come(client):
    """The present is a value of each run: a post scheduled in a minute is not found now, and is found later."""
    post = PostFactory(published_at=timezone.now() + datetime.timedelta(minutes=1))
    assert Post.objects.published_to_display(post.slug) is None
    assert client.get(post.get_absolute_url()).status_code == 404
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))
    assert Post.objects.published_to_display(post.slug) == post
    assert client.get(post.get_absolute_url()).status_code == 200


def test_a_draft_is_not_found_by_its_slug():
    post = PostFactory(status=PostStatus.DRAFT)
    assert Post.objects.published_to_display(post.slug) is None


def test_listed_posts_come_in_the_order_of_their_ids():
    """Whatever their dates: the order is the list's, which the ids carry; an unknown id is skipped."""
    posts = PostFactory.create_batch(4)
    ids = [posts[2].pk, posts[0].pk, 999_999, posts[3].pk]
    assert Post.objects.listed(ids) == [posts[2], posts[0], posts[3]]
    assert Post.objects.listed([posts[1].pk]) == [posts[1]]
    assert Post.objects.listed([]) == []
    assert Post.objects.mentioned([posts[3].pk, posts[1].pk]) == [posts[3], posts[1]]


def test_a_slice_of_a_list_reads_its_posts_in_one_query(django_assert_num_queries):
    """The posts `[start:stop]` of a list, their ids read in a subquery: the list's own, newest first, as many as
    asked; drafts, scheduled posts and the other language's left out, as in the list."""
    at = timezone.now() - datetime.timedelta(days=10)
    french = [PostFactory(language="fr", published_at=at + datetime.timedelta(days=day)) for day in range(4)]
    PostFactory(language="en", published_at=at + datetime.timedelta(days=5))
    PostFactory(language="fr", status=PostStatus.DRAFT)
    PostFactory(language="fr", published_at=timezone.now() + datetime.timedelta(days=1))
    with django_assert_num_queries(1):
        found = Post.objects.listed_among((LIST_IDS["language"], {"language": "fr"}), 1, 3)
    assert found == [french[2], french[1]]
    assert Post.objects.listed_among((LIST_IDS["all"], {}), 0, 2) == [Post.objects.get(language="en"), french[3]]
    assert Post.objects.listed_among((LIST_IDS["language"], {"language": "fr"}), 4, 6) == []


def titles_on(client, url):
    return [post.title for post in client.get(url).context["page_obj"].object_list]


def test_list_pages_read_their_own_posts_page_after_page(client, monkeypatch):
    """The home, tag and language lists, compiled once, read each its own posts, on each page, newest first; a
    scheduled post joins them once its time has come."""
    monkeypatch.setattr(PublishedPostsMixin, "paginate_by", 2)
    now = timezone.now()
    for n in range(1, 6):
        PostFactory(
            title=f"Billet {n}",
            language="fr" if n % 2 else "en",
            tags=["hiver"] if n < 3 else [],
            published_at=now - datetime.timedelta(days=n),
        )
    scheduled = PostFactory(title="Bientôt", tags=["hiver"], published_at=now + datetime.timedelta(minutes=1))
    assert titles_on(client, "/") == ["Billet 1", "Billet 2"]
    assert titles_on(client, "/?page=3") == ["Billet 5"]
    assert titles_on(client, "/tag/hiver/") == ["Billet 1", "Billet 2"]
    assert titles_on(client, "/language/fr/?page=2") == ["Billet 5"]
    assert titles_on(client, "/language/en/") == ["Billet 2", "Billet 4"]
    assert client.get("/tag/nothing/").status_code == 404
    Post.objects.filter(pk=scheduled.pk).update(published_at=now - datetime.timedelta(hours=1))
    assert titles_on(client, "/tag/hiver/") == ["Bientôt", "Billet 1"]
