"""The post form as the author uses it: live preview, both summaries on one page, nothing typed ever lost."""

import datetime
import re
import time

import pytest
from playwright.sync_api import expect

from blog.models import Post, PostDraft
from tests.factories import AuthorFactory, PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "L'été où j'ai appris à écrire"
BODY = (
    "## Un début\n\n"
    "C'est l'**été** : « enfin », dit-elle. Anticonstitutionnellement, "
    "l'internet n'est pas qu'un *canal* ; c'est un lieu où l'on vit.\n\n"
    "<!--more-->\n\n"
    "La suite, où l'on apprend qu'écrire s'apprend."
)
ENGLISH_SUMMARY = "Summer, and what writing every week taught me: it's a place, not a channel."


def values(page):
    """What the form holds, field by field."""
    return page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelector('#post_form').elements)
            .filter((e) => e.name && e.type !== 'hidden' && e.type !== 'submit')
            .map((e) => [e.name, e.type === 'checkbox' ? e.checked : e.value]))"""
    )


def test_french_post_with_an_english_summary_survives_every_click(live_server, open_page, log_in):
    """Everything she clicks on the page (language, folds, help, preview, date shortcuts) keeps what she typed."""
    AuthorFactory(username="claire")
    page = open_page(locale="fr-FR")
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/blog/post/add/")
    assert page.inner_text("#desk-writing-heading") == "Rédaction"
    page.locator("#id_title").press_sequentially(TITLE)
    page.fill("#id_slug", "ete-ecrire")
    page.fill("#id_body", BODY)
    page.locator("#id_body").press_sequentially("\n\nUne dernière phrase : « tapée ».")
    page.locator("#desk-preview h2").wait_for()
    # Spaced as the post's page will be: « never left alone at the end of a line.
    expect(page.locator("#desk-preview")).to_contain_text("Une dernière phrase\u202f: «\u202ftapée\u202f».")
    assert page.inner_text("#desk-preview strong") == "été"
    assert "Anticonstitutionnellement" in page.inner_text("#desk-preview")
    assert "<!--more-->" not in page.inner_text("#desk-preview")
    assert re.fullmatch(r"Mots\u202f: \d\d · lecture\u202f: environ 1 min", page.inner_text("#desk-stats"))
    assert page.get_attribute("#desk-preview", "lang") == "fr"

    # The English summary comes first, labelled; the French one is folded below it.
    summaries = page.locator(".desk-summary")
    assert summaries.nth(0).get_attribute("data-language") == "en"
    assert "Résumé en anglais — quelques lignes, pas une traduction" in summaries.nth(0).inner_text()
    assert not page.is_visible("#id_summary_fr")
    page.fill("#id_summary_en", ENGLISH_SUMMARY)
    typed = values(page)

    page.click(".desk-help summary")  # the Markdown help opens and closes
    assert page.is_visible(".desk-help table")
    page.click(".desk-help summary")
    page.click(".desk-summary[data-language=fr] summary")  # unfold the French summary, fold it again
    assert page.is_visible("#id_summary_fr")
    page.click(".desk-summary[data-language=fr] summary")
    page.click(".desk-summary[data-language=en] summary")  # even folding the English one loses nothing
    page.click(".desk-summary[data-language=en] summary")
    page.select_option("#id_language", "en")  # a change of mind: the French summary moves up...
    assert summaries.nth(0).get_attribute("data-language") == "fr"
    assert page.get_attribute("#desk-preview", "lang") == "en"
    expect(page.locator("#desk-preview")).to_contain_text("Une dernière phrase : « tapée ».")  # as typed, in English
    page.select_option("#id_language", "fr")  # ...and back
    expect(page.locator("#desk-preview")).to_contain_text("Une dernière phrase\u202f: «\u202ftapée\u202f».")
    assert summaries.nth(0).get_attribute("data-language") == "en"
    page.click("#desk-preview")
    page.click("#desk-stats")
    assert values(page) == typed

    page.click(".datetimeshortcuts a >> nth=0")  # "Aujourd'hui"
    page.click(".datetimeshortcuts a >> nth=2")  # "Maintenant"
    page.fill("#id_tags", "écriture, été")
    page.locator("#desk-saved").filter(has_text="Brouillon enregistré").wait_for()
    page.click("input[name=_continue]")
    assert "a été ajouté" in page.inner_text(".messagelist")
    post = Post.objects.get(slug="ete-ecrire")
    assert post.title == TITLE
    assert post.body == BODY + "\n\nUne dernière phrase : « tapée »."  # line breaks as stored, not as sent (CR LF)
    assert post.summaries() == [("en", ENGLISH_SUMMARY)]
    assert not PostDraft.objects.exists()  # saved with the post: no draft left to offer
    assert page.input_value("#id_summary_en") == ENGLISH_SUMMARY
    assert page.is_hidden("#desk-restore")


def test_coming_back_in_the_same_browser_and_after_a_crash(live_server, browser, log_in):
    """Closed mid-sentence, the tab comes back with everything (this browser kept it); a new browser gets the
    server's copy; restoring and saving clears the draft; edits made offline wait in the browser."""
    AuthorFactory(username="claire")
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15000)
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/blog/post/add/")
    page.fill("#id_title", "Écrire sans perdre")
    page.locator("#id_body").press_sequentially("Première phrase, sauvée. ")
    page.locator("#desk-saved").filter(has_text="Brouillon enregistré").wait_for()
    page.locator("#id_body").press_sequentially("Deuxième phr")
    page.close()

    page = context.new_page()
    page.goto(f"{live_server.url}/admin/blog/post/add/")
    assert page.input_value("#id_body") == ""
    assert "Texte non enregistré de" in page.inner_text("#desk-restore")
    # Typing at once, before reading the offer, neither writes nor presses Restore (a space would).
    page.keyboard.type("Brouillon à l’envers ")
    page.keyboard.press("Enter")
    assert page.input_value("#id_title") == "" and page.is_visible("#desk-restore")
    assert page.evaluate("document.activeElement.id") == "desk-restore"
    # Until she chooses, nothing can be typed beside the offer (it would have nowhere to be saved).
    assert page.locator("#id_body").evaluate("body => body.closest('[inert]') !== null")
    page.locator("#id_body").click(force=True)  # a click on the grey form does not start writing
    page.keyboard.type("Un autre texte")
    assert page.input_value("#id_body") == ""
    assert "Restaurez ou écartez" in page.inner_text("#desk-saved")
    page.click("#desk-restore-yes")
    assert page.locator("#id_body").evaluate("body => body.closest('[inert]') === null")
    assert page.evaluate("document.activeElement.id") == "id_title"
    assert page.input_value("#id_body") == "Première phrase, sauvée. Deuxième phr"
    assert page.input_value("#id_title") == "Écrire sans perdre"
    page.locator("#desk-preview p").filter(has_text="Deuxième phr").wait_for()
    page.locator("#desk-saved").filter(has_text="Brouillon enregistré").wait_for()
    context.close()

    crashed = browser.new_context(locale="fr-FR")  # another browser: nothing kept locally
    page = crashed.new_page()
    page.set_default_timeout(15000)
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/blog/post/add/")
    page.click("#desk-restore-yes")
    assert page.input_value("#id_body") == "Première phrase, sauvée. Deuxième phr"
    page.locator("#id_body").press_sequentially("ase.")
    page.fill("#id_slug", "ecrire-sans-perdre")
    page.click("input[name=_continue]")
    post = Post.objects.get(slug="ecrire-sans-perdre")
    assert post.body == "Première phrase, sauvée. Deuxième phrase."
    assert not PostDraft.objects.exists()

    crashed.set_offline(True)  # the connection drops while she edits the saved post
    page.locator("#id_body").press("Control+End")
    page.locator("#id_body").press_sequentially(" Hors ligne.")
    page.locator("#desk-saved").filter(has_text="gardé dans ce navigateur").wait_for()
    crashed.set_offline(False)
    page.locator("#desk-saved").filter(has_text="Brouillon enregistré").wait_for()
    assert PostDraft.objects.get(post=post).data["body"] == "Première phrase, sauvée. Deuxième phrase. Hors ligne."
    crashed.close()


