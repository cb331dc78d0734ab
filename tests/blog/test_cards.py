"""Cards and their pieces built in Python (blog.cards) give, byte for byte, what their former templates gave.

The former templates are kept in former_card_templates/ (the card's slots written as the includes
of the templates columns and comments registered there). Both are rendered from the same posts,
in both interface languages: the author's real pages, and posts made to reach every branch.
"""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Engine, engines
from django.urls import resolve, reverse
from django.utils import translation
from taggit.models import Tag

from blog.compiled import CompiledQuerySet
from blog.frame import language_switch_html
from blog.models import Post, published_tag_counts
from columns.card import menu_link
from comments.models import CommentStatus
from pages.menu import menu_links, navigation_pages
from pages.models import Page
from search.queries import result_posts
from search.results import result_for
from search.text import Marker, terms
from tests.acceptance.test_seed_pages import write_seed
from tests.columns.factories import ColumnFactory, PublicationFactory, RepublicationFactory
from tests.comments.factories import CommentFactory
from tests.factories import PostFactory
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db

FORMER = Engine(
    dirs=[str(Path(__file__).with_name("former_card_templates"))],
    libraries=engines["django"].engine.libraries,
)
INTERFACES = ["fr", "en"]
ZURICH = ZoneInfo("Europe/Zurich")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def posts():
    """The author's real pages (summaries, columns, French typography, photos) and posts reaching every branch."""
    for number in ["000", "001", "002", "003", "004"]:
        write_seed(number)
    first_of_month = datetime.datetime(2016, 5, 1, 9, tzinfo=ZURICH)
    odd = PostFactory(
        language="fr",
        title="L'«\u00a0écriture\u00a0» : <script>alert('x')</script> & co ?",
        body="Avant la suite !\n\n<!--more-->\n\n```\ncode : ici\n```",
        published_at=first_of_month,
        tags=["C++ & co", "l'été", "écriture"],
        summary={"en": "A *summary* with <b>markup</b> & an [link](https://example.org/?a=1&b=2)."},
    )
    CommentFactory.create_batch(2, post=odd)
    CommentFactory(post=odd, status=CommentStatus.PENDING)
    one = PostFactory(language="en", title='One "comment"', published_at=first_of_month - datetime.timedelta(days=3))
    CommentFactory(post=one)
    PostFactory(language="en", title="Closed: old", allow_comments=False, summary={"fr": "Résumé : « oui » !"})
    PostFactory(language="fr", title="Ouvert sans commentaire", body="Un corps sans suite.\n\n    <pre> bloc")
    undated_column = RepublicationFactory(
        post=PostFactory(language="en", title="Undated piece"),
        column=ColumnFactory(
            name="Notes & <i>asides</i>",
            slug="notes",
            publication=PublicationFactory(name="L'Hebdo & Cie", slug="hebdo"),
        ),
    )
    undated_column.originally_published_on = None
    undated_column.save()
    RepublicationFactory(
        post=PostFactory(language="fr", title="Chronique du premier", published_at=first_of_month),
        originally_published_on=datetime.date(2015, 3, 1),
    )
    return list(Post.objects.published().for_list())


def former(template_name, **context):
    return FORMER.get_template(template_name).render(Context(context))


def new(source, **context):
    return engines["django"].from_string("{% load card_tags %}" + source).render(context)


@pytest.mark.parametrize("interface", INTERFACES)
def test_cards_are_byte_identical_to_the_former_template(posts, interface):
    assert len(posts) > 20
    with translation.override(interface):
        for post in posts:
            assert new("{% post_card post %}", post=post) == former("includes/_post_card.html", post=post)


@pytest.mark.parametrize("interface", INTERFACES)
def test_list_pages_carry_the_former_cards(client, posts, interface):
    """Each card of the home page's first two pages and of a tag page reads as the former template wrote it."""
    html = client.get("/", HTTP_ACCEPT_LANGUAGE=interface).content.decode()
    html += client.get("/?page=2", HTTP_ACCEPT_LANGUAGE=interface).content.decode()
    with translation.override(interface):
        for post in posts[: settings.BLOG_PAGE_SIZE * 2]:
            assert f"\n    {former('includes/_post_card.html', post=post)}\n  " in html
    tagged = Post.objects.published().for_list().filter(tags__name="écriture")
    tag_page = reverse("blog:tag-detail", args=[Tag.objects.get(name="écriture").slug])
    html = client.get(tag_page, HTTP_ACCEPT_LANGUAGE=interface).content.decode()
    # In dictionary order, on every database: "écriture" with the e's.
    assert re.findall(r'rel="tag">([^<]*)</a>', html)[:3] == ["C++ &amp; co", "écriture", "l&#x27;été"]
    with translation.override(interface):
        cards = [former("includes/_post_card.html", post=post) for post in tagged]
    assert cards and all(card in html for card in cards)


@pytest.mark.parametrize("interface", INTERFACES)
def test_post_and_search_pieces_are_byte_identical(posts, interface):
    """The date, meta line, summaries and tags the post page, search results and pages show."""
    with translation.override(interface):
        for post in posts:
            assert new("{% post_date post %}", post=post) == former("includes/_post_date.html", post=post)
            assert new("{% meta_line post %}", post=post) == former("includes/_meta_line.html", post=post)
            assert new("{% tag_links post %}", post=post) == former("includes/_tags.html", post=post)
            summaries = post.other_language_summaries()
            assert new("{% summaries s %}", s=summaries) == former("includes/_summaries.html", summaries=summaries)


