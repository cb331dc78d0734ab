import pytest

from tests.factories import AuthorFactory, PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_author_writes_in_the_admin_and_a_reader_finds_the_post(live_server, page):
    """An author logs in, writes a French post with an English summary and tags; readers see it."""
    AuthorFactory(username="claire", display_name="Claire Martin", password="secret-password")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "claire")
    page.fill("#id_password", "secret-password")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/blog/post/add/")
    page.locator("#id_title").press_sequentially("Internet, espace de vie")
    assert page.input_value("#id_slug") == "internet-espace-de-vie"  # prefilled from the title
    page.select_option("#id_language", "fr")
    page.fill("#id_body", "Internet est un **espace social**.\n\n<!--more-->\n\nLa suite.")
    page.fill("#id_summary_en", "About the humanness of the internet.")
    page.select_option("#id_status", "published")
    page.fill("#id_published_at_0", "2016-09-01")
    page.fill("#id_published_at_1", "10:00:00")
    page.fill("#id_tags", "internet, médias sociaux")
    page.click("input[name=_save]")
    assert "was added successfully" in page.locator(".messagelist").inner_text()

    page.goto(f"{live_server.url}/")
    card = page.locator("article.post-card").first
    assert "Internet, espace de vie" in card.inner_text()
    assert "La suite." not in card.inner_text()
    page.click("text=Internet, espace de vie")
    assert page.url.endswith("/2016/09/01/internet-espace-de-vie/")
    assert page.locator("article.post").get_attribute("lang") == "fr"
    assert page.locator("article.post .summary").get_attribute("lang") == "en"
    assert "1er septembre 2016" in page.inner_text("article.post .meta-line")
    assert page.inner_text("article.post .body strong") == "espace social"


def test_reader_switches_the_interface_to_french_and_it_stays(live_server, page):
    """The language switch turns menus French and remembers it on the next page."""
    post = PostFactory(title="Why I still blog", language="en", tags=["blogging"])
    page.goto(f"{live_server.url}/")
    assert page.inner_text("nav").startswith("Latest posts")
    page.click(".language-switch button[value=fr]")
    assert page.inner_text("header.site-header nav").startswith("Articles")  # « Derniers articles » in a page
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    assert "Étiquettes" in page.inner_text("article.post footer")
    assert page.locator("html").get_attribute("lang") == "fr"
