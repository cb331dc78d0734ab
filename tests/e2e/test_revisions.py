import pytest
from playwright.sync_api import expect

from tests.factories import AuthorFactory, PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_author_restores_an_earlier_revision(live_server, page, log_in):
    """She rewrites a paragraph, regrets it, finds the earlier version in History, compares and restores it."""
    claire = AuthorFactory(username="claire", display_name="Claire Martin")
    post = PostFactory(author=claire, title="L'été", body="Le premier jet, « juste ».", tags=["écriture"])
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/blog/post/{post.pk}/change/")
    page.fill("#id_body", "Une réécriture ratée.")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert page.input_value("#id_body") == "Une réécriture ratée."

    page.click("a.historylink")
    versions = page.locator("#revisions tbody tr")
    expect(versions).to_have_count(2)
    assert "Claire Martin" in versions.first.inner_text()
    versions.nth(1).locator("a").click()
    assert page.inner_text(".revision-diff del").strip().endswith("Une réécriture ratée.")
    assert "Le premier jet, « juste »." in page.inner_text(".revision-diff ins")
    page.click("input[value='Restore this version']")

    assert "The earlier version is back" in page.inner_text(".messagelist")
    assert page.input_value("#id_body") == "Le premier jet, « juste »."
    page.click("a.historylink")
    expect(page.locator("#revisions tbody tr")).to_have_count(3)  # the regretted version is still there
    assert "Restored the version of" in page.inner_text("#revisions tbody tr >> nth=0")

    page.goto(live_server.url + post.get_absolute_url())
    # The reader sees French typography: no-break spaces inside the quotes.
    assert page.inner_text("article.post .body") == "Le premier jet, «\u202fjuste\u202f»."