@pytest.mark.parametrize("interface", INTERFACES)
def test_similar_posts_are_byte_identical(posts, interface):
    """A similar post on a post's page, as the post page's loop wrote it, read as similar posts are."""
    mentioned = Post.objects.for_mentions().filter(pk__in=[post.pk for post in posts])
    assert len(mentioned) == len(posts)
    with translation.override(interface):
        for post in mentioned:
            assert new("{% similar_post post %}", post=post) == former("includes/_similar_post.html", post=post)


@pytest.mark.parametrize("interface", INTERFACES)
@pytest.mark.parametrize("query", ["écriture", "l'été co", "script alert", "chroniques", "summary", "Résumé oui"])
def test_search_results_are_byte_identical(posts, interface, query):
    """A search result, marked title and excerpt (of the body, or of the summary that alone matches), as the search
    page's loop wrote it."""
    marker = Marker(terms(query))
    found = CompiledQuerySet(result_posts).in_order([post.pk for post in posts])  # read as search reads a result
    listed = Post.objects.for_list().select_related("search_document").in_bulk([post.pk for post in posts])
    assert len(found) == len(posts)
    with translation.override(interface):
        for post in found:
            expected = former(
                "search/_result.html", result=result_for(listed[post.pk], marker), LANGUAGE_CODE=interface
            )
            assert new("{% load search_tags %}{% search_result result %}", result=result_for(post, marker)) == expected
    assert any("<mark>" in result_for(post, marker)["excerpt"] for post in found)


@pytest.mark.parametrize("interface", INTERFACES)
@pytest.mark.parametrize("path", ["/", "/search/?q=<script>&tag=l'été"])
def test_language_switch_is_byte_identical(rf, interface, path):
    """The header's language switch, as its former template wrote it."""
    request = rf.get(path)
    with translation.override(interface):
        assert language_switch_html(request) == former("includes/_language_switch.html", request=request)


@pytest.mark.parametrize("interface", INTERFACES)
@pytest.mark.parametrize("path", ["/", "/tags/", "/tag/l-ete/", "/search/?q=<b>", "/a-propos/", "/nowhere/?x=\"'"])
@pytest.mark.parametrize("search", [True, False])
def test_site_header_is_byte_identical(rf, interface, path, search):
    """The header of every page (its menu, the reader's place marked, search box, language switch)."""
    PageFactory(title="À propos & <moi>", slug="a-propos", in_navigation=True)
    request = rf.get(path)
    request.resolver_match = None if path.startswith("/nowhere/") else resolve(request.path)
    context = {"request": request, "SITE_NAME": "Carnet & <co>", "search": search}
    with translation.override(interface):
        header = new("{% load blog_tags %}{% site_header search=search %}", **context)
        assert header == former("includes/_site_header.html", **context)
    assert "Carnet &amp; &lt;co&gt;" in header
    assert ('id="site-search-q"' in header) == search


@pytest.mark.parametrize("interface", INTERFACES)
@pytest.mark.parametrize("path", ["/", "/columns/", "/columns/chroniques/", "/a-propos/", "/a-propos/equipe/"])
def test_menu_links_are_byte_identical(rf, interface, path):
    """The menu's links to the columns and to pages (the reader's own marked), as their former templates wrote them."""
    PageFactory(title="À propos & <moi>", slug="a-propos", in_navigation=True)
    PageFactory(title="About", slug="about", language="en", in_navigation=True)
    request = rf.get(path)
    request.resolver_match = resolve(path) if path.startswith("/columns/") else None
    with translation.override(interface):
        for slot_html, former_name in [(menu_link, "columns/_nav.html"), (menu_links, "pages/_nav.html")]:
            expected = former(former_name, request=request, nav_pages=navigation_pages())
            assert slot_html({"request": request}) == expected
    assert "À propos &amp; &lt;moi&gt;</a>" in menu_links({"request": request})
    assert ('aria-current="page">À propos' in menu_links({"request": request})) == (path == "/a-propos/")


@pytest.mark.parametrize("interface", INTERFACES)
def test_tag_index_is_byte_identical(posts, interface):
    """The index of every tag (/tags/), counts written as the interface language writes numbers."""
    tags = published_tag_counts()
    tags[0].num_posts = 12345  # a count with a thousands separator
    with translation.override(interface):
        assert new("{% load blog_tags %}{% tag_index tags %}", tags=tags) == former(
            "includes/_tag_index.html", tags=tags
        )


PAGE_CONTEXTS = [
    {},
    {"noindex": True, "meta_title": "Recherche : « été »"},
    {"preview": True, "meta_title": 'Tom & "Jerry" <b>', "meta_description": "L'été ; déjà ?", "meta_language": "fr"},
    {"meta_title": "Why?", "meta_description": "Words: more!", "meta_language": "en", "og_type": "article"},
]


@pytest.mark.parametrize("interface", INTERFACES)
@pytest.mark.parametrize("extra", PAGE_CONTEXTS)
def test_page_meta_is_byte_identical(rf, interface, extra):
    """A page's description, robots rule and link-preview tags, as their former template wrote them."""
    request = rf.get("/tag/l’été/?q=<x>")
    context = {"request": request, "SITE_NAME": "Carnet & co", "SITE_URL": "https://carnet.example", **extra}
    with translation.override(interface):
        assert new("{% load meta_tags %}{% page_meta %}", **context) == former("includes/_page_meta.html", **context)


def test_page_summaries_are_byte_identical():
    page = Page.objects.create(title="À propos", slug="a-propos", body="Qui je suis.", language="fr")
    page.save_summary("en", "Who *I* am: <b>me</b> & more!")
    for interface in INTERFACES:
        with translation.override(interface):
            summaries = page.other_language_summaries()
            assert summaries
            assert new("{% summaries s %}", s=summaries) == former("includes/_summaries.html", summaries=summaries)
