import re

import pytest
from django.core import mail

from tests.factories import AuthorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Un-été-à-Genève-2026"


def test_the_author_who_forgot_her_password_sets_a_new_one_from_her_phone(live_server, open_page):
    """From the admin's login page, in French, at phone width: the link, the e-mail, a new password, logged in."""
    AuthorFactory(username="claire", email="claire@example.org", preferred_language="fr")
    page = open_page(locale="fr-FR")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_role("link", name="Identifiants de connexion oubliés ?").click()
    assert page.inner_text("#site-name") == "Administration de Carnet"
    page.fill("#id_email", "claire@example.org")
    page.click("input[type=submit]")
    page.get_by_role("heading", name="Message de réinitialisation du mot de passe envoyé").wait_for()

    (message,) = mail.outbox
    assert message.subject == "Réinitialisation du mot de passe sur Carnet"
    page.goto(re.search(r"http://\S+/accounts/reset/\S+/", message.body).group(0))
    page.fill("#id_new_password1", NEW_PASSWORD)
    page.fill("#id_new_password2", NEW_PASSWORD)
    page.click("input[type=submit]")
    page.get_by_role("link", name="Connexion").click()
    page.fill("#id_username", "claire")
    page.fill("#id_password", NEW_PASSWORD)
    page.click("input[type=submit]")
    page.locator("#user-tools").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
