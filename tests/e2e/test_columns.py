import datetime
import re

import pytest
from django.utils import timezone

from tests.columns.factories import ColumnFactory, RepublicationFactory
from tests.factories import EditorFactory, PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ORIGINAL = "https://www.lesquotidiennes.example/chroniques/internet-espace-de-vie"


def published_on(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def test_editor_links_a_post_to_its_original_and_readers_see_the_notice(live_server, open_page, log_in):
    """An editor fills a French post's Republication inline; readers get the French notice and the link."""
    ColumnFactory()
    post = PostFactory(
        title="Internet, espace de vie",
        published_at=published_on(datetime.date(2016, 9, 1)),
        tags=["internet"],
    )
    EditorFactory(username="marc")
    editor = open_page()
    log_in(editor, "marc")
    editor.goto(f"{live_server.url}/admin/blog/post/{post.pk}/change/")
    editor.select_option("#id_republication-0-column", label="Chroniques du monde connecté")
    editor.fill("#id_republication-0-original_url", ORIGINAL)
    editor.fill("#id_republication-0-originally_published_on", "2016-08-31")
    editor.click("input[name=_save]")
    assert "was changed successfully" in editor.inner_text(".messagelist")

    reader = open_page()
    reader.goto(f"{live_server.url}{post.get_absolute_url()}")
    notice = reader.locator("article.post .republication-notice")
    assert re.fullmatch(
        r"Chroniques du monde connecté Paru d’abord dans Les Quotidiennes le (1er|\d+) \w+ \d{4}\. Lire l’original",
        " ".join(notice.inner_text().split()),
    )
    assert notice.evaluate("element => element.closest('[lang]').lang") == "fr"
    assert notice.get_by_role("link").get_attribute("href") == ORIGINAL
    assert reader.locator("link[rel=canonical]").get_attribute("href") == ORIGINAL
    # The magazine is not reachable from here: the browser gets its page from this stand-in.
    reader.route(ORIGINAL, lambda route: route.fulfill(body="<h1>Les Quotidiennes</h1>", content_type="text/html"))
    notice.get_by_role("link").click()
    reader.wait_for_url(ORIGINAL)
    assert reader.inner_text("h1") == "Les Quotidiennes"


def test_candidates_lead_to_a_prefilled_link_form(live_server, open_page, log_in):
    """A post mentioning the publication is a candidate; its button opens a prefilled form; saving links it."""
    ColumnFactory()
    post = PostFactory(
        title="Screens at the dinner table",
        language="en",
        body="We all know the scene.\n\n*First published in Les Quotidiennes.*",
        tags=["screens"],
    )
    PostFactory(title="Unrelated", body="Nothing about magazines.", tags=["misc"])
    EditorFactory(username="marc")
    editor = open_page()
    log_in(editor, "marc")
    editor.goto(f"{live_server.url}/admin/columns/republication/")
    editor.click("text=Posts that may be republished columns")

    rows = editor.locator("table.candidates tbody tr")
    assert rows.count() == 1
    assert "Screens at the dinner table" in rows.first.inner_text()
    assert "First published in Les Quotidiennes" in rows.first.inner_text()
    rows.first.get_by_role("link", name="Link to its original").click()

    assert editor.input_value("#id_post") == str(post.pk)
    assert editor.locator("#id_post option:checked").inner_text() == "Screens at the dinner table"
    assert editor.locator("#id_column option:checked").inner_text() == "Chroniques du monde connecté"
    assert editor.input_value("#id_original_title") == "Screens at the dinner table"
    editor.fill("#id_original_url", ORIGINAL)
    editor.click("input[name=_save]")
    assert "“Screens at the dinner table” is now linked to its original." in editor.inner_text(".messagelist")
    assert "No unlinked post mentions Les Quotidiennes." in editor.inner_text("#content")

    reader = open_page()
    reader.goto(f"{live_server.url}{post.get_absolute_url()}")
    notice = reader.locator("article.post .republication-notice")
    assert re.fullmatch(
        r"Chroniques du monde connecté First published in Les Quotidiennes( on \w+ \d+, \d{4})?\. See the original",
        " ".join(notice.inner_text().split()),
    )
    assert notice.get_by_role("link", name="See the original").get_attribute("href") == ORIGINAL


def test_a_reader_on_a_phone_goes_from_a_long_column_to_all_its_pieces(live_server, browser):
    """/columns/ shows a long column's five newest pieces; "Voir les 7 chroniques" opens the column with all seven."""
    now = timezone.now()
    for age in range(7):
        RepublicationFactory(post__title=f"Chronique {7 - age}", post__published_at=now - datetime.timedelta(days=age))
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-CH")
    page = context.new_page()
    page.goto(f"{live_server.url}/columns/")

    pieces = page.locator(".column-block .piece h4 a").all_inner_texts()
    assert pieces == ["Chronique 7", "Chronique 6", "Chronique 5", "Chronique 4", "Chronique 3"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("link", name="Voir les 7 chroniques").click()
    page.wait_for_url("**/columns/chroniques-du-monde-connecte/")
    assert page.locator(".piece h2 a").count() == 7
    context.close()
