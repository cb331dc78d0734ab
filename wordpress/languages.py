"""Which language a WordPress post is written in, and its summaries in other languages.

Signs, in order: the Basic Bilingual plugin's post meta, Polylang's `language`
taxonomy, the author's own habit of a `[fr]`/`[en]` marker after the title; without
any, the words of the post; for a text too short to tell, the export's `<language>`.
"""

import re
from dataclasses import dataclass, field

from blog import markup
from blog.models import Language

from . import content, detection, php

TITLE_MARK = re.compile(r"\s*\[(fr|en)\]\s*$", re.IGNORECASE)


@dataclass
class Languages:
    language: str | None
    source: str
    title: str
    body: str
    summaries: dict[str, str] = field(default_factory=dict)


def language_code(value):
    """`fr`, `fr_FR`, `en-US` → `fr` / `en`; anything else → None."""
    code = (value or "").strip().lower()[:2]
    return code if code in Language.values else None


def basic_bilingual(meta):
    """(language, summaries) from Basic Bilingual's meta, old keys or new."""
    language = language_code(meta.get("bb-post-language")) or language_code(meta.get("language"))
    summaries = {}
    try:
        excerpts = php.unserialize(meta["bb-post-excerpts"]) if meta.get("bb-post-excerpts") else {}
    except ValueError:
        excerpts = {}
    if isinstance(excerpts, dict):
        for key, text in excerpts.items():
            if language_code(str(key)) and isinstance(text, str) and text.strip():
                summaries[language_code(str(key))] = text.strip()
    other = (meta.get("other-excerpt") or "").strip()
    if other and language:
        summaries.setdefault(next(code for code in Language.values if code != language), other)
    return language, summaries


def detect(item, body, export_language=None, qtranslate=None):
    """The post's language, title, summaries and body once the markers are taken out.

    `source` names the rule that decided; `language` is None when none could. `qtranslate`
    is the language of a qTranslate version, which wins over every other sign.
    """
    language, summaries = basic_bilingual(item.meta)
    source = "Basic Bilingual" if language else ""
    if qtranslate:
        language, source = qtranslate, "qTranslate"
    if not language:
        language = next((language_code(t.slug) for t in item.terms if t.domain == "language"), None)
        source = "Polylang" if language else ""
    title = markup.plain_text(item.title)
    mark = TITLE_MARK.search(title)
    if mark:
        title = title[: mark.start()]
        if not language:
            language, source = mark.group(1).lower(), "title"
    opening, body = content.take_summaries(body)
    if not language:
        language = detection.detect(title, body, Language.values)
        source = "words" if language else ""
    if not language and language_code(export_language):
        language, source = language_code(export_language), "export"
    for code, text in opening.items():
        summaries.setdefault(code, text)
    return Languages(language=language, source=source, title=title, body=body, summaries=summaries)
