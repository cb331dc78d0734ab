"""Turning what authors type into HTML that is safe to put in a page."""

import html
import re

import markdown
import nh3
from django.utils.html import strip_tags
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions import Extension

MORE_MARK = re.compile(r"^\s*<!--\s*more\s*-->\s*$", re.MULTILINE | re.IGNORECASE)

ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"figure", "figcaption", "del", "ins", "sup", "sub", "hr", "audio", "video", "source"}
ALLOWED_ATTRIBUTES = {
    **nh3.ALLOWED_ATTRIBUTES,
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height"},
    "code": {"class"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "abbr": {"title"},
    # Players of the blog's own files; `controls` is always set, nothing plays by itself.
    "audio": {"src", "preload", "loop"},
    "video": {"src", "preload", "loop", "poster", "width", "height", "playsinline"},
    "source": {"src", "type"},
}
FORCED_ATTRIBUTES = {"audio": {"controls": "controls"}, "video": {"controls": "controls"}}
# Classes the WordPress importer writes, for the style sheet: link cards, galleries, footnotes.
ALLOWED_CLASSES = {"p": {"embed-link"}, "figure": {"gallery"}, "ol": {"footnotes"}}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(fragment):
    """Drop every tag, attribute and URL scheme that could run script."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        set_tag_attribute_values=FORCED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
    )


class SpacedHashHeaderProcessor(HashHeaderProcessor):
    """`# Title` is a heading; `#hashtag` opening a line stays text, as in CommonMark."""

    RE = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:[ \t](?:\\.|[^\\#]|#+(?=[^#\n]))*?)?)#*(?:\n|$)")


class SpacedHeadings(Extension):
    def extendMarkdown(self, md):
        md.parser.blockprocessors.register(SpacedHashHeaderProcessor(md.parser), "hashheader", 70)


def markdown_to_html(text):
    rendered = markdown.markdown(text or "", extensions=["extra", "sane_lists", SpacedHeadings()], output_format="html")
    return clean_html(rendered)


def render(text, markup="markdown"):
    """Render a body or summary written in `markup` ("markdown" or "html")."""
    if markup == "html":
        return clean_html(text or "")
    return markdown_to_html(text)


def plain_text(html_text):
    """The text a reader sees in some HTML, entities decoded, on one line."""
    return " ".join(html.unescape(strip_tags(html_text or "")).split())


def split_more(text):
    """Return the part of `text` before its `<!--more-->` line, or None if it has none."""
    parts = MORE_MARK.split(text or "", maxsplit=1)
    return parts[0] if len(parts) == 2 else None
