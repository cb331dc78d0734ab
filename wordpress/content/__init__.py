"""WordPress post HTML → the clean HTML Carnet stores for imported posts.

WordPress keeps the text an author typed and adds paragraphs when it shows a page
(`wpautop`), expands shortcodes, and hides Gutenberg's block comments. Carnet stores
the HTML a reader should see, so the same work happens here, once, at import: one
module per kind of content, each holding its finished HTML aside (`Held`) so that the
next stages, paragraphs included, never touch it.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from blog import markup

from . import code, embeds, footnotes
from .autop import MORE, autop
from .media import Attachment, Media
from .shortcodes import Held, left_over
from .summaries import comment_text, take_column_notice, take_summaries

__all__ = ["MORE", "Attachment", "Converted", "clean_body", "comment_text", "take_column_notice", "take_summaries"]

MORE_TAG = re.compile(r"<!--\s*more\b.*?-->", re.IGNORECASE | re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
INLINE_CODE = re.compile(r"<code\b.*?</code>", re.IGNORECASE | re.DOTALL)
CAPTION = re.compile(r"[ \t]*\[caption\b([^\]]*)\](.*?)\[/caption\][ \t]*", re.IGNORECASE | re.DOTALL)
CAPTION_ATTRIBUTE = re.compile(r"""\bcaption\s*=\s*(["'])(.*?)\1""", re.DOTALL)
ALIGN_ATTRIBUTE = re.compile(r"""\balign\s*=\s*(["']?)(align(?:left|right|center))\1""")
# The classic editor's aligned paragraph or heading, `<p style="text-align: center;">`, when it has no class.
TEXT_ALIGN_STYLE = re.compile(
    r"""<(p|h[1-6])\b(?![^>]*\bclass\s*=)([^>]*?)\s+style\s*=\s*(["'])\s*text-align\s*:\s*(left|center|right|justify)\s*;?\s*\3""",
    re.IGNORECASE,
)
IMAGE_SOURCE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
IMAGE_THEN_TEXT = re.compile(r"^\s*((?:<a\b[^>]*>)?\s*<img\b[^>]*>\s*(?:</a>)?)(.*)$", re.IGNORECASE | re.DOTALL)


@dataclass
class Converted:
    """A post's HTML, and what the conversion did or could not do, for the report."""

    html: str = ""
    counts: Counter = field(default_factory=Counter)
    unknown_shortcodes: list[str] = field(default_factory=list)
    missing_attachments: list[int] = field(default_factory=list)


def to_html(text, post_id=0, meta=None, attachments=None, children=None):
    """The HTML WordPress would show for `text`, with the `<!--more-->` cut on a line of its own.

    `attachments` ({id: Attachment}) and `children` ({post id: [Attachment]}) are the
    export's files, for galleries and playlists.
    """
    return convert(text, post_id, meta or {}, attachments or {}, children or {}).html


def convert(text, post_id=0, meta=None, attachments=None, children=None):
    """Like `to_html`, returning a `Converted`."""
    result, held = Converted(), Held()
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    had_blocks = "<!-- wp:" in text
    text, listings = code.convert(text, held)
    result.counts["code listing"] += listings
    text = PRE.sub(lambda m: held.block(m.group(0)), text)
    text = INLINE_CODE.sub(lambda m: held.inline(m.group(0)), text)
    media = Media(post_id, attachments or {}, children or {}, result.counts, result.missing_attachments)
    text = media.convert(text, held)
    text, notes = footnotes.convert(text, meta or {}, held)
    result.counts["footnote"] += notes
    text = MORE_TAG.sub(f"\n\n{MORE}\n\n", text)
    text = COMMENT.sub(lambda m: m.group(0) if m.group(0) == MORE else "", text)
    text = embeds.convert(text, held, result.counts)
    text = CAPTION.sub(lambda m: held.block(caption_figure(m)), text)
    text = TEXT_ALIGN_STYLE.sub(lambda m: f'<{m[1]}{m[2]} class="has-text-align-{m[4].lower()}"', text)
    result.unknown_shortcodes = left_over(text)
    # Block-editor content already carries its paragraphs; WordPress skips wpautop for it too.
    text = re.sub(r"\n{3,}", "\n\n", text if had_blocks else autop(text))
    text = held.restore(text)
    before, more, after = text.partition(MORE)
    if more:
        text = f"{before.strip()}\n{MORE}\n{after.replace(MORE, '').strip()}"
    result.html = text.strip()
    return result


def old_pictures(html, hosts):
    """How many pictures of `html` are files of the old blog: on one of `hosts`, or in wp-content/uploads."""
    count = 0
    for url in IMAGE_SOURCE.findall(html):
        host = urlsplit(url).hostname
        count += bool(host in hosts or "/wp-content/uploads/" in url or (host or "").endswith(".files.wordpress.com"))
    return count


def caption_figure(match):
    attributes, inner = match.group(1), match.group(2)
    image = IMAGE_THEN_TEXT.match(inner)
    media, caption = (image.group(1), image.group(2).strip()) if image else (inner, "")
    attribute = CAPTION_ATTRIBUTE.search(attributes)
    caption = caption or (attribute.group(2) if attribute else "")
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    align = ALIGN_ATTRIBUTE.search(attributes)
    opening = f'<figure class="{align.group(2)}">' if align else "<figure>"
    return f"{opening}{media.strip()}{figcaption}</figure>"


def clean_body(body):
    """Cleaned HTML, the `<!--more-->` line kept where `blog.markup.split_more` finds it."""
    before, more, after = body.partition(MORE)
    if not more:
        return markup.clean_html(body).strip()
    return f"{markup.clean_html(before).strip()}\n{MORE}\n{markup.clean_html(after).strip()}"
