"""The author's real pages (../shared/reference/seeds/), written into Carnet and read back as a reader."""

import datetime
import io
import re
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from blog.models import Post
from media.services import create_from_file
from tests.columns.factories import ColumnFactory, PublicationFactory, RepublicationFactory
from tests.factories import AuthorFactory, PostFactory
from tests.media.conftest import picture
from tests.xss import script_problems

from .page import ASCII_SPACE, parse
from .seeds import read_seed, seeds_folder

pytestmark = pytest.mark.django_db

SEEDS = ["000", "001", "002", "003", "004"]
INTERFACES = ["en", "fr"]
# Pages 003 and 004 carry no marker at all: the language is read off their text.
UNMARKED_LANGUAGE = {"003": "en", "004": "fr"}
SHARED_TAGS = ["médias sociaux", "présence en ligne"]
FIRST_DAY = datetime.datetime(2016, 3, 28, 12, tzinfo=ZoneInfo("Europe/Zurich"))
DATES = {"fr": "{day} mars 2016", "en": "March {day}, 2016"}
# A summary is a note for readers of its language, labelled in that language.
SUMMARY_LABELS = {"en": "In English:", "fr": "En français\u202f:"}
INTERFACE_WORDS = {"en": ("Similar posts", "Tags:"), "fr": ("Articles similaires", "Étiquettes\u202f:")}
DOUBLE_ESCAPED = re.compile(r"&amp;(?:[a-z]+|#\d+|#x[0-9a-f]+);", re.IGNORECASE)
MOJIBAKE = ("Ã", "â€", "Â", "\ufffd")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def seed_posts(number):
    """The posts of seed page `number`, or a clean skip where ../shared/ is not there."""
    found = sorted(seeds_folder().glob(f"{number}_*.txt"))
    if not found:
        pytest.skip("../shared/reference/seeds is not here (a user's clone has no shared/)")
    return read_seed(found[0])


def title_of(seed_post):
    """A page that shows no title gets the opening words of its text, as the author would pick."""
    return seed_post.title or " ".join(seed_post.texts()[0].split()[:8]) + "…"


def write_seed(number):
    """Write every post of a seed page in Carnet as its author would; [(seed post, Post)] newest first.

    A column piece's other-language summary was the column's description: it becomes the column's.
    A photo goes into the media library with its caption and credit, and into the body as a picture.
    """
    author = AuthorFactory(username="stephanie", display_name="Stephanie")
    written = []
    for index, seed_post in enumerate(seed_posts(number)):
        language = seed_post.language or UNMARKED_LANGUAGE[number]
        pictures = {
            photo.caption: create_from_file(
                io.BytesIO(picture(size=(1200, 800))),
                "photo.jpg",
                alt=photo.caption,
                caption=photo.caption,
                credit=photo.credit,
                uploaded_by=author,
            ).markdown()
            for photo in seed_post.photos
        }
        post = PostFactory(
            author=author,
            language=language,
            title=title_of(seed_post),
            slug=f"seed-{number}-{index}",
            body=seed_post.markdown(pictures),
            summary={} if seed_post.notice else seed_post.summaries,
            published_at=FIRST_DAY - datetime.timedelta(days=index),
            tags=seed_post.tags or SHARED_TAGS,
        )
        if seed_post.notice:
            publication = PublicationFactory(name=seed_post.notice.publication)
            column = ColumnFactory(
                name=seed_post.notice.column, publication=publication, description=seed_post.summaries
            )
            RepublicationFactory(post=post, column=column)
        written.append((seed_post, post))
    return written


def read_page(url, interface):
    response = Client(HTTP_ACCEPT_LANGUAGE=interface).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert script_problems(html) == []
    assert not DOUBLE_ESCAPED.search(html), DOUBLE_ESCAPED.search(html)
    assert not [garbage for garbage in MOJIBAKE if garbage in html]
    return parse(html)


def same_text(text, language="en"):
    """`text` as a reader sees it in `language`: an apostrophe typed between letters printed ’, double quotes “ ”, as
    WordPress showed them; French puts a narrow no-break space (not a space) before : ; ! ? » and after «."""
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r"(?<![^\s(\[{—–])\"(?=\w)", "“", text)
    text = re.sub(r"(?<=\S)\"", "”", text)
    if language == "fr":
        text = re.sub(r"[ \u00a0]+([:;!?»])", "\u202f\\1", text)
        text = re.sub(r"«[ \u00a0]*", "«\u202f", text)
    return ASCII_SPACE.sub(" ", text).strip()


def blocks(body):
    """The paragraphs and list items of a body, as a reader reads them one after the other."""
    return [element.text() for element in body.iter() if element.tag in ("p", "li")]


