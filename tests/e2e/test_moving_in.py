"""Moving in: a real bilingual WordPress export imported, then read on a phone through its old addresses."""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

# CARNET_SHARED points at the shared folder from a checkout that is not next to it (a worktree).
WXR = Path(os.environ.get("CARNET_SHARED", Path(settings.BASE_DIR).parent / "shared")) / "testdata" / "wxr"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not WXR.is_dir(), reason="no shared test data in this checkout"),
]


def test_a_reader_follows_old_links_into_the_imported_blog_and_switches_language(live_server, browser):
    """bloggure (qTranslate, French and English): the old permalink, the old ?p=543&lang=fr link, then English."""
    call_command("import_wordpress", str(WXR / "bloggure-wordpress.xml"), stdout=StringIO())
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/?p=543&lang=fr")
        assert page.url == f"{live_server.url}/2012/04/24/devoxx-france-fr/"
        assert page.locator("article.post").get_attribute("lang") == "fr"
        text = page.inner_text("article.post")
        assert "Merci à toute l’équipe des organisateurs" in text, text[-600:]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390

        page.click(".translation-link a")
        assert page.url == f"{live_server.url}/2012/04/24/devoxx-france/"
        assert page.locator("article.post").get_attribute("lang") == "en"

        page.goto(f"{live_server.url}/work/devoxx-france.html")
        assert page.url == f"{live_server.url}/2012/04/24/devoxx-france/"
        assert page.inner_text("article.post h1") == "Devoxx France"
    finally:
        context.close()
