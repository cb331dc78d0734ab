"""WordPress pages move in as Carnet pages: language, summary, parent, order, drafts, old addresses."""

import pytest
from django.test import Client

from blog.models import PostStatus
from comments.models import Comment
from pages.models import Page

from .conftest import FIXTURES
from .test_testdata import WXR

pytestmark = pytest.mark.django_db

PAGES = FIXTURES / "pages.xml"
shared = pytest.mark.skipif(not WXR.is_dir(), reason="no shared test data in this checkout")


def test_pages_arrive_with_their_language_summary_parent_and_order(run_import, client):
    """What a reader sees after the move: the pages at their addresses, in the menu in WordPress's order."""
    output = run_import(PAGES)
    assert "pages: 5 created, 1 skipped" in output
    assert "1 skipped: status “trash”" in output
    about = client.get("/a-propos/").content.decode()
    assert '<article class="post page" lang="fr">' in about
    assert "Je m’appelle Anne." in about
    services = client.get("/services/").content.decode()
    assert (
        '<div class="summary" lang="en"><span class="summary-label">In English:</span> <p>Training, coaching'
        in services
    )
    assert "<strong>formation</strong>" in services
    assert '<a class="title" href="/services/ateliers/" lang="fr">Ateliers d’écriture</a>' in services
    workshop = client.get("/services/ateliers/").content.decode()
    assert (
        '<pre tabindex="0"><code class="language-plaintext">if (a &lt; b) { return "ok"; }</code></pre>' in workshop
        or ("if (a &lt; b) { return &quot;ok&quot;; }" in workshop)
    )
    menu = about[about.index('<nav aria-label="') : about.index("</nav>")]
    assert menu.index(">À propos<") < menu.index(">Services<") < menu.index(">Search<")
    assert "Ateliers" not in menu and "Tarifs" not in menu


def test_languages_are_decided_as_for_posts(run_import):
    output = run_import(PAGES)
    languages = dict(Page.objects.values_list("wordpress_id", "language"))
    assert languages == {10: "fr", 11: "fr", 12: "fr", 13: "en", 14: "fr"}
    assert "1 × language from Basic Bilingual" in output


def test_a_draft_stays_a_draft(run_import, client):
    run_import(PAGES)
    draft = Page.objects.get(wordpress_id=14)
    assert draft.status == PostStatus.DRAFT and draft.slug == "tarifs"
    assert client.get("/tarifs/").status_code == 404


def test_a_page_on_a_carnet_address_moves_and_is_listed(run_import, client):
    """The old /search/ page cannot take Carnet's search: it gets /search-2/, its old address is listed."""
    output = run_import(PAGES)
    assert Page.objects.get(wordpress_id=13).path == "search-2"
    assert "Pages given another address: theirs is one of Carnet's, or a page's beside them (1):" in output
    assert "    Search: /search/ → /search-2/" in output
    assert "/search/" in output.split("Old addresses that Carnet's own pages answer")[1]
    assert 'class="post page"' not in client.get("/search/").content.decode()


def test_old_page_addresses_answer_301(run_import, client):
    """`?page_id=N`, `?p=N` and the old permalink lead to the page, and follow it when its slug changes."""
    run_import(PAGES)
    for old in ("/?page_id=10", "/?p=10"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, "/a-propos/")
    assert client.get("/?page_id=12")["Location"] == "/services/ateliers/"
    services = Page.objects.get(wordpress_id=11)
    services.slug = "offres"
    services.save()
    assert client.get("/services/ateliers/")["Location"] == "/offres/ateliers/"
    assert client.get("/services/")["Location"] == "/offres/"
    assert client.get("/?page_id=14").status_code == 200  # a draft: the home page, no address given away


def test_comments_on_pages_are_reported_skipped(run_import):
    output = run_import(PAGES)
    assert "1 skipped: on a page (Carnet's pages take no comments)" in output
    assert not Comment.objects.exists()


def test_a_second_run_creates_nothing(run_import):
    run_import(PAGES)
    second = run_import(PAGES)
    assert "pages: 5 unchanged, 1 skipped" in second
    assert Page.objects.count() == 5


def test_an_edited_page_is_updated_on_the_next_run(run_import, tmp_path):
    path = tmp_path / "pages.xml"
    path.write_text(PAGES.read_text().replace("<wp:menu_order>3</wp:menu_order>", "<wp:menu_order>0</wp:menu_order>"))
    run_import(PAGES)
    output = run_import(path)
    assert "pages: 1 updated, 4 unchanged, 1 skipped" in output
    assert Page.objects.get(wordpress_id=13).order == 0


@shared
def test_polylang_pages_keep_their_languages(run_import):
    """polylang-bilingual (real export): Home in English, Accueil in French, by Polylang's taxonomy."""
    output = run_import(WXR / "polylang-bilingual.xml")
    assert "pages: 2 created" in output and "2 × language from Polylang" in output
    assert dict(Page.objects.values_list("path", "language")) == {"home": "en", "accueil": "fr"}


@shared
def test_theme_unit_test_pages_nest_and_open(run_import):
    """themeunittestdata (real export): 21 pages, three levels deep, Greek slugs; each opens; none twice."""
    output = run_import(WXR / "themeunittestdata.wordpress.xml")
    assert "pages: 21 created" in output
    menu = Page.objects.in_navigation().count()
    assert menu == 8
    assert f"{menu} × in the site's menu (untick “in the navigation” on the page to leave it out)" in output
    assert "70 skipped: menu entries are not imported: the site's menu lists the published top-level pages" in output
    assert Page.objects.get(wordpress_id=172).path == "level-1/level-2/level-3"
    assert Page.objects.get(wordpress_id=1813).path == "greek/επίπεδο-2/επίπεδο-3"
    reader = Client()
    for page in Page.objects.published():
        assert reader.get(page.get_absolute_url()).status_code == 200, page.path
    assert reader.get("/?page_id=172")["Location"] == "/level-1/level-2/level-3/"
    assert "pages: 21 unchanged" in run_import(WXR / "themeunittestdata.wordpress.xml")
