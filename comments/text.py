"""A comment is plain text: paragraphs and bare links, everything else shown as typed."""

import re
from html import escape

from django.utils.safestring import mark_safe

from blog.typesetting import curled

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)]}»"
# Invisible, and refused by XML: one of them would break the comment feeds.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def name_html(name):
    """A commenter's name, escaped, its apostrophes printed as her comment prints them ("Zoé d’Astier")."""
    return curled(escape(name))


def strip_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text)


def linkify(text):
    """Escape `text` and turn its bare http(s) links into `<a rel="nofollow ugc">`.

    `html.escape` gives the text Django's `escape` gives, without its check for lazy strings (long threads).
    """
    if "://" not in text:  # most comments: no link to look for
        return escape(text)
    parts = []
    position = 0
    for match in URL.finditer(text):
        url = match.group().rstrip(TRAILING_PUNCTUATION)
        parts.append(escape(text[position : match.start()]))
        parts.append(f'<a href="{escape(url)}" rel="nofollow ugc">{escape(url)}</a>')
        position = match.start() + len(url)
    parts.append(escape(text[position:]))
    return "".join(parts)


def safe_url(url):
    """A commenter's website when it is a web address (never `javascript:` and the like), else ""."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def render_body(text):
    """The comment as HTML paragraphs, line breaks kept, links clickable; nothing else survives."""
    paragraphs = (part.strip() for part in PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").replace("\r", "\n")))
    html = "".join("<p>" + linkify(paragraph).replace("\n", "<br>") + "</p>" for paragraph in paragraphs if paragraph)
    return mark_safe(html)  # noqa: S308 - every piece of text went through escape()