def test_preview_beside_the_body_on_a_desk_and_below_it_on_a_phone(live_server, browser, log_in):
    """At 1280 px the preview sits beside the body; at 390 px below it, and nothing is wider than the screen."""
    post = PostFactory(author=AuthorFactory(username="claire"), body="Un **texte** déjà là.")
    for width, beside in ((1280, True), (390, False)):
        context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
        page = context.new_page()
        log_in(page, "claire")
        page.goto(f"{live_server.url}/admin/blog/post/{post.pk}/change/")
        body = page.locator("#id_body").bounding_box()
        preview = page.locator("#desk-preview").bounding_box()
        assert page.inner_text("#desk-preview strong") == "texte"  # rendered before any typing
        if beside:
            assert preview["x"] > body["x"] + body["width"] - 1 and preview["y"] < body["y"] + body["height"]
        else:
            assert preview["y"] > body["y"] + body["height"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        context.close()


def test_what_was_typed_last_is_offered_even_when_the_computer_s_clock_is_behind(live_server, browser, log_in):
    """A laptop's clock ten minutes slow: the words typed after the last autosave, kept by this browser, were
    older by its clock than the server's copy, which was offered instead, and they were lost. The page's script
    comes two seconds after the page (a slow connection), which the browser's estimate of the server's clock
    cannot see: words typed just after an autosave are newer all the same."""
    AuthorFactory(username="claire")
    ten_minutes_slow = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(minutes=10)
    context = browser.new_context(locale="fr-FR")
    context.clock.install(time=ten_minutes_slow)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.route("**/desk.js", lambda route: (time.sleep(2), route.continue_()))
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/blog/post/add/")
    page.fill("#id_title", "À l’heure d’été")
    page.locator("#id_body").press_sequentially("Première phrase. ")
    page.locator("#desk-saved").filter(has_text="Brouillon enregistré").wait_for()
    context.set_offline(True)  # what follows stays in this browser
    page.locator("#id_body").press_sequentially("Deuxième phrase, jamais envoyée.")
    kept = context.storage_state()  # this browser's copy, as the laptop restarted after a crash finds it

    restarted = browser.new_context(locale="fr-FR", storage_state=kept)
    restarted.clock.install(time=ten_minutes_slow + datetime.timedelta(seconds=30))
    again = restarted.new_page()
    again.set_default_timeout(15000)
    again.goto(f"{live_server.url}/admin/blog/post/add/")
    assert PostDraft.objects.get().data["body"] == "Première phrase. "  # the server's copy
    again.click("#desk-restore-yes")
    assert again.input_value("#id_body") == "Première phrase. Deuxième phrase, jamais envoyée."
    restarted.close()
    context.close()
