import datetime
import re
import time

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
    """Under the post, 'Similar posts' links to the related posts with their language and their summary."""
    post = PostFactory(tags=["a"])
    PostFactory(title="A related post", language="en", tags=["a"], summary={"fr": "Résumé lié."})
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Similar posts" in html
    assert "A related post</a>" in html and '<span class="lang-name" lang="en">English</span>' in html
    assert "Résumé lié." in html


def similar_titles(post):
    post = Post.objects.prefetch_related("tags").get(pk=post.pk)  # as the post page loads it, afresh
    return [similar.title for similar in Post.objects.similar_to(post)]


def test_similar_posts_follow_tag_changes_at_once():
    """Computed from the tags as they are: retagging, a tag growing common, unpublishing all show on the next view."""
    post = PostFactory(tags=["jardin", "internet"])
    garden = PostFactory(title="Jardin", tags=["jardin"], published_at=days_ago(20))
    PostFactory(title="Web", tags=["internet"], published_at=days_ago(10))
    assert similar_titles(post) == ["Web", "Jardin"]  # equal weights: the newer first
    for _ in range(3):  # "internet" grows common: a shared "jardin" now weighs more
        PostFactory(tags=["internet"], published_at=days_ago(40))
    assert similar_titles(post)[0] == "Jardin"
    garden.tags.remove("jardin")
    assert "Jardin" not in similar_titles(post)
    post.tags.set(["jardin"])
    assert similar_titles(post) == []
    garden.tags.add("jardin")
    assert similar_titles(post) == ["Jardin"]
    Post.objects.filter(pk=garden.pk).update(status=PostStatus.DRAFT)
    assert similar_titles(post) == []


def similar_on_page(client, post):
    """The titles under "Similar posts" on the rendered post page, in order."""
    html = client.get(post.get_absolute_url()).content.decode()
    if "Similar posts" not in html:
        return []
    section = html[html.index("Similar posts") :]
    return re.findall(r">(Voisin [^<]*)</a>", section)


def test_the_post_page_shows_similar_posts_as_they_are_at_once(client):
    """Publishing, a scheduled post coming due, retagging, unpublishing and deleting show on the next view."""
    post = PostFactory(tags=["jardin"])
    draft = PostFactory(title="Voisin brouillon", tags=["jardin"], status=PostStatus.DRAFT, published_at=None)
    due = timezone.now() + datetime.timedelta(seconds=3)  # time to check before, on a slow machine
    PostFactory(title="Voisin programmé", tags=["jardin"], published_at=due)
    other = PostFactory(title="Voisin lointain", tags=["mer"], published_at=days_ago(30))
    assert similar_on_page(client, post) == []
    draft.status, draft.published_at = PostStatus.PUBLISHED, days_ago(10)
    draft.save()
    assert similar_on_page(client, post) == ["Voisin brouillon"]
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.2)
    assert similar_on_page(client, post) == ["Voisin programmé", "Voisin brouillon"]  # the newer first
    other.tags.add("jardin")
    assert similar_on_page(client, post) == ["Voisin programmé", "Voisin brouillon", "Voisin lointain"]
    draft.status = PostStatus.DRAFT
    draft.save()
    assert similar_on_page(client, post) == ["Voisin programmé", "Voisin lointain"]
    other.delete()
    assert similar_on_page(client, post) == ["Voisin programmé"]
