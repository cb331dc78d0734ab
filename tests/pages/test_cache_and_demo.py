"""A changed page shows at once through the page cache; the demo content has an About page."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from blog.models import PostStatus
from pages.models import Page
from tests.pagecache.conftest import cached_html

from .factories import PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.mark.usefixtures("_page_cache_on")
@pytest.mark.parametrize("url", ["/", "/a-propos/"])
def test_a_changed_page_shows_at_once_on_cached_pages(url):
    """Editing a page's title, or publishing a new one, changes the menu of every cached page."""
    reader = Client(HTTP_ACCEPT_LANGUAGE="fr")
    page = PageFactory(title="À propos")
    draft = PageFactory(title="Tarifs", status=PostStatus.DRAFT)
    assert "Tarifs" not in cached_html(reader, url)
    Page.objects.filter(pk=draft.pk).update(status=PostStatus.PUBLISHED)
    assert "Tarifs" in cached_html(reader, url)
    page.title = "Qui suis-je"
    page.save()
    assert "Qui suis-je" in cached_html(reader, url)


def test_the_demo_has_an_about_page_in_french_with_an_english_summary(client):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    assert Page.objects.count() == 1
    html = client.get("/a-propos/").content.decode()
    assert '<article class="post page" lang="fr">' in html and "<h1>À propos</h1>" in html
    assert '<div class="summary" lang="en"><span class="summary-label">In English:</span>' in html
    assert '<a href="/a-propos/" lang="fr" aria-current="page">À propos</a>' in html
