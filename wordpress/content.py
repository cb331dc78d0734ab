"""WordPress post HTML → the clean HTML Carnet stores for imported posts.

WordPress keeps the text an author typed and adds paragraphs when it shows a page
(`wpautop`), expands shortcodes, and hides Gutenberg's block comments. Carnet stores
the HTML a reader should see, so the same work happens here, once, at import.
"""

import html
import re

from blog import markup

MORE = "<!--more-->"
MORE_TAG = re.compile(r"<!--\s*more\b.*?-->", re.IGNORECASE | re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]*>")
BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|"
    r"blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|"
    r"footer|nav|figure|figcaption|details|menu|summary)"
)
BLOCK_OPEN = re.compile(rf"(<{BLOCKS}[\s/>])", re.IGNORECASE)
BLOCK_CLOSE = re.compile(rf"(</{BLOCKS}>)", re.IGNORECASE)
BLOCK_TAG = rf"</?{BLOCKS}[^>]*>"
PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
LINK = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1[^>]*>(.*?)</a>""", re.IGNORECASE | re.DOTALL)
IFRAME = re.compile(r"""<iframe\b[^>]*?\bsrc\s*=\s*(["'])(.*?)\1[^>]*>.*?</iframe>""", re.IGNORECASE | re.DOTALL)
CAPTION = re.compile(r"[ \t]*\[caption\b([^\]]*)\](.*?)\[/caption\][ \t]*", re.IGNORECASE | re.DOTALL)
HELD_FIGURE = re.compile(r"<figure wp-caption-(\d+)></figure>")
CAPTION_ATTRIBUTE = re.compile(r"""\bcaption\s*=\s*(["'])(.*?)\1""", re.DOTALL)
IMAGE_THEN_TEXT = re.compile(r"^\s*((?:<a\b[^>]*>)?\s*<img\b[^>]*>\s*(?:</a>)?)(.*)$", re.IGNORECASE | re.DOTALL)
EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.IGNORECASE | re.DOTALL)
MEDIA = re.compile(r"\[(audio|video|playlist|gallery)\b([^\]]*)\](?:.*?\[/\1\])?", re.IGNORECASE | re.DOTALL)
MEDIA_URL = re.compile(r"""=\s*["'](https?://[^"']+)["']""")
BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
SUMMARY_MARK = re.compile(r"^\s*\[(fr|en)\]\s*", re.IGNORECASE)
NOTICE = re.compile(
    r"initialement\s+(?:été\s+)?publié\s+dans\s+(?P<publication>.+?)\s*[(\[]\s*(?:voir|lire)\s+l['’]original\s*[)\]]",
    re.IGNORECASE,
)


