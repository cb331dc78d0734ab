import datetime

import pytest
from django.utils import timezone

from blog.models import Post, PostStatus
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


def test_similar_posts_prefer_shared_rare_tags(django_assert_num_queries):
    """A post sharing a rare tag ranks above one sharing a common tag; one query once the post's tags are loaded."""
    post = PostFactory(tags=["internet", "cluetrain"])
    for _ in range(5):
        PostFactory(tags=["internet"], published_at=days_ago(10))
    rare = PostFactory(title="Shares the rare tag", tags=["cluetrain"], published_at=days_ago(20))
    post = Post.objects.prefetch_related("tags").get(pk=post.pk)  # as the post page loads it
    with django_assert_num_queries(1):
        similar = list(Post.objects.similar_to(post))
    assert similar[0] == rare
    assert len(similar) == 5


def test_more_shared_tags_win_and_ties_go_to_the_most_recent():
    """Two shared tags beat one; between equals, the newer post comes first."""
    post = PostFactory(tags=["a", "b"])
    older = PostFactory(tags=["a"], published_at=days_ago(30))
    newer = PostFactory(tags=["a"], published_at=days_ago(3))
    both = PostFactory(tags=["a", "b"], published_at=days_ago(60))
    assert list(Post.objects.similar_to(post)) == [both, newer, older]


def test_similar_posts_exclude_the_post_itself_unpublished_and_untagged():
    """Only other published posts that share a tag are suggested."""
    post = PostFactory(tags=["a"])
    PostFactory(tags=["a"], status=PostStatus.DRAFT)
    PostFactory(tags=["a"], published_at=timezone.now() + datetime.timedelta(days=1))
    PostFactory(tags=["other"])
    assert list(Post.objects.similar_to(post)) == []


def test_post_page_lists_similar_posts(client):
    """Under the post, 'Similar posts' links to the related posts with their language."""
    post = PostFactory(tags=["a"])
    PostFactory(title="A related post", language="en", tags=["a"], summary={"fr": "Résumé lié."})
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Similar posts" in html
    assert 'A related post</a> <span class="marker">[en]</span>' in html
    assert "Résumé lié." in html
