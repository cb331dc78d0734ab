"""What an author wrote at the top or bottom of a post that Carnet keeps elsewhere."""

import html
import re

from blog import markup

PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
LINK = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1[^>]*>(.*?)</a>""", re.IGNORECASE | re.DOTALL)
SUMMARY_MARK = re.compile(r"^\s*\[(fr|en)\]\s*", re.IGNORECASE)
NOTICE = re.compile(
    r"initialement\s+(?:été\s+)?publié\s+dans\s+(?P<publication>.+?)\s*[(\[]\s*(?:voir|lire)\s+l['’]original\s*[)\]]",
    re.IGNORECASE,
)
TAG = re.compile(r"<[^>]*>")


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
        links = LINK.findall(paragraph.group(1))
        if not links:
            continue
        text = markup.plain_text(paragraph.group(1))
        found = NOTICE.search(text)
        if not found:
            continue
        before = text[: found.start()]
        publication = found.group("publication").strip()
        column = before.split(":", 1)[0].strip() if ":" in before else publication
        notice = {"column": column, "publication": publication, "url": html.unescape(links[-1][1]).strip()}
        return notice, body[: paragraph.start()] + body[paragraph.end() :]
    return None, body


def comment_text(content):
    """A comment as Carnet keeps it: plain text, paragraphs, links written out."""

    def link(match):
        url, label = html.unescape(match.group(2)).strip(), markup.plain_text(match.group(3))
        return url if not label or label == url or label.rstrip(".…") in url else f"{label} ({url})"

    text = (content or "").replace("\r\n", "\n")
    text = LINK.sub(link, text)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"</(?:td|th)>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"</(?:p|blockquote|li|dt|dd|tr|h[1-6]|div|pre|address)>", "\n\n", text, flags=re.IGNORECASE)
    text = html.unescape(TAG.sub("", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