def day_of(post):
    day = post.published_at.astimezone(FIRST_DAY.tzinfo).day
    return DATES[post.language].format(day="1er" if day == 1 and post.language == "fr" else day)


def assert_post_reads_right(element, seed_post, post, heading, summaries):
    """Title, date in the post's language, `summaries` first in their language, intact body and photos."""
    assert element.find(heading).text() == same_text(title_of(seed_post), post.language)
    assert element.find("time").text() == day_of(post)
    shown = element.find_all("div", "summary")
    assert [(s.attrs["lang"], s.text()) for s in shown] == [
        (code, f"{SUMMARY_LABELS[code]} {same_text(text, code)}") for code, text in summaries
    ]
    body = element.find("div", "body")
    order = list(element.iter())
    assert all(order.index(summary) < order.index(body) for summary in shown)
    assert blocks(body) == [same_text(text, post.language) for text in seed_post.texts()]
    assert language_of(element.find(heading)) == language_of(body) == post.language
    figures = body.find_all("figure")
    assert len(figures) == len(seed_post.photos)
    for figure, photo in zip(figures, seed_post.photos, strict=True):
        assert figure.find("img").attrs["alt"] == photo.caption
        caption = figure.find("figcaption")
        assert caption.text() == f"{same_text(photo.caption, post.language)} {photo.credit}"
        assert caption.find("small").text() == photo.credit


def other_language_summaries(seed_post, post):
    """What the seed shows readers of the other language (for a column piece, the column's description)."""
    return [(code, text) for code, text in seed_post.summaries.items() if code != post.language]


def assert_tags(element, seed_post, label):
    tags = element.find("div", "tags")
    assert tags.find("span", "tags-label").text() == label
    assert sorted(a.text() for a in tags.find("ul").find_all("a")) == sorted(seed_post.tags or SHARED_TAGS)


def assert_column_notice(article, seed_post, post):
    """Carnet's own notice, in the piece's language: the column, where and when it first ran, the original."""
    notice = article.find("aside", "republication-notice")
    if not seed_post.notice:
        assert notice is None
        return
    assert post.language == "fr"
    republication = post.republication
    first_day = republication.originally_published_on.day
    assert notice.find("p", "notice-title").text() == seed_post.notice.column
    assert notice.find_all("p")[1].text() == (
        f"Paru d’abord dans {seed_post.notice.publication} le {first_day} mars 2016. Lire l’original"
    )
    link = notice.find("a")
    assert (link.attrs["href"], link.text()) == (republication.original_url, "Lire l’original")
    assert article.text().count("Paru d’abord") == 1


def language_of(element):
    """The `lang` in force on `element`: its own or its nearest ancestor's."""
    while "lang" not in element.attrs:
        element = element.parent
    return element.attrs["lang"]


def assert_compact_similar_post(item, seed_post, post):
    """Title, date, language; a column piece shows its column line, another post its own summary."""
    assert item.attrs["lang"] == post.language
    assert item.find("a", "title").text() == same_text(title_of(seed_post), post.language)
    assert item.find("time").text() == day_of(post)
    summary, column_line = item.find("div", "summary"), item.find("p", "column-line")
    if seed_post.notice:
        assert summary is None
        assert column_line.text().startswith(f"{seed_post.notice.column} · paru d’abord dans ")
    else:
        assert column_line is None
        expected = [
            (code, f"{SUMMARY_LABELS[code]} {same_text(text, code)}")
            for code, text in other_language_summaries(seed_post, post)
        ]
        assert ([(summary.attrs["lang"], summary.text())] if summary else []) == expected[:1]


@pytest.mark.parametrize("interface", INTERFACES)
@pytest.mark.parametrize("number", SEEDS)
def test_each_seed_post_page_reads_as_the_author_wrote_it(number, interface):
    """Each post page shows title, summaries, body, photos, date, column notice, similar posts and tags intact."""
    written = write_seed(number)
    if number == "001":  # the photo of the page, its caption and credit read from the dump
        assert [(photo.caption, photo.credit) for seed, _post in written for photo in seed.photos] == [
            ("Gâteau au chocolat", "Slice of Chic (CC)")
        ]
    similar_heading, tags_label = INTERFACE_WORDS[interface]
    for seed_post, post in written:
        page = read_page(post.get_absolute_url(), interface)
        assert page.find("title").text().startswith(f"{same_text(post.title, post.language)} — ")
        article = page.find("article", "post")
        assert article.attrs["lang"] == post.language
        assert_post_reads_right(article, seed_post, post, "h1", other_language_summaries(seed_post, post))
        assert_column_notice(article, seed_post, post)
        assert_tags(article, seed_post, tags_label)

        others = [(other_seed, other) for other_seed, other in written if other != post]
        similar = page.find("section", "similar-posts")
        if others:
            assert similar.find("h2").text() == similar_heading
            items = similar.find("ul").find_all("li")
            assert len(items) == min(len(others), settings.BLOG_SIMILAR_POSTS)
            for item, (other_seed, other) in zip(items, others, strict=False):
                assert_compact_similar_post(item, other_seed, other)
        else:
            assert similar is None


