"""A deep page of the blog's or a language's list skips the years of the newer posts (blog.models.post_count.Seek):
it shows what an OFFSET over every newer post showed, and its OFFSET walks no more than a year's posts."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import Post, PostStatus
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

PER_YEAR = 12


@pytest.fixture
def six_years():
    """Twelve posts in each of the six years before this one, in both languages, some on the same day; three this
    year, one scheduled, one with the published status and no date, one draft."""
    now = timezone.now()
    for years_ago in range(1, 7):
        start = datetime.datetime(now.year - years_ago, 1, 1, tzinfo=datetime.UTC)
        for number in range(PER_YEAR):
            day = start + datetime.timedelta(days=30 * number + (number % 2) * 0.5, hours=number % 3)
            PostFactory(language="fr" if number % 3 else "en", published_at=day)
    for minutes in (1, 2, 3):
        PostFactory(language="fr", published_at=now - datetime.timedelta(minutes=minutes))
    PostFactory(language="en", published_at=now + datetime.timedelta(days=1))
    undated = PostFactory(language="fr")
    Post.objects.filter(pk=undated.pk).update(published_at=None)
    PostFactory(language="fr", status=PostStatus.DRAFT, published_at=None)


def shown(client, url):
    """The ids a page lists, and the OFFSET its query of ids was sent with."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    (offset,) = {int(found) for query in queries for found in re.findall(r"OFFSET (\d+)", query["sql"])}
    return [post.pk for post in response.context["page_obj"]], offset


@pytest.mark.parametrize(("url", "languages"), [("/", ("fr", "en")), ("/language/fr/", ("fr",))])
def test_every_page_lists_the_posts_an_offset_over_every_post_lists(client, six_years, url, languages):
    listed = list(Post.objects.published().filter(language__in=languages).values_list("pk", flat=True))
    pages = (len(listed) + 9) // 10
    assert pages >= 5
    for number in [*range(1, pages + 1), "last"]:
        ids, offset = shown(client, f"{url}?page={number}")
        start = ((pages if number == "last" else number) - 1) * 10
        assert ids == listed[start : start + 10], f"page {number}"
        assert offset < max(PER_YEAR, 10), f"page {number} walked {offset} posts"


def test_a_post_moved_to_another_year_moves_on_the_pages(client, six_years):
    oldest = Post.objects.published().last()
    oldest.published_at = timezone.now() - datetime.timedelta(days=366 * 3)
    oldest.save()
    Post.objects.filter(pk=Post.objects.published()[5].pk).update(
        published_at=datetime.datetime(timezone.now().year - 6, 1, 1, tzinfo=datetime.UTC)
    )
    listed = list(Post.objects.published().values_list("pk", flat=True))
    for number in (4, 5, 6, 7, 8):
        assert shown(client, f"/?page={number}")[0] == listed[(number - 1) * 10 : number * 10]
