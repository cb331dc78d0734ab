import datetime
import random
import re
import time
from fractions import Fraction

import pytest
from django.utils import timezone

from blog.models import Post, PostStatus, similar
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


def test_similar_posts_prefer_shared_rare_tags(django_assert_num_queries):
    """A post sharing a rare tag ranks above one sharing a common tag; three queries once the post's tags are loaded
    (how many posts carry each tag, the best of them, and those posts)."""
    post = PostFactory(tags=["internet", "cluetrain"])
    for _ in range(5):
        PostFactory(tags=["internet"], published_at=days_ago(10))
    rare = PostFactory(title="Shares the rare tag", tags=["cluetrain"], published_at=days_ago(20))
    post = Post.objects.prefetch_related("tags").get(pk=post.pk)  # as the post page loads it
    with django_assert_num_queries(3):
        found = list(Post.objects.similar_to(post))
    assert found[0] == rare
    assert len(found) == 5


def test_more_shared_tags_win_and_ties_go_to_the_most_recent():
    """Two shared tags beat one; between equals, the newer post comes first."""
    post = PostFactory(tags=["a", "b"])
    older = PostFactory(tags=["a"], published_at=days_ago(30))
    newer = PostFactory(tags=["a"], published_at=days_ago(3))
    both = PostFactory(tags=["a", "b"], published_at=days_ago(60))
    assert list(Post.objects.similar_to(post)) == [both, newer, older]


def test_equal_scores_made_of_different_tags_go_to_the_most_recent():
    """Sharing a tag on 3 posts (1/3) scores as much as sharing two on 6 posts each (1/6 + 1/6), on both databases."""
    post = PostFactory(tags=["a", "b", "c"], published_at=days_ago(100))
    PostFactory(title="One third", tags=["a"], published_at=days_ago(1))
    PostFactory(tags=["a"], published_at=days_ago(50))
    PostFactory(title="Two sixths", tags=["b", "c"], published_at=days_ago(10))
    for _ in range(4):
        PostFactory(tags=["b"], published_at=days_ago(60))
        PostFactory(tags=["c"], published_at=days_ago(60))
    assert [found.title for found in Post.objects.similar_to(post, limit=1)] == ["One third"]


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


def test_a_text_is_suggested_once_and_never_the_translation_already_linked(client):
    """Reading a French post translated into English: its English version, linked above, is not suggested again; of
    another post and its translation, both similar, the one ranked first only."""
    post = PostFactory(title="Voisin lu", language="fr", tags=["jardin", "potager"], published_at=days_ago(5))
    PostFactory(title="Voisin lu, en anglais", language="en", translation_of=post, tags=["jardin", "potager"])
    english = PostFactory(title="Voisin anglais", language="en", tags=["jardin", "potager"], published_at=days_ago(9))
    translated = PostFactory(title="Voisin traduit", language="fr", translation_of=english, tags=["jardin"])
    Post.objects.filter(pk=translated.pk).update(published_at=days_ago(1))
    PostFactory(title="Voisin seul", language="fr", tags=["jardin"], published_at=days_ago(3))
    assert similar_on_page(client, post) == ["Voisin anglais", "Voisin seul"]
    # Read from the English side: its French original is linked, not suggested.
    assert similar_titles(Post.objects.get(title="Voisin lu, en anglais")) == ["Voisin anglais", "Voisin seul"]
    # The pair's posts ranked otherwise: sharing as much, the more recent first.
    translated.tags.add("potager")
    assert similar_on_page(client, post) == ["Voisin traduit", "Voisin seul"]


def test_pairs_among_the_best_leave_room_for_enough_suggestions():
    """Five to show, and among the best the post's translation and a translated pair: five posts are still shown,
    with what scoring every post finds next (a post sharing only the common tag)."""
    post = PostFactory(language="fr", tags=["rare", "web"], published_at=days_ago(50))
    PostFactory(language="en", translation_of=post, tags=["rare", "web"], published_at=days_ago(50))
    best_pair = PostFactory(title="Pair EN", language="en", tags=["rare"], published_at=days_ago(1))
    PostFactory(title="Pair FR", language="fr", translation_of=best_pair, tags=["rare"], published_at=days_ago(2))
    for days in range(3, 6):
        PostFactory(title=f"Rare {days}", tags=["rare"], published_at=days_ago(days))
    PostFactory(title="Web", tags=["web"], published_at=days_ago(10))
    for days in range(20, 40):
        PostFactory(title="Old web", tags=["web"], published_at=days_ago(days))
    assert similar_titles(post) == ["Pair EN", "Rare 3", "Rare 4", "Rare 5", "Web"]


def carriers(post):
    return similar.carriers([tag.pk for tag in post.tags.all()])


