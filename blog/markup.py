"""Turning what authors type into HTML that is safe to put in a page."""

import html
import re
import threading

import markdown
import nh3
from django.utils.html import strip_tags
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions import Extension

from blog import extensions

MORE_MARK = re.compile(r"^\s*<!--\s*more\s*-->\s*$", re.MULTILINE | re.IGNORECASE)

ALLOWED_TAGS = nh3.ALLOWED_TAGS | {
    "figure",
    "figcaption",
    "picture",
    "del",
    "ins",
    "sup",
    "sub",
    "hr",
    "audio",
    "video",
    "source",
}
ALLOWED_ATTRIBUTES = {
    **nh3.ALLOWED_ATTRIBUTES,
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "code": {"class"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "abbr": {"title"},
    # Players of the blog's own files; `controls` is always set, nothing plays by itself.
    "audio": {"src", "preload", "loop"},
    "video": {"src", "preload", "loop", "poster", "width", "height", "playsinline"},
    "source": {"src", "type", "srcset", "sizes"},  # srcset, sizes: <picture> of the media library
}
FORCED_ATTRIBUTES = {"audio": {"controls": "controls"}, "video": {"controls": "controls"}}
# WordPress's placing of a picture, kept by imported posts: beside the text, or centred.
ALIGNMENTS = {"alignleft", "alignright", "aligncenter"}
# A paragraph or heading set right, centred or justified (the block editor's classes; the importer writes them
# for the classic editor's style="text-align: …", since styles are not kept).
TEXT_ALIGNMENTS = {f"has-text-align-{side}" for side in ("left", "center", "right", "justify")}
# Classes the WordPress importer writes, for the style sheet: link cards, galleries, footnotes, alignments.
ALLOWED_CLASSES = {
    "p": {"embed-link", *TEXT_ALIGNMENTS},
    **{f"h{level}": TEXT_ALIGNMENTS for level in range(1, 7)},
    "figure": {"gallery", *ALIGNMENTS},
    "img": ALIGNMENTS,
    "picture": ALIGNMENTS,
    "ol": {"footnotes"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Characters XML 1.0 forbids: a page shows nothing for them, and a feed carrying one cannot be written.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# nh3 checks the schemes of href and src, not of srcset: its addresses must be http(s) or on this site.
SRCSET_CANDIDATE = re.compile(r"^(?:https?://|/(?!/))[^\s,]+(?:\s+\d+[wx])?$", re.IGNORECASE)
ATTRIBUTE_VALUES = {
    "sizes": re.compile(r"^(?:[\d\s(),.:%+*/-]|min-width|max-width|calc|vw|px|r?em)*$"),
    "loading": re.compile(r"^(?:lazy|eager)$"),
    "decoding": re.compile(r"^(?:async|sync|auto)$"),
    "type": re.compile(r"^(?:image|audio|video)/[\w.+-]+$"),
}


def allowed_value(element, attribute, value):
    if attribute == "srcset":
        candidates = [candidate.strip() for candidate in value.split(",")]
        return value if all(SRCSET_CANDIDATE.match(candidate) for candidate in candidates) else None
    pattern = ATTRIBUTE_VALUES.get(attribute)
    if pattern is not None and not pattern.match(value):
        return None
    return value


def clean_html(fragment):
    """Drop every tag, attribute and URL scheme that could run script."""
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        set_tag_attribute_values=FORCED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        attribute_filter=allowed_value,
    )
    return below_the_title(XML_FORBIDDEN.sub("", cleaned))


HEADING = re.compile(r"<(/?)h([1-6])(?=[\s>])")


def below_the_title(html):
    """A page's title is its only <h1>: a text that has one (imported, or "# " in Markdown) moves each of its
    headings down a level, keeping their order of importance."""
    if "<h1" not in html:
        return html
    return HEADING.sub(lambda tag: f"<{tag.group(1)}h{min(int(tag.group(2)) + 1, 6)}", html)


class SpacedHashHeaderProcessor(HashHeaderProcessor):
    """`# Title` is a heading; `#hashtag` opening a line stays text, as in CommonMark."""

    RE = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:[ \t](?:\\.|[^\\#]|#+(?=[^#\n]))*?)?)#*(?:\n|$)")


class SpacedHeadings(Extension):
    def extendMarkdown(self, md):
        md.parser.blockprocessors.register(SpacedHashHeaderProcessor(md.parser), "hashheader", 70)


_converters = threading.local()


def converter():
    """This thread's Markdown converter: building one (its extensions, their patterns) cost more than converting
    a summary. Markdown's own reset() between documents clears what a document leaves (footnotes, abbreviations)."""
    md = getattr(_converters, "md", None)
    if md is None:
        used = ["extra", "sane_lists", SpacedHeadings(), *(make() for make in extensions.markdown_extensions)]
        md = _converters.md = markdown.Markdown(extensions=used, output_format="html")
    return md.reset()


# Prose in which Markdown finds nothing to do (see is_plain_prose): no character that opens inline markup,
# an escape, an entity, HTML, a table or attributes; none that Markdown reads as a line break or a placeholder.
MARKUP_CHARACTERS = re.compile(r"[*_`\\\[\]<>&|~{}\t\r\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")
# A line opening a block: heading, list, definition, setext underline.
BLOCK_OPENING = re.compile(r"[-+=:#]|\d+[.)]")


def is_plain_prose(text):
    """True when Markdown would only make paragraphs of `text`: its blank-line-separated parts, as typed."""
    if MARKUP_CHARACTERS.search(text):
        return False
    lines = text.split("\n")
    return bool(lines[0]) and all(
        not line or (not line[0].isspace() and not line[-1].isspace() and not BLOCK_OPENING.match(line))
        for line in lines
    )


def markdown_to_html(text):
    if text and is_plain_prose(text):
        # What Markdown would give, without parsing: a summary of plain words cost 0.5 ms through the parser.
        # Nor cleaning (0.04 ms a summary): plain prose holds no "<", ">" or "&", so its paragraphs are all the
        # markup there is; the cleaner would only have written its no-break spaces as "&nbsp;".
        paragraphs = re.split(r"\n\n+", text.rstrip("\n"))
        html_text = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        return XML_FORBIDDEN.sub("", html_text).replace("\u00a0", "&nbsp;")
    return clean_html(converter().convert(text or ""))


def render(text, markup="markdown"):
    """Render a body or summary written in `markup` ("markdown" or "html")."""
    if markup == "html":
        html_text = text or ""
        for process in extensions.html_processors:
            html_text = process(html_text)
        return clean_html(html_text)
    return markdown_to_html(text)


# Where a block begins or ends, or a line breaks, a reader sees words apart: "<li>un</li><li>deux</li>" is "un deux".
BLOCK_EDGE = re.compile(
    r"<(?:br|hr|/?(?:p|div|li|dt|dd|td|th|tr|h[1-6]|figure|figcaption|blockquote|pre|ul|ol|dl|table|address))\b",
    re.IGNORECASE,
)


# A heading's end, marked in the HTML to be found in its text, by a character taken out of the HTML first.
HEADING_END = re.compile(r"</h[1-6]\s*>", re.IGNORECASE)
_HEADING_MARK = "\x00"
# On one line a heading runs into the sentence after it ("Le lac en été Un mot…"): it ends as a sentence, unless
# it ends with its own punctuation ("Pourquoi ?", "Suite :").
HEADING_STOP = re.compile(rf"(?<=[\w»”’\"')\]])\s*{_HEADING_MARK}")
HEADING_LEFT = re.compile(rf"\s*{_HEADING_MARK}")


def plain_text(html_text):
    """The text a reader sees in some HTML, entities decoded, on one line, a heading ended as a sentence."""
    marked = HEADING_END.sub(rf"{_HEADING_MARK}\g<0>", (html_text or "").replace(_HEADING_MARK, ""))
    text = " ".join(html.unescape(strip_tags(BLOCK_EDGE.sub(r" \g<0>", marked))).split())
    if _HEADING_MARK not in text:  # most texts: a pass for nothing was half the time of a post page's description
        return text
    return HEADING_LEFT.sub("", HEADING_STOP.sub(".", text)).strip()


# The end of a block: the text before it is whole, and a long body can be read up to there only.
BLOCK_END = re.compile(
    r"</(?:p|div|li|dt|dd|td|th|tr|h[1-6]|figure|figcaption|blockquote|pre|ul|ol|dl|table|address)\s*>", re.IGNORECASE
)


def opening_text(html_text, length):
    """plain_text() of the opening of some HTML: more than `length` characters of its text, where it has that many.

    Read up to the end of a block, then of a block twice as far while that is not enough: a page's description
    wants 160 characters, and the text of a whole long body took milliseconds (7 ms for 200 paragraphs, 23 KB;
    0.2 ms read this way). The text read is the start of the whole text, so an excerpt of either is the same.
    """
    html_text = html_text or ""
    start = length
    while end := BLOCK_END.search(html_text, start):
        text = plain_text(html_text[: end.end()])
        if len(text) > length:
            return text
        start = 2 * end.end()
    return plain_text(html_text)


def split_more(text):
    """Return the part of `text` before its `<!--more-->` line, or None if it has none."""
    parts = MORE_MARK.split(text or "", maxsplit=1)
    return parts[0] if len(parts) == 2 else None
