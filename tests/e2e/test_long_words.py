"""A title of one very long word (a place name, a URL) wraps on a phone wherever it is listed: nothing scrolls
sideways on the home page, a tag page, the month's archive, search results or a post's similar posts."""

import pytest
from django.utils import timezone

from tests.factories import PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONG = "Taumatawhakatangihangakoauauotamateaturipukakapikimaungahoronukupokaiwhenuakitanatahu"
FITS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize("width", [320, 390])
def test_a_title_of_one_long_word_wraps_wherever_it_is_listed(live_server, open_page, width):
    long = PostFactory(title=f"{LONG} — https://example.org/{LONG}", body=f"Le mot {LONG}.", tags=["voyage"])
    other = PostFactory(title="Un voyage", body="Court.", tags=["voyage"])
    month = timezone.localtime(long.published_at).strftime("/%Y/%m/")  # the month where the blog is
    page = open_page(locale="fr-CH")
    page.set_viewport_size({"width": width, "height": 800})
    for path in ["/", "/tag/voyage/", month, f"/search/?q={LONG}", other.get_absolute_url()]:
        page.goto(f"{live_server.url}{path}")
        assert LONG in page.inner_text("main"), path
        assert page.evaluate(FITS), f"{path} scrolls sideways at {width} px"
