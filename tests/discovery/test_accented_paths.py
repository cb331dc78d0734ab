"""Every link Carnet gives to an accented address opens, however a browser or a mail client writes it."""

import datetime
import re
import unicodedata
from urllib.parse import quote, urlsplit

import pytest
from django.utils import timezone

from tests.discovery.parsing import parse_xml
from tests.factories import PostFactory
from wordpress.models import Redirect

pytestmark = pytest.mark.django_db

SLUGS = ["l-œuvre-au-cœur", "garçon-français", "écrire-pour-le-web"]
TAGS = ["cœur", "français", "écriture"]
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def posts():
    day = timezone.make_aware(datetime.datetime(2026, 3, 5, 12))
    return [
        PostFactory(title=f"Titre {slug}", slug=slug, published_at=day, tags=[tag])
        for slug, tag in zip(SLUGS, TAGS, strict=True)
    ]


def opens(client, url):
    """The address answers 200 at once: no redirect at all, so none that loops."""
    response = client.get(urlsplit(url).path)
    return response.status_code == 200


def spellings(path):
    """An address as browsers, mail clients and chats write it: percent-encoded, lowercase escapes, raw, decomposed."""
    encoded = quote(path)
    return [
        encoded,
        re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), encoded),
        path,
        unicodedata.normalize("NFD", path),
    ]


def test_sitemap_addresses_of_accented_posts_and_tags_open(client, posts):
    """Every <loc> of the sitemap is percent-encoded and answers 200."""
    root = parse_xml(client.get("/sitemap.xml").content)
    locs = [url.findtext(NS + "loc") for url in root.iter(NS + "url")]
    accented = [loc for loc in locs if "%" in loc]
    assert len(accented) == len(SLUGS) + len(TAGS)
    assert all(loc.isascii() for loc in locs)
    assert all(opens(client, loc) for loc in accented)


@pytest.mark.parametrize("feed", ["/feed/", "/feed/atom/", "/language/fr/feed/"])
def test_feed_links_to_accented_posts_open(client, posts, feed):
    """Each item link of a feed reaches its post without a redirect."""
    content = client.get(feed).content.decode()
    for post in posts:
        link = "http://testserver" + post.get_absolute_url()
        assert link in content
        assert opens(client, link)


@pytest.mark.parametrize("tag", TAGS)
def test_accented_tag_pages_and_feeds_open_however_written(client, posts, tag):
    """A tag page and its feeds answer 200 whichever way the accented address is written."""
    for suffix in ("", "feed/", "feed/atom/"):
        for path in spellings(f"/tag/{tag}/{suffix}"):
            assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("slug", SLUGS)
def test_accented_post_page_answers_however_written(client, posts, slug):
    """Percent-encoded (either case) or raw: 200 at once; decomposed: one redirect to the composed address."""
    path = f"/2026/03/05/{slug}/"
    for spelling in spellings(path)[:3]:
        assert client.get(spelling).status_code == 200, spelling
    decomposed = unicodedata.normalize("NFD", path)
    assert decomposed != path or slug == "l-œuvre-au-cœur"  # œ has no decomposed form
    response = client.get(quote(decomposed))
    if decomposed != path:
        assert (response.status_code, response["Location"]) == (301, quote(path))


def test_canonical_and_og_url_of_accented_pages_are_percent_encoded(client, posts):
    """Addresses meant to be copied elsewhere (canonical, og:url) are plain ASCII, the same as the links."""
    for path in (posts[0].get_absolute_url(), quote(f"/tag/{TAGS[0]}/")):
        html = client.get(path).content.decode()
        assert f'<link rel="canonical" href="http://testserver{path}">' in html
        assert f'<meta property="og:url" content="http://testserver{path}">' in html


def test_search_results_link_accented_posts_that_open(client, posts):
    """A search for an accented word lists the posts by addresses that open."""
    html = client.get("/search/", {"q": "œuvre"}).content.decode()
    assert posts[0].get_absolute_url() in html
    assert opens(client, posts[0].get_absolute_url())


def test_language_switch_on_an_accented_post_comes_back_to_it(client, posts):
    """Switching the interface language on an accented post returns to that post, which opens."""
    url = posts[1].get_absolute_url()
    response = client.post("/i18n/setlang/", {"language": "fr", "next": url}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == url


@pytest.mark.parametrize("old", ["/archives/l-œuvre-ancienne/", "/category/garçons/", "/?p=12"])
def test_wordpress_addresses_with_accents_redirect_once_to_a_page_that_opens(client, posts, old):
    """Old WordPress addresses, however written, answer one 301 to the post, which answers 200."""
    Redirect.objects.create(old_path=old, post=posts[0])
    for spelling in spellings(old) if "?" not in old else [old]:
        response = client.get(spelling)
        assert (response.status_code, response["Location"]) == (301, posts[0].get_absolute_url()), spelling
        assert opens(client, response["Location"])


def test_wordpress_tag_redirect_to_an_accented_tag_opens(client, posts):
    """An old tag address leads to the accented tag page, which answers 200."""
    from taggit.models import Tag

    Redirect.objects.create(old_path="/tag/coeur/", tag=Tag.objects.get(name="cœur"))
    response = client.get("/tag/coeur/")
    assert response["Location"] == quote("/tag/cœur/")
    assert opens(client, response["Location"])