def to_html(text):
    """The HTML WordPress would show for `text`, with the `<!--more-->` cut on a line of its own."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    had_blocks = "<!-- wp:" in text
    text = MORE_TAG.sub(f"\n\n{MORE}\n\n", text)
    text = COMMENT.sub(lambda m: m.group(0) if m.group(0) == MORE else "", text)
    text = expand_shortcodes(text)
    text = IFRAME.sub(lambda m: f'<p><a href="{m.group(2)}">{m.group(2)}</a></p>', text)
    # A caption becomes a <figure>, a block of its own: held aside while paragraphs are made,
    # so that the text around it is never split into empty or unclosed paragraphs.
    figures = []

    def hold(match):
        figures.append(caption_figure(match))
        return f"\n\n<figure wp-caption-{len(figures) - 1}></figure>\n\n"

    text = CAPTION.sub(hold, text)
    # Block-editor content already carries its paragraphs; WordPress skips wpautop for it too.
    text = text if had_blocks else autop(text)
    text = HELD_FIGURE.sub(lambda m: figures[int(m.group(1))], text)
    before, more, after = text.partition(MORE)
    if more:
        text = f"{before.strip()}\n{MORE}\n{after.replace(MORE, '').strip()}"
    return text.strip()


def expand_shortcodes(text):
    text = EMBED.sub(lambda m: link_line(m.group(1).strip()), text)
    text = MEDIA.sub(lambda m: "\n".join(link_line(url) for url in MEDIA_URL.findall(m.group(2))), text)
    return BARE_URL_LINE.sub(lambda m: link_line(m.group(1)), text)


def link_line(url):
    return f'<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>' if url else ""


def caption_figure(match):
    attributes, inner = match.group(1), match.group(2)
    image = IMAGE_THEN_TEXT.match(inner)
    media, caption = (image.group(1), image.group(2).strip()) if image else (inner, "")
    attribute = CAPTION_ATTRIBUTE.search(attributes)
    caption = caption or (attribute.group(2) if attribute else "")
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{media.strip()}{figcaption}</figure>"


def autop(text):
    """A port of WordPress's wpautop: blank lines make paragraphs, single newlines `<br>`."""
    preserved = []

    def keep(match):
        preserved.append(match.group(0))
        return f"<pre wp-pre-tag-{len(preserved) - 1}></pre>"

    text = PRE.sub(keep, text)
    text = TAG.sub(lambda m: m.group(0).replace("\n", " "), text)
    text = BLOCK_OPEN.sub(r"\n\n\1", text)
    text = BLOCK_CLOSE.sub(r"\1\n\n", text)
    text = text.replace(MORE, f"\n\n{MORE}\n\n")
    chunks = [chunk.strip("\n") for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    text = "".join(paragraph(chunk) for chunk in chunks)
    text = re.sub(rf"<p>\s*({BLOCK_TAG})\s*</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = re.sub(r"</blockquote></p>", "</p></blockquote>", text, flags=re.IGNORECASE)
    text = re.sub(rf"<p>\s*({BLOCK_TAG})", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(rf"({BLOCK_TAG})\s*</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\n</p>", "</p>", text)
    text = re.sub(r"<p>\s*</p>", "", text)
    return re.sub(r"<pre wp-pre-tag-(\d+)></pre>", lambda m: preserved[int(m.group(1))], text)


def paragraph(chunk):
    if chunk == MORE:
        return f"{MORE}\n"
    if not re.match(BLOCK_TAG, chunk, flags=re.IGNORECASE):
        chunk = re.sub(r"(?<!<br />)[ \t]*\n", "<br />\n", chunk)
    return f"<p>{chunk}</p>\n"


def take_summaries(body):
    """Lift the opening `[en] …` / `[fr] …` paragraphs out of `body`.

    Returns (summaries as {language: HTML}, the rest of the body).
    """
    summaries = {}
    while True:
        match = PARAGRAPH.match(body.lstrip())
        mark = SUMMARY_MARK.match(match.group(1)) if match else None
        if not mark:
            return summaries, body
        language = mark.group(1).lower()
        text = match.group(1)[mark.end() :].strip()
        summaries[language] = f"{summaries[language]}\n\n{text}" if language in summaries else text
        body = body.lstrip()[match.end() :]


def take_column_notice(body):
    """Find "COLUMN: … initialement publié dans PUBLICATION (voir l'original)" and its link.

    Returns (notice or None, the body without the notice paragraph). The notice is a
    dict with `column`, `publication` and `url`.
    """
    for paragraph in PARAGRAPH.finditer(body):
        text = markup.plain_text(paragraph.group(1))
        found = NOTICE.search(text)
        links = LINK.findall(paragraph.group(1))
        if not found or not links:
            continue
        before = text[: found.start()]
        publication = found.group("publication").strip()
        column = before.split(":", 1)[0].strip() if ":" in before else publication
        notice = {"column": column, "publication": publication, "url": html.unescape(links[-1][1]).strip()}
        return notice, body[: paragraph.start()] + body[paragraph.end() :]
    return None, body


def clean_body(body):
    """Cleaned HTML, the `<!--more-->` line kept where `blog.markup.split_more` finds it."""
    before, more, after = body.partition(MORE)
    if not more:
        return markup.clean_html(body).strip()
    return f"{markup.clean_html(before).strip()}\n{MORE}\n{markup.clean_html(after).strip()}"


def comment_text(content):
    """A comment as Carnet keeps it: plain text, paragraphs, links written out."""

    def link(match):
        url, label = html.unescape(match.group(2)).strip(), markup.plain_text(match.group(3))
        return url if not label or label == url or label.rstrip(".…") in url else f"{label} ({url})"

    text = (content or "").replace("\r\n", "\n")
    text = LINK.sub(link, text)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"</p>|</blockquote>|</li>", "\n\n", text, flags=re.IGNORECASE)
    text = html.unescape(TAG.sub("", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
