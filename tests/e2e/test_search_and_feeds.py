import datetime
from urllib.parse import urljoin

import feedparser
import pytest
from django.db import connection
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_reader_searches_from_the_header_and_opens_a_result(live_server, page):
    """A word typed in the header's search box finds the posts, the title match first, words highlighted."""
    in_title = PostFactory(title="Tenir un carnet en ligne", body="Vingt ans d'écriture publique.", tags=["blog"])
    PostFactory(title="Why I still blog", language="en", body="My old carnet is still online.", tags=["blog"])
    PostFactory(title="Les médias sociaux", body="Rien à voir.", tags=["internet"])
    page.goto(f"{live_server.url}/")
    page.fill("#site-search-q", "Carnet")
    page.press("#site-search-q", "Enter")

    assert page.inner_text(".count") == "2 posts found."
    results = page.locator("article.search-result")
    assert results.locator("h2 a").all_inner_texts() == ["Tenir un carnet en ligne", "Why I still blog"]
    assert results.nth(1).locator(".excerpt mark").all_inner_texts() == ["carnet"]
    assert results.nth(1).get_attribute("lang") == "en"
    assert page.input_value("main input[name=q]") == "Carnet"
    results.first.get_by_role("link", name="Tenir un carnet en ligne").click()

    page.wait_for_url(f"**{in_title.get_absolute_url()}")
    assert page.title().startswith("Tenir un carnet en ligne — ")


def test_pages_announce_their_feeds_and_the_feeds_answer(live_server, page):
    """The head of a post page links the blog's RSS and Atom feeds and its comments feed; each parses cleanly."""
    post = PostFactory(title="Internet, espace de vie", tags=["internet"])
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    links = page.locator("head link[rel=alternate]")
    announced = {
        links.nth(i).get_attribute("type"): links.nth(i).get_attribute("href")
        for i in range(links.count())
        if "comments" not in links.nth(i).get_attribute("href")
    }
    assert announced == {"application/rss+xml": "/feed/", "application/atom+xml": "/feed/atom/"}
    comments_feed = page.locator("head link[rel=alternate][title^=Comments]").get_attribute("href")
    assert comments_feed == post.get_absolute_url() + "comments/feed/"

    for href in [*announced.values(), comments_feed]:
        response = page.request.get(urljoin(page.url, href))
        assert response.status == 200, href
        assert "xml" in response.headers["content-type"], href
        feed = feedparser.parse(response.body())
        assert feed.bozo == 0, (href, feed.get("bozo_exception"))
    assert [
        entry.title for entry in feedparser.parse(page.request.get(urljoin(page.url, "/feed/")).body()).entries
    ] == ["Internet, espace de vie"]


