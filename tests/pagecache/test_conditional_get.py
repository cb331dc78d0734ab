"""Feed readers and browsers that already have the latest version get a 304 and no body."""

import datetime

import pytest
from django.utils import timezone

from pagecache.models import Generation
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def settled():
    """Content last changed a minute ago (Last-Modified is only sent for a second that is over)."""
    PostFactory(title="Premier billet", published_at=timezone.now() - datetime.timedelta(days=1))
    Generation.objects.update(changed_at=timezone.now() - datetime.timedelta(minutes=1))


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/", "/sitemap.xml"])
def test_a_reader_with_the_latest_version_gets_304(client, settled, url):
    """The ETag or the Last-Modified date sent back answers 304 Not Modified, with an empty body."""
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304


def test_a_new_post_answers_200_with_it(client, settled):
    """Once a post is published, the old ETag and date no longer match: the feed comes whole, with the post."""
    first = client.get("/feed/")
    PostFactory(title="Billet tout frais")
    again = client.get("/feed/", HTTP_IF_NONE_MATCH=first["ETag"], HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert "Billet tout frais" in again.content.decode()
    assert again["ETag"] != first["ETag"]


def test_pages_in_another_language_have_another_etag(client, french_client, settled):
    """The French page is not the English one: its ETag differs, so neither answers 304 for the other."""
    english = client.get("/")
    assert french_client.get("/", HTTP_IF_NONE_MATCH=english["ETag"]).status_code == 200


def test_browsers_ask_again_every_time(client, settled):
    """Pages are never taken as fresh without asking: max-age=0, and Vary: Cookie for shared caches."""
    response = client.get("/")
    assert "max-age=0" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_with_the_cache_off_the_feed_still_answers_304(client, settings, settled):
    """Without the page cache the ETag is the page's checksum: an unchanged feed still answers 304."""
    settings.PAGE_CACHE_SECONDS = 0
    first = client.get("/feed/")
    assert first["ETag"] and first["Last-Modified"]
    assert client.get("/feed/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get("/feed/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