@pytest.mark.parametrize("interface", INTERFACES)
@pytest.mark.parametrize("number", SEEDS)
def test_home_page_shows_each_seed_post_whole(number, interface):
    """The home page shows every post of the page, newest first, with its body, photos and tags;
    a column piece shows its column line instead of repeating the column's description."""
    written = write_seed(number)
    cards = read_page("/", interface).find_all("article", "post-card")
    assert len(cards) == len(written)
    for card, (seed_post, post) in zip(cards, written, strict=True):
        summaries = [] if seed_post.notice else other_language_summaries(seed_post, post)
        assert_post_reads_right(card, seed_post, post, "h2", summaries)
        column_line = card.find("p", "column-line")
        if seed_post.notice:
            first_day = post.republication.originally_published_on.day
            notice = seed_post.notice
            assert (
                column_line.text()
                == f"{notice.column} · paru d’abord dans {notice.publication}, le {first_day} mars 2016"
            )
        else:
            assert column_line is None
        assert_tags(card, seed_post, INTERFACE_WORDS[interface][1])


def test_seed_003_long_tag_list_is_whole_on_its_tag_pages():
    """Every one of the 37 tags of seed 003 leads to a page listing the post."""
    ((seed_post, post),) = write_seed("003")
    assert len(seed_post.tags) == 37
    page = read_page(post.get_absolute_url(), "en")
    links = page.find("div", "tags").find("ul").find_all("a")
    assert len(links) == 37
    for link in links:
        titles = [h2.text() for h2 in read_page(link.attrs["href"], "fr").find_all("h2")]
        assert post.title in titles


WXR = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Climb to the Stars</title>
  <link>https://blog.example.org</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>https://blog.example.org</wp:base_site_url>
  <wp:base_blog_url>https://blog.example.org</wp:base_blog_url>
  <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[steph]]></wp:author_login>
    <wp:author_email><![CDATA[steph@example.org]]></wp:author_email>
    <wp:author_display_name><![CDATA[Stephanie]]></wp:author_display_name></wp:author>
  <item>
    <title><![CDATA[{title}]]></title>
    <link>https://blog.example.org/2016/03/04/internet-espace-de-vie/</link>
    <pubDate>Fri, 04 Mar 2016 09:30:00 +0000</pubDate>
    <dc:creator><![CDATA[steph]]></dc:creator>
    <guid isPermaLink="false">https://blog.example.org/?p=7001</guid>
    <content:encoded><![CDATA[{content}]]></content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>7001</wp:post_id>
    <wp:post_date><![CDATA[2016-03-04 10:30:00]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[2016-03-04 09:30:00]]></wp:post_date_gmt>
    <wp:comment_status><![CDATA[open]]></wp:comment_status>
    <wp:post_name><![CDATA[internet-espace-de-vie]]></wp:post_name>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type>
    <wp:post_password><![CDATA[]]></wp:post_password>
  </item>
</channel>
</rss>
"""


def test_wordpress_import_of_seed_001_first_post(tmp_path):
    """Imported from WordPress, seed 001's first post is French, its English summary out of the body."""
    seed_post = seed_posts("001")[0]
    opening = f"[en] {seed_post.summaries['en']}"
    export = tmp_path / "export.xml"
    export.write_text(
        WXR.replace("{title}", f"{seed_post.title} [fr]").replace(
            "{content}", "\n\n".join([opening, *seed_post.paragraphs])
        ),
        encoding="utf-8",
    )
    call_command("import_wordpress", str(export), stdout=StringIO())

    post = Post.objects.get(wordpress_id=7001)
    assert (post.language, post.title) == ("fr", seed_post.title)
    assert "[en]" not in post.body and "humanness" not in post.body_html
    page = read_page(post.get_absolute_url(), "en")
    article = page.find("article", "post")
    assert article.attrs["lang"] == "fr"
    assert article.find("h1").text() == seed_post.title
    assert article.find("time").text() == "4 mars 2016"
    summary = article.find("div", "summary")
    assert (summary.attrs["lang"], summary.text()) == ("en", f"In English: {same_text(seed_post.summaries['en'])}")
    assert blocks(article.find("div", "body")) == [same_text(text) for text in seed_post.texts()]
