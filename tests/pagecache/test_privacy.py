"""What one visitor sees never reaches another: accounts, staff banners, messages, typed text, language."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.test import Client

from blog.models import PostStatus
from tests.factories import EditorFactory, PostFactory, UserFactory

from .conftest import cached_html

pytestmark = pytest.mark.django_db


def test_a_logged_in_reader_neither_gets_nor_leaves_a_cached_page(client):
    """Her comment form carries her name; the anonymous page kept in the cache does not, before or after."""
    post = PostFactory()
    anonymous = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert "Héloïse Abélard" not in cached_html(anonymous, post.get_absolute_url())
    client.force_login(UserFactory(display_name="Héloïse Abélard"))
    assert "Héloïse Abélard" in client.get(post.get_absolute_url()).content.decode()
    assert "Héloïse Abélard" not in anonymous.get(post.get_absolute_url()).content.decode()


def test_staff_banner_stays_with_staff(client):
    """Staff see a draft with its banner; readers get a 404, never the staff page from a cache."""
    draft = PostFactory(status=PostStatus.DRAFT)
    client.force_login(EditorFactory())
    assert "Draft: readers cannot see this post." in client.get(draft.get_absolute_url()).content.decode()
    reader = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert reader.get(draft.get_absolute_url()).status_code == 404
    assert reader.get(draft.get_absolute_url()).status_code == 404


def message_cookie(text):
    """The cookie Django's message framework sets after a form, holding `text`."""
    storage = CookieStorage(HttpRequest())
    storage.add(messages.SUCCESS, text)
    response = HttpResponse()
    storage.update(response)
    return response.cookies["messages"].value


def test_messages_are_shown_to_their_reader_only(client):
    """The 'thank you' after a comment is shown once, to her; the page kept for others has no message."""
    post = PostFactory()
    other = Client(HTTP_ACCEPT_LANGUAGE="en")
    cached_html(other, post.get_absolute_url())
    client.cookies["messages"] = message_cookie("Merci, votre commentaire est publié.")
    assert "Merci, votre commentaire est publié." in client.get(post.get_absolute_url()).content.decode()
    assert "Merci, votre commentaire est publié." not in other.get(post.get_absolute_url()).content.decode()
    assert "Merci, votre commentaire est publié." not in client.get(post.get_absolute_url()).content.decode()


def test_each_reader_gets_her_interface_language():
    """A French and an English reader each get the page in their language, from the same cache."""
    PostFactory()
    french = Client(HTTP_ACCEPT_LANGUAGE="fr")
    english = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="fr">' in cached_html(french, "/")
    assert '<html lang="en">' in cached_html(english, "/")


def test_search_results_are_per_query(client):
    """Each search is its own page: one reader's words never answer another's search."""
    PostFactory(title="Lumière d'hiver", body="La lumière.")
    PostFactory(title="Café du matin", body="Le café.")
    assert "Café du matin" not in cached_html(client, "/search/?q=lumi%C3%A8re")
    assert "Lumière" not in Client().get("/search/?q=caf%C3%A9").content.decode()
