import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def cached_html(client, url):
    """The page at `url`, asked twice: the second answer must come from the page cache (one query)."""
    first = client.get(url)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second.status_code == 200
    assert len(queries) == 1, f"{url} was not served from the page cache: {len(queries)} queries"
    assert second.content == first.content
    return second.content.decode()
