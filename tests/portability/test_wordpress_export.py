"""export_wordpress writes a WXR 1.2 file that Carnet's own WordPress importer reads back whole."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.core.management import call_command

from blog.markup import plain_text
from blog.models import Post, PostStatus
from media.models import MediaItem
from pages.models import Page
from wordpress import wxr

from .content import add_more_pages
from .test_site_archive import empty_database, site  # noqa: F401 - the fixture


def seconds(moment):
    return moment.replace(microsecond=0) if moment else None


def as_wordpress_keeps_it():
    """What a WordPress export carries of each post, keyed by slug."""
    posts = Post.objects.select_related("author", "republication__column__publication").prefetch_related(
        "translations", "tags", "comments__parent", "comments__user"
    )
    found = {}
    for post in posts:
        republication = getattr(post, "republication", None)
        found[post.slug] = {
            "title": post.title,
            "author": post.author.username,
            "language": post.language,
            "status": post.status,
            "published_at": seconds(post.published_at),
            "allow_comments": post.allow_comments,
            "summaries": {t.language_code: t.summary for t in post.translations.all() if t.summary},
            "tags": sorted(tag.name for tag in post.tags.all()),
            "text": plain_text(post.body_html),
            "comments": sorted(
                (
                    c.author_name,
                    c.author_email,
                    c.body,
                    c.status,
                    c.kind,
                    seconds(c.created_at),
                    c.user.username if c.user else None,
                    (c.parent.author_name, seconds(c.parent.created_at)) if c.parent else None,
                )
                for c in post.comments.all()
            ),
            "republication": (
                republication.column.name,
                republication.column.publication.name,
                republication.original_url,
            )
            if republication
            else None,
        }
    return found


NAVIGATION = re.compile(r'<nav aria-label="Main">(.*?)</nav>', re.DOTALL)
ARTICLE = re.compile(r"<article .*?</article>", re.DOTALL)


def pages_as_readers_see_them(client):
    """Each page's status and article, and the site's navigation, as a reader gets them (drafts: their fields)."""
    seen = {}
    for page in Page.objects.order_by("path"):
        response = client.get(page.get_absolute_url())
        if page.is_published:
            html_text = response.content.decode()
            seen[page.path] = (response.status_code, ARTICLE.search(html_text).group(0))
        else:
            seen[page.path] = (response.status_code, page.title, page.language, page.status, page.body_html)
    seen["navigation"] = NAVIGATION.search(client.get("/").content.decode()).group(1)
    return seen


@pytest.mark.django_db(transaction=True)
def test_wordpress_export_imports_back_the_same_site(site, client, tmp_path):  # noqa: F811
    """Carnet → export_wordpress → import_wordpress into an empty database: the same posts, summaries,
    languages, tags, comments with their threads, and republished columns; the same pages, under the
    same parents, in the same order and the same navigation; a second import creates nothing."""
    add_more_pages()
    before = as_wordpress_keeps_it()
    pages_before = pages_as_readers_see_them(client)
    path = tmp_path / "carnet.wordpress.xml"
    out = io.StringIO()
    call_command("export_wordpress", str(path), stdout=out)
    assert "posts: 16, pages: 6" in out.getvalue()
    ET.parse(path)  # noqa: S314 - our own file: is it well-formed XML?
    empty_database()
    assert client.get("/services/atelier-d-ete/").status_code == 404
    call_command("import_wordpress", str(path), stdout=io.StringIO())
    after = as_wordpress_keeps_it()
    assert pages_as_readers_see_them(client) == pages_before
    assert sorted(after) == sorted(before)
    differences = {
        (slug, key): (value, after[slug][key])
        for slug, post in before.items()
        for key, value in post.items()
        if after[slug][key] != value
    }
    assert differences == {}
    assert before["l-ete-de-l-oeuvre"]["comments"][0][7] is not None  # threads were there to lose
    assert before["lisez-le-cluetrain-manifesto"]["republication"] is not None
    # What the comparison covered: an order, a parent, a summary in the other language, Markdown made HTML.
    assert '<a href="/contact/" lang="en">Contact &amp; hours</a></li>' in pages_before["navigation"]
    assert pages_before["navigation"].index("/contact/") < pages_before["navigation"].index("/services/")
    workshop = pages_before["services"][1]
    assert workshop.index("/services/conferences/") < workshop.index("/services/atelier-d-ete/")
    assert 'lang="en"' in pages_before["services/atelier-d-ete"][1]
    assert "<em>claire@example.org</em>" in pages_before["contact"][1]
    assert "Comment m’écrire" in pages_before["contact"][1]
    assert pages_before["tarifs"][:4] == (404, "Tarifs (brouillon)", "fr", PostStatus.DRAFT)

    out = io.StringIO()
    call_command("import_wordpress", str(path), stdout=out)
    assert "created" not in out.getvalue()
    assert "pages: 6 unchanged" in out.getvalue()
    assert pages_as_readers_see_them(client) == pages_before


def test_wordpress_export_as_wordpress_reads_it(site, tmp_path):  # noqa: F811
    """The channel names the blog and its authors; languages and summaries are Basic Bilingual meta,
    bodies are HTML with full addresses, and each library file is an attachment WordPress can fetch."""
    path = tmp_path / "carnet.wordpress.xml"
    call_command("export_wordpress", str(path), stdout=io.StringIO())
    with open(path, "rb") as source:
        channel, *items = list(wxr.read(source))
    assert channel.version == "1.2"
    assert channel.base_blog_url == settings.SITE_URL
    assert channel.authors["claire"].display_name == "Claire Martin"
    posts = {item.slug: item for item in items if item.type == "post"}
    summer = posts["l-ete-de-l-oeuvre"]
    assert summer.meta["bb-post-language"] == "fr"
    assert 's:2:"en";' in summer.meta["bb-post-excerpts"]
    assert summer.title == "L'été de l'œuvre : « à la française »"
    picture = MediaItem.objects.get()
    assert f'<img src="{settings.SITE_URL}{picture.url}"' in summer.content
    assert "<picture" not in summer.content and 'href="/' not in summer.content
    assert "<!--more-->" in summer.content
    [attachment] = [item for item in items if item.type == "attachment"]
    assert attachment.attachment_url == settings.SITE_URL + picture.url
    assert attachment.meta["_wp_attachment_image_alt"] == "Des lampions au-dessus d'une cour, le soir"
    assert attachment.id not in {item.id for item in posts.values()}
    assert posts["scheduled"].status == "future"
    assert posts["summer-of-the-work"].old_slugs == ["the-summer-of-the-work"]
