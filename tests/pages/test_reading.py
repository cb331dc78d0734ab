"""A page as readers see it: its address, its languages, the menu, the sitemap, and what stays Carnet's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import PostStatus
from tests.factories import AuthorFactory, EditorFactory, PostFactory

from .factories import PageFactory

pytestmark = pytest.mark.django_db


def nav(html):
    return html[html.index('<nav aria-label="') : html.index("</nav>")]


def test_a_page_at_its_address_with_its_summary_in_the_other_language(client):
    """/a-propos/ shows the French page in lang="fr", its English summary in lang="en", its Markdown body."""
    PageFactory(title="À propos", body="Je **tiens** ce carnet depuis 2005.", summary={"en": "Who *writes* here."})
    response = client.get("/a-propos/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<article class="post page" lang="fr">' in html
    assert "<h1>À propos</h1>" in html
    assert (
        '<div class="summary" lang="en"><span class="summary-label">In English:</span> <p>Who <em>writes</em>' in html
    )
    assert "Je <strong>tiens</strong> ce carnet" in html
    assert "<title>À propos — Carnet</title>" in html
    assert '<link rel="canonical" href="http://testserver/a-propos/">' in html
    assert '<meta name="description" content="Je tiens ce carnet depuis 2005.">' in html
    assert '<meta property="og:locale" content="fr_FR">' in html


def test_french_typography_and_sanitised_body(client):
    """The body goes through blog's markup: French spacing before « : », no script survives."""
    PageFactory(title="Contact", body="Écrivez-moi : ici.\n\n<script>alert(1)</script><a href='javascript:x()'>x</a>")
    html = client.get("/contact/").content.decode()
    assert "Écrivez-moi\u202f: ici." in html
    assert "<script>alert" not in html and "javascript:" not in html


def test_a_child_page_lives_under_its_parent(client):
    """A page with a parent answers at /parent/page/ and links back to its parent; the parent lists it."""
    services = PageFactory(title="Services", order=1)
    PageFactory(title="Ateliers d'écriture", parent=services)
    PageFactory(title="Brouillon caché", parent=services, status=PostStatus.DRAFT)
    child = client.get("/services/ateliers-d-ecriture/").content.decode()
    assert '<a href="/services/" lang="fr">Services</a>' in child
    parent = client.get("/services/").content.decode()
    assert '<a class="title" href="/services/ateliers-d-ecriture/" lang="fr">Ateliers d’écriture</a>' in parent
    assert "Brouillon caché" not in parent
    assert client.get("/ateliers-d-ecriture/").status_code == 404


def test_an_accented_address_sent_decomposed_finds_the_page(client):
    """A WordPress page's Unicode slug answers whether the browser sends `é` composed or as `e` + accent."""
    PageFactory(title="Été", slug="été")
    assert client.get("/%C3%A9t%C3%A9/").status_code == 200
    assert client.get("/e%CC%81te%CC%81/").status_code == 200


def test_drafts_and_scheduled_pages_are_for_editors_only(client):
    """Readers get a 404 for a draft; an editor sees it with a banner, and it is kept out of caches."""
    PageFactory(title="Tarifs", status=PostStatus.DRAFT, published_at=None)
    assert client.get("/tarifs/").status_code == 404
    client.force_login(EditorFactory())
    response = client.get("/tarifs/")
    assert response.status_code == 200
    assert "Draft: readers cannot see this page." in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_the_menu_lists_published_top_level_pages_in_order_in_both_interfaces(client, french_client):
    """Both interfaces list the pages after Carnet's own links, by their order, each in its own language."""
    PageFactory(title="Contact", order=3)
    PageFactory(title="About", language="en", order=1)
    services = PageFactory(title="Services", order=2)
    PageFactory(title="Sous-page", parent=services)
    PageFactory(title="Brouillon", status=PostStatus.DRAFT)
    PageFactory(title="Hors menu", in_navigation=False)
    for reader, latest in ((client, ">Latest posts</a>"), (french_client, ">Articles</a>")):
        menu = nav(reader.get("/").content.decode())
        assert latest in menu
        assert menu.index("About") < menu.index("Services") < menu.index("Contact")
        assert '<a href="/about/" lang="en">About</a>' in menu
        assert '<a href="/contact/" lang="fr">Contact</a>' in menu
        for hidden in ("Sous-page", "Brouillon", "Hors menu"):
            assert hidden not in menu
    assert 'href="/contact/" lang="fr" aria-current="page"' in nav(client.get("/contact/").content.decode())


def test_a_page_not_found_has_the_same_menu(client, french_client):
    """A reader who followed a broken link finds the site's pages in the menu, as on every other page."""
    PageFactory(title="À propos", slug="a-propos")
    response = french_client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    assert '<a href="/a-propos/" lang="fr">À propos</a>' in nav(response.content.decode())


def test_carnet_addresses_stay_carnet_s(client):
    """A page stored at a Carnet address (bypassing the form) never hides the tag index, an archive or search."""
    PostFactory(tags=["internet"])
    PageFactory(title="Tags", slug="tags")
    PageFactory(title="2016", slug="2016")
    html = client.get("/tags/").content.decode()
    assert 'class="post page"' not in html
    assert 'href="/tag/internet/"' in html
    assert 'class="post page"' not in client.get("/2016/").content.decode()


def test_the_sitemap_lists_published_pages(client):
    PageFactory(title="À propos")
    PageFactory(title="Brouillon", status=PostStatus.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/a-propos/</loc>" in xml
    assert "brouillon" not in xml


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_are_locked_and_do_not_grow(client, django_assert_num_queries):
    """A page costs the same with 3 sibling pages, summaries and children as with 30."""
    parent = PageFactory(title="Services", summary={"en": "What I do."})
    for number in range(3):
        PageFactory(title=f"Sous-page {number}", parent=parent, summary={"en": "A child."})
        PageFactory(title=f"Menu {number}")
    few = count_queries(client, "/services/")
    for number in range(3, 30):
        PageFactory(title=f"Sous-page {number}", parent=parent, summary={"en": "A child."})
        PageFactory(title=f"Menu {number}")
    assert count_queries(client, "/services/") == few
    with django_assert_num_queries(4):  # the page with its parent, its summaries, its children, the menu
        client.get("/services/")


def test_an_author_cannot_read_a_draft_page(client):
    PageFactory(title="Tarifs", status=PostStatus.DRAFT)
    client.force_login(AuthorFactory())
    assert client.get("/tarifs/").status_code == 404
