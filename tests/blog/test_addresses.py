"""Addresses reversed once per process (blog.addresses) are those reverse() gives, whatever changed since."""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import timezone

from blog.addresses import address
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_a_post_and_its_tags_have_the_addresses_reverse_gives(client):
    post = PostFactory(tags=["été", "C++ & co"])
    day = timezone.localtime(post.published_at)  # the permalink's date is the site's
    assert post.get_absolute_url() == reverse(
        "blog:post-detail",
        kwargs={"year": day.year, "month": f"{day.month:02d}", "day": f"{day.day:02d}", "slug": post.slug},
    )
    html = client.get("/").content.decode()
    for tag in post.tags.all():
        assert address("blog:tag-detail", tag.slug) == reverse("blog:tag-detail", args=[tag.slug])
        assert f'<a href="{reverse("blog:tag-detail", args=[tag.slug])}" rel="tag">' in html
        assert client.get(address("blog:tag-detail", tag.slug)).status_code == 200


def test_a_new_slug_or_date_gives_the_new_address(client):
    post = PostFactory(slug="avant")
    before = post.get_absolute_url()
    post.slug = "apres"
    post.published_at = datetime.datetime(2020, 6, 15, 12, tzinfo=datetime.UTC)
    post.save()
    assert post.get_absolute_url() != before
    assert post.get_absolute_url().startswith("/2020/") and post.get_absolute_url().endswith("/apres/")
    assert client.get(post.get_absolute_url()).status_code == 200


def test_a_script_prefix_is_part_of_the_address():
    """A site served under /blog/ (SCRIPT_NAME) links under /blog/, even after the same address was asked at /."""
    root = address("blog:tag-detail", "ete")
    set_script_prefix("/blog/")
    try:
        assert address("blog:tag-detail", "ete") == "/blog" + root
    finally:
        set_script_prefix("/")
    assert address("blog:tag-detail", "ete") == root


def test_a_changed_url_configuration_is_followed(settings):
    assert address("blog:tag-detail", "ete") == "/tag/ete/"
    settings.ROOT_URLCONF = "tests.blog.moved_urls"
    assert address("blog:tag-detail", "ete") == "/carnet/tag/ete/"


def test_no_address_for_what_reverse_refuses():
    with pytest.raises(NoReverseMatch):
        address("blog:tag-detail", "a/b")
