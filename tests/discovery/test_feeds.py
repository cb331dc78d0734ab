import datetime

import feedparser
import pytest
from django.utils import timezone

from blog.models import PostStatus
from tests.columns.factories import RepublicationFactory
from tests.discovery.parsing import parse_xml
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def posts():
    """A French post with an English summary in a column, an English post, a draft and a scheduled post."""
    french = PostFactory(
        title="Internet, un espace de vie",
        slug="internet-espace-de-vie",
        body="Internet est d'abord un **espace social**.",
        summary={"en": "About the profound humanness of the internet."},
        tags=["internet", "relations"],
    )
    RepublicationFactory(post=french, column__slug="chroniques")
    english = PostFactory(language="en", title="Why I still keep a blog", slug="keep-a-blog", tags=["internet"])
    PostFactory(title="Brouillon secret", status=PostStatus.DRAFT, published_at=None, tags=["internet"])
    PostFactory(
        title="Billet programmé",
        published_at=timezone.now() + datetime.timedelta(days=2),
        tags=["internet"],
    )
    return french, english


RSS_FEEDS = ["/feed/", "/language/fr/feed/", "/language/en/feed/", "/tag/internet/feed/", "/columns/chroniques/feed/"]
ATOM_FEEDS = [url + "atom/" for url in RSS_FEEDS]


@pytest.mark.parametrize("url", RSS_FEEDS)
def test_rss_feed_is_valid_rss_2(client, posts, url):
    """Each RSS feed parses without error and has the elements RSS 2.0 requires, items with guid and date."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"

    channel = parse_xml(response.content).find("channel")
    for name in ("title", "link", "description"):
        assert channel.findtext(name), name
    items = channel.findall("item")
    assert items
    for item in items:
        assert item.findtext("title")
        guid = item.find("guid")
        assert guid.get("isPermaLink", "true") == "true"
        assert guid.text == item.findtext("link")
        assert guid.text.startswith("http://testserver/")
        assert parsed.entries[0].published_parsed  # RFC 822 dates feedparser understands
        assert item.findtext("pubDate").endswith(("+0000", "+0100", "+0200", "GMT"))


@pytest.mark.parametrize("url", ATOM_FEEDS)
def test_atom_feed_is_valid_rfc_4287(client, posts, url):
    """Each Atom feed parses without error and has the elements RFC 4287 requires of a feed and its entries."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"

    feed = parse_xml(response.content)
    for name in ("id", "title", "updated"):
        assert feed.findtext(ATOM + name), name
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver" + url
    entries = feed.findall(ATOM + "entry")
    assert entries
    for entry in entries:
        for name in ("id", "title", "updated", "published"):
            assert entry.findtext(ATOM + name), name
        assert entry.find(f"{ATOM}author/{ATOM}name").text  # every entry has an author, so the feed needs none
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href") == entry.findtext(ATOM + "id")
        assert entry.find(ATOM + "content").get("type") == "html"
        assert entry.get(XML_LANG) in {"fr", "en"}
    for entry in parsed.entries:
        assert entry.updated_parsed and entry.published_parsed  # RFC 3339 dates feedparser understands


def test_feed_items_carry_the_other_language_summary_first_then_the_whole_post(client, posts):
    """An item's content starts with the marked summary, then the full rendered body; tags are categories."""
    parsed = feedparser.parse(client.get("/feed/").content)
    entry = next(e for e in parsed.entries if e.title == "Internet, un espace de vie")
    content = entry.description
    assert content.index("[en] About the profound humanness") < content.index("<strong>espace social</strong>")
    assert sorted(tag.term for tag in entry.tags) == ["internet", "relations"]
    assert entry.link == "http://testserver" + posts[0].get_absolute_url()
    assert entry.id == entry.link

    atom_entry = feedparser.parse(client.get("/feed/atom/").content).entries[-1]
    assert atom_entry.content[0].value.startswith('<div lang="en"><p>[en] About the profound humanness')


def test_feeds_list_only_published_posts_newest_first(client, posts):
    """Drafts and scheduled posts stay out of every feed."""
    titles = [entry.title for entry in feedparser.parse(client.get("/tag/internet/feed/").content).entries]
    assert titles == ["Why I still keep a blog", "Internet, un espace de vie"]


def test_single_language_feeds_declare_their_language_and_mixed_ones_do_not(client, posts):
    """The language and column feeds carry <language>/xml:lang; the mixed feeds carry none."""
    assert parse_xml(client.get("/language/en/feed/").content).findtext("channel/language") == "en"
    assert parse_xml(client.get("/columns/chroniques/feed/").content).findtext("channel/language") == "fr"
    assert parse_xml(client.get("/language/fr/feed/atom/").content).get(XML_LANG) == "fr"
    assert parse_xml(client.get("/feed/").content).find("channel/language") is None
    assert parse_xml(client.get("/tag/internet/feed/").content).find("channel/language") is None
    assert parse_xml(client.get("/feed/atom/").content).get(XML_LANG) is None


def test_language_feed_holds_only_that_language_and_speaks_it(client, posts):
    """The French feed lists French posts only and describes itself in French."""
    parsed = feedparser.parse(client.get("/language/fr/feed/").content)
    assert [entry.title for entry in parsed.entries] == ["Internet, un espace de vie"]
    assert parsed.feed.description == "Les derniers articles écrits en français."


@pytest.mark.parametrize("url", ["/language/de/feed/", "/tag/nothing/feed/atom/", "/columns/nothing/feed/"])
def test_unknown_feed_is_404(client, posts, url):
    """A feed of a language, tag or column that does not exist is a 404."""
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("url", "queries"),
    [("/feed/", 2), ("/feed/atom/", 2), ("/tag/internet/feed/", 3), ("/columns/chroniques/feed/atom/", 4)],
)
def test_feed_query_count_does_not_grow_with_posts(client, django_assert_num_queries, posts, url, queries):
    """A feed takes the same number of queries for 2 posts as for 12 with more tags and summaries."""
    client.get(url)  # the column's description is cached after the first request
    with django_assert_num_queries(queries):
        client.get(url)
    for number in range(10):
        post = PostFactory(tags=["internet", f"tag{number}"], summary={"en": "A summary."})
        RepublicationFactory(post=post, column=posts[0].republication.column)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert len(feedparser.parse(response.content).entries) >= 11


def test_every_page_links_the_site_feeds(client, posts):
    """The home page and a post announce the RSS and Atom feeds for autodiscovery."""
    for url in ("/", posts[0].get_absolute_url()):
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml" title="Carnet (RSS)" href="/feed/">' in html
        assert '<link rel="alternate" type="application/atom+xml" title="Carnet (Atom)" href="/feed/atom/">' in html


def test_tag_and_language_pages_link_their_own_feeds(client, posts):
    """A tag page links the tag's feeds, a language page the language's, besides the site's."""
    tag_page = client.get("/tag/internet/").content.decode()
    assert 'href="/tag/internet/feed/"' in tag_page and 'href="/tag/internet/feed/atom/"' in tag_page
    assert 'href="/feed/"' in tag_page
    language_page = client.get("/language/en/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'href="/language/en/feed/"' in language_page and 'href="/language/en/feed/atom/"' in language_page
    # Named as the tag's are, after the site (its name was missing from a feed reader's list).
    assert 'title="Carnet — Articles écrits en anglais (RSS)"' in language_page