def test_a_broad_search_on_a_phone_says_it_lists_the_newest(live_server, browser, settings):
    """A word in more posts than search ranks: a French reader on a phone is told she sees the most recent ones."""
    settings.SEARCH_RANKED_MATCHES = 3
    day = timezone.now() - datetime.timedelta(days=1)
    for age, title in enumerate(["Brume du matin", "Brume d’été", "Brume sur le lac", "La plus vieille brume"]):
        PostFactory(title=title, body="Brume.", published_at=day - datetime.timedelta(days=age))
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-CH")
    page = context.new_page()
    page.goto(f"{live_server.url}/search/?q=brume")

    told = "3 articles trouvés ou plus\u202f: les 3 plus récents, les plus pertinents d’abord."
    assert page.inner_text(".count") == told
    titles = page.locator("article.search-result h2 a").all_inner_texts()
    assert sorted(titles) == ["Brume du matin", "Brume d’été", "Brume sur le lac"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_on_a_phone_a_reader_pages_through_results_and_an_old_link_shows_the_last_page(live_server, browser, settings):
    """Twelve matches: the second page holds the two oldest, best first as on the first page; a link to page 9,
    bookmarked when there were more, shows the last page with the count (the page and its count are one query,
    search.queries.Found)."""
    day = timezone.now() - datetime.timedelta(days=1)
    for age in range(settings.SEARCH_PAGE_SIZE + 2):
        PostFactory(title=f"Lac d’été nº {age}", body="Le lac.", published_at=day - datetime.timedelta(days=age))
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-CH")
    page = context.new_page()
    page.goto(f"{live_server.url}/search/?q=lac")
    assert page.inner_text(".count") == "12 articles trouvés."
    first = page.locator("article.search-result h2").all_inner_texts()
    page.get_by_role("link", name="Plus de résultats").click()

    page.wait_for_url("**page=2**")
    assert page.inner_text(".pagination span") == "Page 2 sur 2"
    second = page.locator("article.search-result h2").all_inner_texts()
    assert first + second == [f"Lac d’été nº {age}" for age in range(12)]  # equal ranks: the newest first
    page.goto(f"{live_server.url}/search/?q=lac&page=9")
    assert page.inner_text(".count") == "12 articles trouvés."
    assert page.locator("article.search-result h2").all_inner_texts() == second
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_on_a_phone_search_is_beside_the_language_and_its_page_has_one_box(live_server, browser):
    """On a phone the header's box gives way to a link beside the language switch, and the menu keeps its line (a
    link in it, « Rechercher » wrapped alone onto a third line in French); the search page, its link marked, has its
    own form only (the header is written in Python, blog.frame)."""
    PostFactory(title="Un été à Neuchâtel", body="L'écriture d'un été.")
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-CH")
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    assert page.locator("#site-search-q").count() == 1 and not page.is_visible("#site-search-q")
    tops = page.locator("header.site-header nav li").evaluate_all(
        "items => items.map(item => item.getBoundingClientRect().top)"
    )
    assert len(set(tops)) == 1, tops  # « Derniers articles », « Étiquettes », « Chroniques » on one line
    search = page.locator("header").get_by_role("link", name="Rechercher")
    language = page.locator("header .language-switch")
    assert search.bounding_box()["y"] == pytest.approx(language.bounding_box()["y"], abs=12)  # the same line
    assert search.bounding_box()["width"] >= 44 and search.bounding_box()["height"] >= 44
    search.click()

    page.wait_for_url("**/search/")
    assert page.locator("#site-search-q").count() == 0
    assert page.locator("header a[aria-current=page]").evaluate_all("links => links.map(a => a.textContent)") == [
        "Rechercher"
    ]
    page.fill("main input[name=q]", "été")
    page.press("main input[name=q]", "Enter")
    page.wait_for_url("**q=**")
    assert page.locator("article.search-result h2 a").all_inner_texts() == ["Un été à Neuchâtel"]
    assert page.locator("header .language-switch button[aria-pressed=true]").inner_text() == "Français"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_on_a_phone_a_reader_narrows_a_search_to_a_tag(live_server, browser):
    """A French reader picks a tag in the search form: only that tag's posts, newest first between equals, the
    words marked; a post dated again moves among them (the index is read newest first, search.fts)."""
    now = timezone.now()
    PostFactory(title="Thé au jardin", body="Un thé d'été.", tags=["jardin"], published_at=now - datetime.timedelta(2))
    later = PostFactory(
        title="Thé au jardin", body="Un thé d'été.", tags=["jardin"], published_at=now - datetime.timedelta(3)
    )
    PostFactory(title="Thé en ville", body="Un thé d'été.", tags=["ville"], published_at=now - datetime.timedelta(1))
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-CH")
    page = context.new_page()
    page.goto(f"{live_server.url}/search/?q=th%C3%A9+%C3%A9t%C3%A9")
    assert page.inner_text(".count") == "3 articles trouvés."
    page.select_option("main select[name=tag]", label="jardin")
    page.get_by_role("button", name="Rechercher").click()

    page.wait_for_url("**tag=jardin**")
    assert page.inner_text(".count") == "2 articles trouvés."
    results = page.locator("article.search-result")
    assert results.locator("h2 a").all_inner_texts() == ["Thé au jardin", "Thé au jardin"]
    assert results.first.locator(".excerpt mark").all_inner_texts() == ["thé", "été"]
    first = results.first.locator("h2 a").get_attribute("href")
    later.published_at = now - datetime.timedelta(hours=1)
    later.save()
    page.reload()
    assert page.locator("article.search-result h2 a").first.get_attribute("href") == later.get_absolute_url() != first
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_on_a_phone_the_filters_chosen_stay_chosen_with_the_words_typed(live_server, browser):
    """A French reader types accented words, picks the French posts and an accented tag: the page comes back with the
    same words in the box and the same language and tag chosen in the selects, to search again from there."""
    PostFactory(title="Thé d’été", body="Un thé l'été.", tags=["Été", "thé"], language="fr")
    PostFactory(title="Thé d’hiver", body="Un thé l'hiver, puis l'été.", tags=["Hiver"], language="fr")
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-CH")
    page = context.new_page()
    page.goto(f"{live_server.url}/search/")
    page.get_by_label("Rechercher").press_sequentially("thé d’été")
    page.get_by_label("Langue").select_option(label="Français")
    page.get_by_label("Étiquette").select_option(label="Été")
    page.get_by_role("button", name="Rechercher").click()

    page.wait_for_url("**language=fr**")
    assert page.inner_text(".count") == "1 article trouvé."
    assert page.locator("article.search-result h2").inner_text() == "Thé d’été"
    assert page.input_value("main input[name=q]") == "thé d’été"
    chosen = "s => s.options[s.selectedIndex].textContent"
    assert page.eval_on_selector("main select[name=language]", chosen) == "Français"
    assert page.eval_on_selector("main select[name=tag]", chosen) == "Été"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_on_a_phone_a_reader_types_french_and_reads_excerpts_as_written(live_server, browser):
    """Typed with a French apostrophe, "l’été" finds its word; the excerpt shows an ampersand and an angle bracket as
    the author wrote them, her apostrophe and quotes printed curled, and marks only the word found."""
    PostFactory(
        title="Carnet d’été",
        body='Au jardin & en ville, l\'été 2 < 3 : "vite" dit-on. ' + "Encore un mot. " * 20 + "Fin de l'été.",
    )
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-CH")
    page = context.new_page()
    page.goto(f"{live_server.url}/search/")
    page.get_by_label("Rechercher").press_sequentially("l’été")
    page.get_by_label("Langue").select_option(label="Français")
    page.get_by_role("button", name="Rechercher").click()

    page.wait_for_url("**language=fr**")
    assert page.inner_text(".count") == "1 article trouvé."
    result = page.locator("article.search-result")
    assert result.locator("h2").inner_text() == "Carnet d’été"
    assert result.locator("h2 mark").all_inner_texts() == ["été"]
    excerpt = result.locator(".excerpt")
    assert excerpt.inner_text().startswith("Au jardin & en ville, l’été 2 < 3\u202f: “vite” dit-on. Encore un mot.")
    assert excerpt.locator("mark").all_inner_texts() == ["été"]
    assert excerpt.inner_text().endswith(" …")
    assert page.input_value("main input[name=q]") == "l’été"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's index finds the start of a word; PostgreSQL stems")
def test_on_a_phone_a_reader_finds_posts_by_the_start_of_a_word(live_server, browser):
    """Two letters typed with an accent find the words they begin, in a post published since too; a long start of a
    word finds its word (search.fts: the prefix indexes, 2 to 10 letters, and the words longer than that)."""
    PostFactory(title="Écriture du soir", body="Écrire chaque jour.")
    PostFactory(title="Les écrivains", body="Ils développèrent leurs idées au développement durable.")
    PostFactory(title="Un autre sujet", body="Rien à voir.")
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-CH")
    page = context.new_page()
    page.goto(f"{live_server.url}/search/")
    page.get_by_label("Rechercher").press_sequentially("éc")
    page.get_by_role("button", name="Rechercher").click()

    page.wait_for_url("**q=**")
    assert page.inner_text(".count") == "2 articles trouvés."
    titles = page.locator("article.search-result h2").all_inner_texts()
    assert sorted(titles) == ["Les écrivains", "Écriture du soir"]
    assert sorted(page.locator("article.search-result h2 mark").all_inner_texts()) == ["Écriture", "écrivains"]
    PostFactory(title="Devant l’écran", body="Une soirée.")
    page.reload()
    assert page.inner_text(".count") == "3 articles trouvés."

    for typed in ["développem", "développemen"]:  # 10 letters, read from a prefix index; 12, from the words' lists
        page.get_by_label("Rechercher").fill(typed)
        with page.expect_navigation():
            page.get_by_role("button", name="Rechercher").click()
        assert page.input_value("main input[name=q]") == typed
        assert page.inner_text(".count") == "1 article trouvé."
        assert page.locator("article.search-result .excerpt mark").all_inner_texts() == ["développement"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_on_a_phone_the_search_icon_opens_a_box_she_types_into_at_once(live_server, browser):
    """The header's magnifier leads to the search page, its box already taking her typing; a post without tags
    ends in one line, the comments', not two."""
    PostFactory(title="Tenir un carnet en ligne", tags=["blog"])
    untagged = PostFactory(title="Sans étiquette", tags=[])
    context = browser.new_context(locale="fr-CH", viewport={"width": 390, "height": 844})
    try:
        phone = context.new_page()
        phone.goto(f"{live_server.url}{untagged.get_absolute_url()}")
        expect(phone.locator("article.post > footer")).to_be_hidden()
        phone.locator("a.phone-search").click()
        phone.wait_for_url("**/search/")
        expect(phone.locator("main input[name=q]")).to_be_focused()  # as the page is drawn, after it loads
        phone.keyboard.type("carnet")
        phone.keyboard.press("Enter")
        expect(phone.locator("article.search-result h2")).to_have_text(["Tenir un carnet en ligne"])
        expect(phone.locator("article.search-result footer")).to_contain_text("blog")
    finally:
        context.close()
