"""What twenty years of WordPress posts hold, laid out for a phone: galleries and tables."""

from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from tests.factories import PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FITS = "document.documentElement.scrollWidth <= window.innerWidth"


def photo(name):
    Image.linear_gradient("L").resize((1200, 800)).convert("RGB").save(Path(settings.MEDIA_ROOT) / name, "JPEG")
    return f"/media/{name}"


def boxes(page, selector):
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect().toJSON())")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_gallery_shows_its_pictures_side_by_side(live_server, open_page, width):
    """An imported [gallery] (a figure of figures) and a gallery block (a list of figures): thumbnails in rows."""
    figures = "".join(
        f'<figure><a href="{src}"><img src="{src}" alt="Photo {n}"></a><figcaption>Le lac n° {n}</figcaption></figure>'
        for n, src in enumerate(photo(f"lac-{n}.jpg") for n in range(6))
    )
    block = (
        "<figure><ul>"
        + figures.replace("<figure>", "<li><figure>").replace("</figure>", "</figure></li>")
        + "</ul></figure>"
    )
    post = PostFactory(markup="html", body=f'<p>Au bord du lac.</p><figure class="gallery">{figures}</figure>{block}')
    page = open_page(locale="fr-CH")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    assert page.evaluate(FITS)
    for gallery in (".body .gallery img", ".body ul img"):
        pictures = boxes(page, gallery)
        assert len(pictures) == 6
        assert pictures[0]["y"] == pictures[1]["y"], "the first two pictures share a row"
        assert pictures[0]["width"] == pytest.approx(pictures[0]["height"], abs=1), "thumbnails are square"
        assert pictures[0]["width"] < 300
    assert page.locator(".body ul li").first.evaluate("li => getComputedStyle(li).listStyleType") == "none"


def test_a_wide_table_scrolls_within_itself_on_a_phone(live_server, open_page):
    cells = "".join(f"<td>Colonne {n} : beaucoup de texte</td>" for n in range(8))
    post = PostFactory(markup="html", body=f"<table><tr><th>Mois</th>{cells}</tr><tr><td>Mai</td>{cells}</tr></table>")
    page = open_page(locale="fr-CH")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    assert page.evaluate(FITS)
    table = page.locator(".body table")
    assert table.evaluate("t => t.scrollWidth > t.clientWidth"), "the table scrolls sideways inside its box"
    assert table.locator("td").first.evaluate("td => getComputedStyle(td).borderTopStyle") == "solid"


def test_a_centred_picture_the_old_site_no_longer_serves_stays_within_a_phone(live_server, open_page):
    """Imported without its files, a 1,200-pixel picture is broken: its centred figure must not widen the page."""
    gone = '<img src="http://127.0.0.1:9/wp-content/uploads/lac.jpg" alt="Le lac, en grand" width="1200" height="800">'
    post = PostFactory(
        markup="html", body=f'<figure class="aligncenter">{gone}<figcaption>Le lac</figcaption></figure>'
    )
    page = open_page(locale="fr-CH")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate(FITS)


def test_a_heading_in_a_text_is_smaller_than_its_title_in_a_list(live_server, open_page):
    PostFactory(title="Le titre du billet", body="## Un intertitre\n\nLe texte.")
    page = open_page(locale="fr-CH")
    page.goto(f"{live_server.url}/")
    size = "h => parseFloat(getComputedStyle(h).fontSize)"
    title = page.get_by_role("heading", name="Le titre du billet").evaluate(size)
    assert page.get_by_role("heading", name="Un intertitre").evaluate(size) < title
