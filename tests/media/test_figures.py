import io
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog import markup
from media.services import create_from_file
from tests.factories import PostFactory
from tests.media.conftest import picture

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(media_root, author):
    return create_from_file(
        io.BytesIO(picture(size=(2000, 1500))),
        "fete.jpg",
        alt="Des amis autour d'une table",
        caption="La fête : internet, c'est ça aussi.",
        credit="Crédit photo : Slice of Chic (CC)",
        uploaded_by=author,
    )


def test_a_library_picture_in_markdown_becomes_a_responsive_figure(client, photo):
    """![alt](url "caption") shows as <figure> with srcset, sizes, dimensions, then caption and credit."""
    post = PostFactory(body=f'Avant.\n\n![Amis à table]({photo.url} "Une soirée")\n\nAprès.')
    html = client.get(post.get_absolute_url()).content.decode()
    figure = re.search(r"<figure>.*?</figure>", html, re.S).group()
    assert re.search(r'<source [^>]*srcset="/media/[^"]*\.480\.webp 480w[^"]*"[^>]*type="image/webp"', figure)
    img = re.search(r"<img [^>]*>", figure).group()
    assert 'alt="Amis à table"' in img
    assert re.search(r'srcset="[^"]*\.480\.jpg 480w, [^"]*\.960\.jpg 960w, [^"]*\.1600\.jpg 1600w"', img)
    assert 'width="1600"' in img and 'height="1200"' in img
    assert 'decoding="async"' in img and "sizes=" in img
    assert 'loading="lazy"' not in img  # the first picture is on the first screen
    assert re.search(
        r"<figcaption>Une soirée <small>Crédit photo\u202f: Slice of Chic \(CC\)</small></figcaption>", figure
    )


def test_the_item_gives_alt_text_and_caption_where_the_markdown_has_none(photo):
    """![](url) takes the library's alt text and caption; the credit always comes from the library."""
    html = markup.render(f"![]({photo.url})")
    assert 'alt="Des amis autour d\'une table"' in html or 'alt="Des amis autour d&#39;une table"' in html
    assert "<figcaption>La fête : internet, c'est ça aussi. <small>" in html.replace("&#39;", "'")


def test_pictures_after_the_first_load_lazily(photo):
    """Only the first figure loads at once; the others wait until the reader scrolls to them."""
    html = markup.render("\n\n".join([f"![a]({photo.url})"] * 3))
    loading = re.findall(r"<img [^>]*>", html)
    assert ['loading="lazy"' in img for img in loading] == [False, True, True]


def test_other_images_are_left_as_they_are(photo):
    """A picture from elsewhere stays a plain <img>; no figure is invented."""
    html = markup.render("![Logo](https://example.org/logo.png)")
    assert html == '<p><img alt="Logo" src="https://example.org/logo.png"></p>'


def test_editing_the_credit_reaches_published_posts(client, photo):
    """A credit corrected in the library shows on the posts that use the picture."""
    from media.services import refresh_posts

    post = PostFactory(body=f"![]({photo.url})")
    photo.credit = "Photo : Anne Dupont"
    photo.save()
    refresh_posts(photo)
    assert "<small>Photo\u202f: Anne Dupont</small>" in client.get(post.get_absolute_url()).content.decode()


def test_a_post_with_ten_figures_runs_as_many_queries_as_one_without(client, photo):
    """Figures are rendered when the post is saved: the page does not query the library."""

    def count(post):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(post.get_absolute_url()).status_code == 200
        return len(queries)

    plain = PostFactory(body="Juste du texte.")
    illustrated = PostFactory(body="\n\n".join(f"Paragraphe {n}.\n\n![Photo {n}]({photo.url})" for n in range(10)))
    assert illustrated.body_html.count("<figure>") == 10
    assert count(illustrated) == count(plain)


def test_srcset_typed_by_an_author_cannot_carry_script():
    """Raw HTML may not smuggle javascript: through srcset, nor odd values through loading or sizes."""
    html = markup.render(
        '<img src="/a.png" srcset="javascript:alert(1) 1x" loading="x onerror" sizes="expression(alert(1))">'
    )
    assert "javascript" not in html and "onerror" not in html and "expression" not in html


def test_library_pictures_in_an_imported_html_post_are_responsive(photo):
    """A body written in HTML (imported from WordPress) gets the same responsive picture, its figure kept."""
    html = markup.render(
        f'<figure><img src="{photo.url}" alt="Amis"><figcaption>Légende</figcaption></figure>'
        '<p><img src="https://example.org/x.png" alt="ailleurs"></p>',
        "html",
    )
    assert re.search(r'<figure><picture><source [^>]*type="image/(avif|webp)"', html)
    assert re.search(r'<img alt="Amis" [^>]*srcset="[^"]*\.480\.jpg 480w', html)
    assert "<figcaption>Légende</figcaption></figure>" in html
    assert '<img src="https://example.org/x.png" alt="ailleurs">' in html or 'alt="ailleurs" src=' in html


def test_a_library_picture_placed_by_wordpress_keeps_its_place(photo):
    """An imported `<img class="alignright size-medium">` moved into the library: its responsive picture stays to
    the right; a class the style sheet does not know, or one typed to restyle the page, is not kept."""
    html = markup.render(
        f'<p><img class="alignright size-medium wp-image-7" src="{photo.url}" alt="Amis"> Texte</p>', "html"
    )
    assert re.search(r"<p><picture class=\"alignright\"><source .*</picture> Texte</p>", html, re.S)
    html = markup.render(f'<p><img class="site-header alignleft" src="{photo.url}" alt="Amis"></p>', "html")
    assert '<picture class="alignleft">' in html and "site-header" not in html


def test_feeds_give_pictures_and_links_their_full_address(client, photo, settings):
    """A feed reader shows the post away from the site: `/media/…` alone would be a broken picture there."""
    post = PostFactory(body=f'Voir [l\'archive](/2019/).\n\n![Amis à table]({photo.url} "Une soirée")')
    for url in ["/feed/", "/feed/atom/"]:
        feed = client.get(url).content.decode()
        assert f"src=&quot;{settings.SITE_URL}/media/" in feed or f'src="{settings.SITE_URL}/media/' in feed, url
        assert "/media/" not in feed.replace(f"{settings.SITE_URL}/media/", ""), url
        assert f"{settings.SITE_URL}/2019/" in feed and post.title in feed


def test_a_post_with_a_picture_shows_it_in_link_previews(client, photo, settings):
    """Shared on a social network or in a chat, the post's first picture comes with its link, and its alt text."""
    post = PostFactory(body=f'Avant.\n\n![Amis à table & « fête »]({photo.url} "Une soirée")')
    html = client.get(post.get_absolute_url()).content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.startswith(f"{settings.SITE_URL}/media/") and image.endswith(".jpg")
    assert (Path(settings.MEDIA_ROOT) / image.removeprefix(f"{settings.SITE_URL}{settings.MEDIA_URL}")).is_file()
    assert '<meta property="og:image:alt" content="Amis à table &amp; «\u202ffête\u202f»">' in html
    assert "og:image" not in client.get(PostFactory(body="Sans image.").get_absolute_url()).content.decode()
