"""Commenting on a post page served from the shared page cache, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.COMMENTS_MIN_SECONDS = 0


def write(page, body):
    page.fill("#id_author_name", "Zoé d'Arc")
    page.fill("#id_author_email", "zoe@example.org")
    page.fill("#id_body", body)


def test_a_reader_comments_on_a_cached_page(live_server, open_page):
    """The page comes from the cache without a token; the form fetches hers, and the comment goes through."""
    post = PostFactory(title="Humanité d'internet")
    url = f"{live_server.url}{post.get_absolute_url()}"
    open_page().goto(url)  # an earlier reader: the page is now in the cache
    reader = open_page(locale="fr-CH")
    served = reader.goto(url).text()
    assert re.search(r'<input type="hidden" name="csrfmiddlewaretoken" value="">', served)
    write(reader, "Très juste : l’internet est un lieu de vie.")
    # expect() polls from Playwright's side: a string given to wait_for_function is eval'd in the page,
    # which the site's Content Security Policy forbids.
    expect(reader.locator("input[name=csrfmiddlewaretoken]")).not_to_have_value("")
    reader.click("#respond button[type=submit]")
    assert "attend la modération" in reader.inner_text(".comment.awaiting .comment-notice")


def test_a_reader_who_read_the_post_then_sends_at_once_is_not_too_fast(live_server, open_page, settings):
    """The form's keys come when the page is shown: the time a phone takes to fill three fields and send is
    not the only time counted (it was, from her first click, and a short comment was refused as a robot's)."""
    settings.COMMENTS_MIN_SECONDS = 3
    post = PostFactory(title="Humanité d'internet", body="Un long texte.\n\n" * 80)
    url = f"{live_server.url}{post.get_absolute_url()}"
    open_page().goto(url)
    reader = open_page(locale="fr-CH")
    reader.goto(url)
    expect(reader.locator("input[name=csrfmiddlewaretoken]")).not_to_have_value("")
    reader.wait_for_timeout(3200)  # she reads the post
    reader.locator("#respond").scroll_into_view_if_needed()
    write(reader, "Merci !")
    reader.click("#respond button[type=submit]")
    assert "attend la modération" in reader.inner_text(".comment.awaiting .comment-notice")


def test_a_reader_who_corrects_her_address_sends_again_at_once(live_server, open_page, settings):
    """The form sent back with a mistake keeps the time she first got it: the script asked for fresh keys on that
    page too, and the corrected comment, sent a second later, was refused as a robot's."""
    settings.COMMENTS_MIN_SECONDS = 3
    post = PostFactory(title="Humanité d'internet")
    url = f"{live_server.url}{post.get_absolute_url()}"
    open_page().goto(url)
    reader = open_page(locale="fr-CH")
    reader.goto(url)
    expect(reader.locator("input[name=csrfmiddlewaretoken]")).not_to_have_value("")
    write(reader, "Très juste : l’été à Genève.")
    reader.fill("#id_author_email", "zoé@genève.example")
    reader.wait_for_timeout(3200)
    reader.click("#respond button[type=submit]")
    assert "Saisissez une adresse e-mail valide" in reader.inner_text("#respond")
    reader.fill("#id_author_email", "zoe@genève.example")
    reader.wait_for_load_state("networkidle")  # the page's script has run, and any request it made ended
    reader.click("#respond button[type=submit]")
    assert "attend la modération" in reader.inner_text(".comment.awaiting .comment-notice")


def test_without_javascript_her_text_comes_back_and_the_second_send_works(live_server, browser):
    """No script: the first send returns the form with her text and a clear message; the second goes through."""
    post = PostFactory(title="Humanité d'internet")
    context = browser.new_context(locale="fr-CH", java_script_enabled=False)
    try:
        reader = context.new_page()
        reader.goto(f"{live_server.url}{post.get_absolute_url()}")
        reader.goto(f"{live_server.url}{post.get_absolute_url()}")  # from the cache this time
        write(reader, "Sans JavaScript, mais avec des accents : été, à, ç.")
        reader.click("#respond button[type=submit]")
        assert "Par sécurité, veuillez envoyer votre commentaire une nouvelle fois" in reader.inner_text("#respond")
        assert reader.input_value("#id_body") == "Sans JavaScript, mais avec des accents : été, à, ç."
        reader.click("#respond button[type=submit]")
        assert "attend la modération" in reader.inner_text(".comment.awaiting .comment-notice")
    finally:
        context.close()
