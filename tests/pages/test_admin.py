"""Editors write pages in the admin; a page cannot take an address Carnet already answers."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts.roles import EDITORS
from blog.models import PostStatus
from pages.models import Page
from tests.factories import AuthorFactory, EditorFactory

from .factories import PageFactory

pytestmark = pytest.mark.django_db

FORM = {
    "title": "À propos de l'été",
    "slug": "",
    "language": "fr",
    "parent": "",
    "order": "0",
    "in_navigation": "on",
    "body": "Je m'appelle **Zoé**.",
    "summary_en": "Who I am.",
    "summary_fr": "",
    "status": "published",
    "published_at_0": "2024-05-01",
    "published_at_1": "10:00:00",
}


@pytest.fixture
def editor(client):
    client.force_login(EditorFactory())
    return client


def test_editors_may_write_pages_and_authors_may_not(client):
    assert {"add_page", "change_page", "delete_page", "view_page"} <= set(
        Group.objects.get(name=EDITORS)
        .permissions.filter(content_type__app_label="pages")
        .values_list("codename", flat=True)
    )
    client.force_login(AuthorFactory())
    assert client.get("/admin/pages/page/add/").status_code == 403


def test_an_editor_writes_a_french_page_with_an_english_summary(editor):
    """Saved with an empty slug, the page gets the ASCII slug of its title and opens at its address."""
    form = editor.get("/admin/pages/page/add/").content.decode()
    assert 'id="id_summary_en"' in form and "blog/admin/slug.js" in form
    response = editor.post("/admin/pages/page/add/", FORM)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get()
    assert (page.slug, page.path) == ("a-propos-de-l-ete", "a-propos-de-l-ete")
    assert page.other_language_summaries() == [("en", "Who I am.")]
    html = Client().get("/a-propos-de-l-ete/").content.decode()
    assert "Je m’appelle <strong>Zoé</strong>." in html
    assert '<div class="summary" lang="en">' in html


def test_the_summary_is_edited_and_removed_from_the_form(editor):
    page = PageFactory(title="Contact", summary={"en": "How to reach me."})
    change = f"/admin/pages/page/{page.pk}/change/"
    assert "How to reach me." in editor.get(change).content.decode()
    editor.post(change, {**FORM, "title": "Contact", "slug": "contact", "summary_en": ""})
    page.refresh_from_db()
    assert page.other_language_summaries() == []


@pytest.mark.parametrize("slug", ["tags", "search", "columns", "admin", "2016", "feed", "static", "healthz"])
def test_a_carnet_address_is_refused_in_the_editor_s_language(editor, slug):
    """The form comes back with a French message naming the address, and what was typed is kept."""
    response = editor.post("/admin/pages/page/add/", {**FORM, "slug": slug}, HTTP_ACCEPT_LANGUAGE="fr")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"«\u202f/{slug}/\u202f» est une des adresses de Carnet\u202f: choisissez un autre slug." in html
    assert "Je m&#x27;appelle **Zoé**." in html
    assert not Page.objects.exists()


def test_a_title_that_would_make_a_carnet_address_gets_another_slug(editor):
    editor.post("/admin/pages/page/add/", {**FORM, "title": "Tags"})
    assert Page.objects.get().path == "tags-2"


def test_two_pages_cannot_share_an_address_but_siblings_of_different_parents_can(editor):
    first, second = PageFactory(title="Services"), PageFactory(title="Ateliers")
    PageFactory(title="Tarifs", parent=first)
    response = editor.post("/admin/pages/page/add/", {**FORM, "slug": "tarifs", "parent": first.pk})
    assert "Another page already has the address “/services/tarifs/”." in response.content.decode()
    response = editor.post("/admin/pages/page/add/", {**FORM, "slug": "tarifs", "parent": second.pk})
    assert response.status_code == 302
    assert Page.objects.filter(path="ateliers/tarifs").exists()


def test_a_page_cannot_be_put_under_its_own_child(editor):
    parent = PageFactory(title="Services")
    child = PageFactory(title="Tarifs", parent=parent)
    response = editor.post(
        f"/admin/pages/page/{parent.pk}/change/", {**FORM, "title": "Services", "slug": "services", "parent": child.pk}
    )
    assert "A page cannot be placed under itself or under one of its own pages." in response.content.decode()


def test_renaming_a_parent_moves_its_children(editor):
    parent = PageFactory(title="Services")
    PageFactory(title="Tarifs", parent=parent)
    editor.post(f"/admin/pages/page/{parent.pk}/change/", {**FORM, "title": "Offres", "slug": "offres"})
    assert Client().get("/offres/tarifs/").status_code == 200


def test_a_parent_with_pages_is_not_deleted(editor):
    """Deleting a parent is refused (PROTECT): its pages would lose their address."""
    parent = PageFactory(title="Services")
    PageFactory(title="Tarifs", parent=parent)
    response = editor.post(f"/admin/pages/page/{parent.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert Page.objects.count() == 2


def test_drafts_are_listed_for_editors(editor):
    PageFactory(title="Brouillon", status=PostStatus.DRAFT)
    assert "Brouillon" in editor.get("/admin/pages/page/").content.decode()


def test_a_renamed_page_and_its_children_keep_their_old_addresses(editor):
    """Links already shared to /services/ and /services/tarifs/ lead to the pages' new addresses."""
    parent = PageFactory(title="Services")
    PageFactory(title="Tarifs", parent=parent)
    editor.post(f"/admin/pages/page/{parent.pk}/change/", {**FORM, "title": "Offres", "slug": "offres"})
    reader = Client()
    assert reader.get("/services/").headers["Location"] == "/offres/"
    assert reader.get("/services/").status_code == 301
    assert reader.get("/services/tarifs/").headers["Location"] == "/offres/tarifs/"
    form = editor.get(f"/admin/pages/page/{parent.pk}/change/").content.decode()
    assert "/services/" in form


def test_an_old_address_taken_by_a_new_page_shows_the_new_page(editor):
    page = PageFactory(title="Contact")
    editor.post(f"/admin/pages/page/{page.pk}/change/", {**FORM, "title": "Écrire", "slug": "ecrire"})
    PageFactory(title="Contact", body="La nouvelle page de contact.")
    html = Client().get("/contact/").content.decode()
    assert "La nouvelle page de contact." in html
    editor.post(f"/admin/pages/page/{page.pk}/change/", {**FORM, "title": "Contact", "slug": "contact-direct"})
    assert Client().get("/ecrire/").headers["Location"] == "/contact-direct/"


def test_the_old_address_of_a_draft_page_tells_readers_nothing(editor):
    page = PageFactory(title="Projet")
    editor.post(
        f"/admin/pages/page/{page.pk}/change/", {**FORM, "title": "Projet secret", "slug": "secret", "status": "draft"}
    )
    assert Client().get("/projet/").status_code == 404
    assert editor.get("/projet/").headers["Location"] == "/secret/"