def test_a_post_page_reads_its_tags_counts_with_the_post(django_assert_num_queries):
    """The counts the similar posts weigh, read in the post page's own query, are those of the kept table: of
    published posts only (the draft's "internet" is not counted)."""
    post = PostFactory(tags=["internet", "rare", "brouillon"])
    PostFactory(tags=["internet"])
    PostFactory(tags=["brouillon"], status=PostStatus.DRAFT)
    Post.objects.filter(pk=post.pk).update(status=PostStatus.DRAFT)
    PostFactory(tags=["internet", "rare"], slug="shown")
    shown = Post.objects.published_to_display("shown")
    with django_assert_num_queries(0):
        counts = similar.carriers_of(shown)
    names = {tag.pk: tag.name for tag in shown.tags.all()}
    assert {names[tag_id]: n for tag_id, n in counts.items()} == {"internet": 2, "rare": 1}
    assert counts == carriers(shown)


def best(post, limit, rare_rows, counts=None):
    counts = counts or carriers(post)
    return similar.best_candidates(counts, post, limit, rare_rows=rare_rows)


def test_posts_found_from_the_rare_tags_alone_when_no_other_can_score_more(django_assert_num_queries):
    """Among many posts tagged "web", the one sharing the rare tag wins without every "web" post being scored."""
    post = PostFactory(tags=["rare", "web"])
    for days in range(1, 8):
        PostFactory(tags=["web"], published_at=days_ago(days))
    shares_rare = PostFactory(tags=["rare"], published_at=days_ago(30))
    counts = carriers(post)
    with django_assert_num_queries(1):
        assert best(post, 1, rare_rows=2, counts=counts) == [shares_rare.pk]


def test_every_post_is_scored_when_the_rare_tags_give_too_few(django_assert_num_queries):
    """One post shares the rare tag; the two other places go to the newest "web" posts."""
    post = PostFactory(tags=["rare", "web"])
    web = [PostFactory(tags=["web"], published_at=days_ago(days)) for days in range(1, 5)]
    shares_rare = PostFactory(tags=["rare"], published_at=days_ago(30))
    counts = carriers(post)
    with django_assert_num_queries(2):
        assert best(post, 3, rare_rows=2, counts=counts) == [shares_rare.pk, web[0].pk, web[1].pk]


def test_a_tie_with_the_common_tags_is_settled_by_scoring_every_post():
    """Sharing the rare tag (1/2) scores as much as sharing both common ones (1/4 + 1/4): the newer post wins."""
    post = PostFactory(tags=["rare", "common-a", "common-b"])
    PostFactory(title="Rare", tags=["rare"], published_at=days_ago(20))
    both = PostFactory(title="Both", tags=["common-a", "common-b"], published_at=days_ago(1))
    for tag in ("common-a", "common-a", "common-b", "common-b"):
        PostFactory(tags=[tag], published_at=days_ago(40))
    assert best(post, 1, rare_rows=2) == [both.pk]


@pytest.mark.parametrize("seed", [3, 13])
def test_the_rare_tags_first_find_what_scoring_every_post_finds(seed):
    """On a blog of posts with random tags, common and rare, whatever the first search reads: the same posts, in
    the order the rule gives (exact fractions here)."""
    rng = random.Random(seed)
    names = [f"t{index}" for index in range(8)]
    weights = [30, 15, 8, 5, 3, 2, 1, 1]  # "t0" on many posts, "t7" on few
    posts = [
        PostFactory(
            tags=set(rng.choices(names, weights, k=rng.randint(1, 2))), published_at=days_ago(rng.randint(1, 9))
        )
        for _ in range(40)
    ]
    PostFactory(tags=["t6"], status=PostStatus.DRAFT)  # weighs nothing, suggested nowhere
    # Six posts translated into English: a text once, the post's own text never.
    for original, translation in zip(posts[:6], posts[6:12], strict=True):
        Post.objects.filter(pk=translation.pk).update(language="en", translation_of=original)
    for post in rng.sample(posts, 8):
        post.refresh_from_db()
        post.tags.add(*rng.sample(names, 2))
        carried = {name: Post.objects.filter(tags__name=name, status=PostStatus.PUBLISHED).count() for name in names}
        mine = set(post.tags.names())
        scored = [
            (sum(Fraction(1, carried[name]) for name in mine & set(other.tags.names())), other.published_at, other)
            for other in Post.objects.published().exclude(pk=post.pk)
        ]
        expected = {}  # text → the first of its posts
        for score, _date, other in sorted(scored, key=lambda row: (*row[:2], row[2].pk), reverse=True):
            text = other.translation_of_id or other.pk
            if score and text != (post.translation_of_id or post.pk):
                expected.setdefault(text, other.pk)
        expected = list(expected.values())[:5]
        for rare_rows in (1, 20, 60, 10_000):
            assert best(post, 5, rare_rows) == expected, (post.tags.names(), rare_rows)
