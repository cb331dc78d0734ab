import datetime
import json
import re

import pytest

from columns.models import OriginalStatus
from tests.columns.factories import RepublicationFactory
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def meta(html, attribute, name):
    found = re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    assert len(found) == 1, (name, found)
    return found[0]


def json_ld(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


@pytest.fixture
def post():
    return PostFactory(
        title="Internet, un espace de vie",
        body="Internet est d'abord un **espace social**.\n\n<!--more-->\n\nLa suite.",
        summary={"en": "About the profound humanness of the internet."},
        tags=["internet", "relations"],
    )


def test_post_page_has_title_description_and_canonical(client, post):
    """A post's page is titled by the post, described by its excerpt, and names its permalink as canonical."""
    html = client.get(post.get_absolute_url()).content.decode()
    assert "<title>Internet, un espace de vie — Carnet</title>" in html
    assert meta(html, "name", "description") == "Internet est d’abord un espace social."
    assert f'<link rel="canonical" href="http://testserver{post.get_absolute_url()}">' in html


def test_a_french_title_and_description_are_spaced_the_french_way_wherever_they_show(client):
    """The tab's title, link previews and feed readers show « L’œuvre : pourquoi ? » with its no-break spaces and
    the apostrophe typed straight curled; an English post keeps its own punctuation."""
    french = PostFactory(title="L'œuvre : pourquoi ?", summary={"fr": "Une question ; « la » réponse !"})
    english = PostFactory(language="en", title="Why: the short answer ?")
    html = client.get(french.get_absolute_url()).content.decode()
    spaced = "L’œuvre\u202f: pourquoi\u202f?"
    assert f"<title>{spaced} — Carnet</title>" in html
    assert meta(html, "property", "og:title") == meta(html, "name", "twitter:title") == spaced
    assert meta(html, "name", "description") == "Une question\u202f; «\u202fla\u202f» réponse\u202f!"
    assert "<title>Why: the short answer ?" in client.get(english.get_absolute_url()).content.decode()
    assert json_ld(html)["headline"] == "L’œuvre\u202f: pourquoi\u202f?"
    assert f'title="Comments on “{spaced}”"' in html  # the link to the post's comment feed
    feed = client.get("/feed/").content.decode()
    assert "<title>L’œuvre\u202f: pourquoi\u202f?</title>" in feed
    assert "<title>Why: the short answer ?</title>" in feed
    assert "[fr] Une question\u202f; «\u202fla\u202f» réponse\u202f!" in feed


def test_post_description_prefers_a_summary_in_the_post_language_and_is_truncated(client):
    """The description is the post's own-language summary when it has one, tags stripped, 160 characters at most."""
    post = PostFactory(summary={"fr": "Un *résumé* " + "très long " * 30, "en": "Not this one."})
    description = meta(client.get(post.get_absolute_url()).content.decode(), "name", "description")
    assert description.startswith("Un résumé très long")
    assert len(description) <= 160 and description.endswith("…")


def test_a_description_is_cut_after_a_word(client):
    """Search engines and link previews show it as it is: never « anticonstitutionnelleme… »."""
    post = PostFactory(body="Un mot " * 20 + "anticonstitutionnellement " * 5)
    description = meta(client.get(post.get_absolute_url()).content.decode(), "name", "description")
    assert description == ("Un mot " * 20).strip() + "…"  # the long word, which would pass 160, left out


def test_a_long_body_is_described_by_its_opening(client):
    """A body of 200 paragraphs and no summary in its language: the description is its first words, cut after one."""
    post = PostFactory(
        language="fr",
        summary={"en": "In English."},
        body="\n\n".join(f"Paragraphe {i} : l’été de l’œuvre, à Zürich !" for i in range(200)),
    )
    html = client.get(post.get_absolute_url()).content.decode()
    description = meta(html, "name", "description")
    assert description.startswith("Paragraphe 0 : l’été de l’œuvre, à Zürich ! Paragraphe 1 : ")
    assert len(description) <= 160 and description.endswith("…")
    assert json_ld(html)["description"] == description


def test_post_page_has_open_graph_and_twitter_tags(client, post):
    """Open Graph and Twitter card tags describe the post, with og:locale from the post's language."""
    html = client.get(post.get_absolute_url()).content.decode()
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:title") == "Internet, un espace de vie"
    assert meta(html, "property", "og:locale") == "fr_FR"
    assert meta(html, "property", "og:url") == "http://testserver" + post.get_absolute_url()
    assert meta(html, "property", "og:site_name") == "Carnet"
    assert meta(html, "name", "twitter:card") == "summary"
    assert meta(html, "name", "twitter:title") == "Internet, un espace de vie"
    assert '<meta property="article:tag" content="relations">' in html

    english = PostFactory(language="en")
    assert meta(client.get(english.get_absolute_url()).content.decode(), "property", "og:locale") == "en_US"


def test_post_page_has_blogposting_json_ld(client, post):
    """A post carries a schema.org BlogPosting with language, dates, author and tags."""
    data = json_ld(client.get(post.get_absolute_url()).content.decode())
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Internet, un espace de vie"
    assert data["inLanguage"] == "fr"
    assert data["datePublished"] == post.published_at.isoformat()
    assert data["dateModified"].startswith(post.updated_at.date().isoformat())
    assert data["author"]["name"] == post.author.public_name
    assert data["keywords"] == ["internet", "relations"]
    assert data["url"] == "http://testserver" + post.get_absolute_url()
    assert "isBasedOn" not in data


def test_republished_column_json_ld_is_based_on_the_original(client):
    """A republished column names its original in isBasedOn (its new address once moved)."""
    republication = RepublicationFactory(original_url="https://mag.example/chronique/")
    html = client.get(republication.post.get_absolute_url()).content.decode()
    assert json_ld(html)["isBasedOn"] == "https://mag.example/chronique/"

    republication.original_status = OriginalStatus.MOVED
    republication.moved_to_url = "https://mag.example/archives/chronique/"
    republication.save()
    html = client.get(republication.post.get_absolute_url()).content.decode()
    assert json_ld(html)["isBasedOn"] == "https://mag.example/archives/chronique/"


def test_json_ld_cannot_close_its_script(client):
    """A title holding </script> stays inside the JSON, escaped."""
    post = PostFactory(title="</script><script>alert(1)</script> & co")
    html = client.get(post.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["headline"] == "</script><script>alert(1)</script> & co"
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in html


def test_no_hreflang_alternates_between_posts(client, post):
    """A post links no other post as its translation: a summary is not one."""
    PostFactory(language="en", tags=["internet"])
    html = client.get(post.get_absolute_url()).content.decode()
    assert "hreflang" not in html


@pytest.mark.parametrize(
    ("url", "title", "locale"),
    [
        ("/", "Carnet", "en_US"),
        ("/tag/internet/", "Posts tagged “internet”", "en_US"),
        ("/language/fr/", "Posts written in French", "fr_FR"),
        ("/tags/", "All tags", "en_US"),
    ],
)
def test_list_pages_have_metadata(client, post, url, title, locale):
    """Lists have a title, a description, social tags and a canonical link of their own."""
    html = client.get(url).content.decode()
    assert "<title>" in html
    assert meta(html, "name", "description")
    assert meta(html, "property", "og:title") == title
    assert meta(html, "property", "og:type") == "website"
    assert meta(html, "property", "og:locale") == locale
    assert f'<link rel="canonical" href="http://testserver{url}">' in html


def test_second_page_of_a_list_is_its_own_canonical(client, settings):
    """Page 2 of the home page names itself, with its page number, as canonical."""
    for _number in range(settings.BLOG_PAGE_SIZE + 1):
        PostFactory()
    html = client.get("/?page=2&utm_source=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/?page=2">' in html


def test_interface_language_sets_og_locale_on_lists(french_client, post):
    """On lists, og:locale follows the interface language."""
    html = french_client.get("/").content.decode()
    assert meta(html, "property", "og:locale") == "fr_FR"


def test_post_detail_query_count_with_metadata(client, django_assert_num_queries, post):
    """The metadata adds no query per tag: a post with 2 tags and one with 12 take the same count."""
    PostFactory(tags=["internet"])  # a similar post, so its summaries are fetched both times
    with django_assert_num_queries(5):  # the linked translation read with the post; the menu's pages
        client.get(post.get_absolute_url())
    post.tags.add(*[f"tag{number}" for number in range(10)])
    with django_assert_num_queries(5):
        client.get(post.get_absolute_url())


def test_list_pages_are_named_in_link_previews(client, french_client):
    """A shared archive, tag index, columns page or column says what it is, not only the site's name."""
    post = PostFactory(published_at=datetime.datetime(2016, 10, 4, 12, tzinfo=datetime.UTC))
    column = RepublicationFactory(post=post).column
    assert meta(client.get("/2016/").content.decode(), "property", "og:title") == "Posts of 2016"
    assert (
        meta(french_client.get("/2016/10/").content.decode(), "property", "og:title")
        == "Articles parus en octobre 2016"
    )
    assert meta(client.get("/tags/").content.decode(), "property", "og:title") == "All tags"
    assert meta(client.get("/columns/").content.decode(), "property", "og:title") == "Columns"
    assert meta(client.get(column.get_absolute_url()).content.decode(), "property", "og:title") == column.name
