import pytest
from django.test import Client

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_interface_follows_accept_language():
    """A browser asking for French gets French menus; one asking for English gets English."""
    assert "Derniers articles" in Client(HTTP_ACCEPT_LANGUAGE="fr-CH,fr;q=0.9").get("/").content.decode()
    assert "Latest posts" in Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").get("/").content.decode()


def test_switch_remembers_the_choice_over_accept_language():
    """After choosing French in the switch, pages stay French even for an English browser."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/tags/"})
    assert response.status_code == 302 and response["Location"] == "/tags/"
    html = client.get("/").content.decode()
    assert '<html lang="fr">' in html and "Derniers articles" in html
    assert response.cookies["django_language"]["max-age"] == 365 * 24 * 3600  # kept after the browser closes


def test_permalinks_do_not_change_with_the_interface_language(client, french_client):
    """The same address serves a post whatever the reader's language."""
    post = PostFactory(slug="un-billet")
    assert client.get(post.get_absolute_url()).status_code == 200
    assert french_client.get(post.get_absolute_url()).status_code == 200


def test_content_keeps_its_language_inside_a_french_interface(french_client):
    """In a French interface an English post is still marked lang="en", its French summary lang="fr"."""
    post = PostFactory(language="en", title="Why I still blog", summary={"fr": "Pourquoi je blogue."})
    html = french_client.get("/").content.decode()
    assert '<html lang="fr">' in html
    assert '<header lang="en">' in html
    assert '<div class="summary" lang="fr">' in html
    assert '<div class="body" lang="en">' in html
    assert post.title in html


def test_compiled_french_catalog_is_committed():
    """The French .mo file ships with the code, so set-up needs no gettext."""
    from django.conf import settings

    assert (settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.mo").exists()
