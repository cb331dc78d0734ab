"""An editor writes a French page on a phone; readers find it in the menu and at its address."""

import os

import pytest
from django.apps import apps

from accounts.roles import PAGE_PERMISSIONS, PERMISSIONS, assign
from tests.factories import EditorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("CARNET_SCREENSHOTS")  # a folder to keep screenshots in, to look at them
PHONE = {"width": 390, "height": 844}


def test_editor_creates_a_french_page_that_appears_in_the_menu(live_server, open_page, log_in):
    # A browser test's database is emptied after each test, groups included: make the roles again.
    assign(apps, PERMISSIONS)
    assign(apps, PAGE_PERMISSIONS)
    EditorFactory(username="zoe", preferred_language="fr")
    editor = open_page("fr-FR")
    editor.set_viewport_size(PHONE)
    log_in(editor, "zoe")
    editor.goto(f"{live_server.url}/admin/pages/page/add/")
    editor.locator("#id_title").press_sequentially("L’été à Genève : qui suis-je ?")
    assert editor.input_value("#id_slug") == "l-ete-a-geneve-qui-suis-je"  # blog's ASCII rule, as typed
    editor.fill("#id_body", "Je m’appelle **Zoé**. J’écris ici depuis l’été 2005.")
    editor.fill("#id_summary_en", "Who writes here, since the summer of 2005.")
    editor.select_option("#id_status", "published")
    if SHOTS:
        editor.screenshot(path=os.path.join(SHOTS, "page-editor-390.png"), full_page=True)
    editor.click("input[name=_save]")
    editor.wait_for_url(f"{live_server.url}/admin/pages/page/")  # the click only starts the navigation
    assert editor.locator(".messagelist .success").count() == 1

    reader = open_page("fr-FR")
    reader.set_viewport_size(PHONE)
    reader.goto(f"{live_server.url}/")
    link = reader.locator("header.site-header nav a[lang=fr]", has_text="L’été à Genève")
    assert link.get_attribute("href") == "/l-ete-a-geneve-qui-suis-je/"
    link.scroll_into_view_if_needed()
    link.click()
    reader.wait_for_url(f"{live_server.url}/l-ete-a-geneve-qui-suis-je/")
    article = reader.locator("article.page")
    assert article.get_attribute("lang") == "fr"
    assert reader.inner_text("h1") == "L’été à Genève\u202f: qui suis-je\u202f?"
    assert article.locator(".body").inner_text() == "Je m’appelle Zoé. J’écris ici depuis l’été 2005."
    summary = " ".join(article.locator(".summary[lang=en]").inner_text().split())
    assert summary == "In English: Who writes here, since the summer of 2005."
    assert reader.locator('nav a[aria-current="page"]').inner_text() == "L’été à Genève : qui suis-je ?"
    # Nothing sticks out of the phone's width.
    assert reader.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if SHOTS:
        reader.screenshot(path=os.path.join(SHOTS, "page-reader-390.png"), full_page=True)
