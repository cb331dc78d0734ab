import datetime

import pytest
from django.utils import timezone

from blog.models import PostStatus
from columns.models import OriginalStatus
from tests.columns.factories import ColumnFactory, RepublicationFactory
from tests.discovery.parsing import parse_xml
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = parse_xml(response.content)
    return {url.findtext(NS + "loc"): url.findtext(NS + "lastmod") for url in root.iter(NS + "url")}


def test_sitemap_lists_posts_with_lastmod_tags_and_pages(client):
    """Published posts (with their last change), tag pages and the main pages are listed on SITE_URL."""
    post = PostFactory(tags=["internet", "médias sociaux"])
    urls = sitemap(client)
    assert urls["http://testserver" + post.get_absolute_url()] == timezone.localtime(post.updated_at).date().isoformat()
    assert "http://testserver/tag/internet/" in urls
    assert "http://testserver/tag/m%C3%A9dias-sociaux/" in urls
    for path in ("/", "/tags/", "/language/fr/", "/language/en/"):
        assert "http://testserver" + path in urls


def test_sitemap_leaves_out_drafts_and_scheduled_posts(client):
    """Posts readers cannot see are not in the sitemap, nor the tags only they carry."""
    PostFactory(slug="brouillon", status=PostStatus.DRAFT, published_at=None, tags=["secret"])
    PostFactory(slug="plus-tard", published_at=timezone.now() + datetime.timedelta(days=1))
    urls = " ".join(sitemap(client))
    assert "brouillon" not in urls and "plus-tard" not in urls and "secret" not in urls


@pytest.mark.parametrize(
    ("status", "listed"),
    [
        (OriginalStatus.UNKNOWN, False),
        (OriginalStatus.ONLINE, False),
        (OriginalStatus.MOVED, False),
        (OriginalStatus.GONE, True),
    ],
)
def test_republished_column_is_listed_only_once_its_original_is_gone(client, status, listed):
    """While the magazine's page is canonical the blog copy stays out; once it is gone the copy is listed."""
    republication = RepublicationFactory(original_status=status, column__slug="chroniques")
    urls = sitemap(client)
    assert ("http://testserver" + republication.post.get_absolute_url() in urls) is listed
    assert "http://testserver/columns/chroniques/" in urls


def test_column_without_published_pieces_is_not_listed(client):
    """An empty column's page is not listed."""
    ColumnFactory(slug="vide")
    assert not any("vide" in url for url in sitemap(client))


def test_sitemap_query_count_does_not_grow_with_posts(client, django_assert_num_queries):
    """The sitemap takes the same number of queries for 1 post as for 15."""
    RepublicationFactory(post__tags=["internet"], original_status=OriginalStatus.GONE)
    with django_assert_num_queries(4):
        client.get("/sitemap.xml")
    for number in range(14):
        RepublicationFactory(post__tags=[f"tag{number}"], original_status=OriginalStatus.GONE)
    with django_assert_num_queries(4):
        client.get("/sitemap.xml")


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out(client):
    """robots.txt points at the sitemap and disallows the admin, search results and previews."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for path in ("/admin/", "/search/", "/preview/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
