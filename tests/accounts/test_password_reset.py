"""A forgotten password: asked for from the admin's login page, e-mailed, set again, logged in."""

import re

import pytest
from django.core import mail
from django.test import Client

from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Un-été-à-Genève-2026"


def reset_link(message):
    return re.search(r"http://testserver(/accounts/reset/\S+/)", message.body).group(1)


def test_the_admin_login_page_offers_a_forgotten_password_in_carnets_look(french_client):
    login = french_client.get("/admin/login/").content.decode()
    assert 'href="/accounts/password_reset/"' in login
    asking = french_client.get("/accounts/password_reset/").content.decode()
    assert "Administration de Carnet" in asking
    assert "Django" not in asking


def test_she_gets_a_link_in_her_language_and_sets_a_new_password(french_client):
    """The e-mail follows the language she chose for Carnet's e-mails, not the browser's."""
    AuthorFactory(username="claire", email="claire@example.org", preferred_language="en")
    sent = french_client.post("/accounts/password_reset/", {"email": "claire@example.org"}, follow=True)
    assert "Message de réinitialisation du mot de passe envoyé" in sent.content.decode()
    (message,) = mail.outbox
    assert message.to == ["claire@example.org"]
    assert message.subject == "Password reset on Carnet"
    assert "In case you’ve forgotten, you are: claire" in message.body

    form = french_client.get(reset_link(message), follow=True)
    assert "Saisissez un nouveau mot de passe" in form.content.decode()
    done = french_client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert 'href="/admin/login/"' in done.content.decode()  # her account is the admin's

    browser = Client()
    browser.post("/admin/login/", {"username": "claire", "password": NEW_PASSWORD})
    assert browser.get("/admin/").status_code == 200
    assert french_client.get(reset_link(message), follow=True).context["validlink"] is False  # used once


def test_an_unknown_address_learns_nothing_and_no_one_is_written_to(french_client):
    AuthorFactory(username="claire", email="claire@example.org")
    sent = french_client.post("/accounts/password_reset/", {"email": "personne@example.org"}, follow=True)
    assert "Message de réinitialisation du mot de passe envoyé" in sent.content.decode()
    assert mail.outbox == []


def test_two_different_new_passwords_are_refused_in_french(french_client):
    AuthorFactory(username="claire", email="claire@example.org")
    french_client.post("/accounts/password_reset/", {"email": "claire@example.org"})
    form = french_client.get(reset_link(mail.outbox[0]), follow=True)
    refused = french_client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"}
    )
    assert "Les deux mots de passe ne correspondent pas." in refused.content.decode()


def test_asking_again_and_again_is_refused_from_one_connection_and_mails_one_person_five_times(settings):
    """A form sent in a loop would fill her mailbox, each ask waiting on the mail server: five asks an hour from
    one connection (then the form says so, in French, her address kept), five e-mails an hour to one person
    (then the page says what it always says, and nothing more is sent)."""
    settings.PASSWORD_RESET_LIMIT = 5
    AuthorFactory(username="claire", email="claire@example.org")
    looping = Client(HTTP_ACCEPT_LANGUAGE="fr", REMOTE_ADDR="203.0.113.7")
    for _ in range(5):
        looping.post("/accounts/password_reset/", {"email": "claire@example.org"})
    refused = looping.post("/accounts/password_reset/", {"email": "claire@example.org"})
    page = refused.content.decode()
    assert "Trop de demandes depuis votre connexion\u202f: veuillez réessayer dans une heure." in page
    assert 'value="claire@example.org"' in page
    assert len(mail.outbox) == 5

    elsewhere = Client(HTTP_ACCEPT_LANGUAGE="fr", REMOTE_ADDR="198.51.100.2")
    sent = elsewhere.post("/accounts/password_reset/", {"email": "Claire@Example.org"}, follow=True)
    assert "Message de réinitialisation du mot de passe envoyé" in sent.content.decode()
    assert len(mail.outbox) == 5  # the sixth e-mail to her in the hour is not sent
    other = elsewhere.post("/accounts/password_reset/", {"email": "marc@example.org"}, follow=True)
    assert other.status_code == 200 and "Trop de demandes" not in other.content.decode()
