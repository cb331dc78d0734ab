"""qTranslate's several languages in one post: `<!--:fr-->…<!--:-->`, `[:fr]…[:]`, `{:fr}…{:}`.

Carnet writes each language as its own post, linked as translations; text outside the
marks belongs to every language, as qTranslate showed it.
"""

import re
from dataclasses import replace

from . import detection

MARK = re.compile(r"<!--:([a-z]{2})?-->|\[:([a-z]{2})?\]|\{:([a-z]{2})?\}")


def has_marks(text):
    return bool(text) and MARK.search(text) is not None


def split(text):
    """{language: text} in the order the languages come, or {} when `text` has no marks."""
    if not has_marks(text):
        return {}
    segments, current, position = [], None, 0
    for match in MARK.finditer(text):
        segments.append((current, text[position : match.start()]))
        current = match.group(1) or match.group(2) or match.group(3)
        position = match.end()
    segments.append((current, text[position:]))
    languages = list(dict.fromkeys(language for language, _text in segments if language))
    return {
        language: "".join(part for owner, part in segments if owner in (None, language)).strip()
        for language in languages
    }


def versions(item, candidates):
    """[(language, the item in that language)] of a qTranslate post; [] for any other post.

    A version that only copies another language's text (qTranslate's "not translated"
    fallback) is left out: the second list names the languages left out that way.
    """
    titles, bodies = split(item.title), split(item.content)
    languages = [code for code in dict.fromkeys([*bodies, *titles]) if code in candidates]
    if not languages:
        return [], []
    title = next(iter(titles.values()), item.title)
    found = []
    for code in languages:
        body = bodies.get(code, "") if bodies else item.content
        if body.strip():
            found.append((code, replace(item, title=titles.get(code) or title, content=body)))
    if not bodies:
        found = found[:1]
    kept, copies = [], []
    for code, version in found:
        said = detection.detect(version.title, version.content, candidates) if len(found) > 1 else None
        if said and said != code and any(other == said for other, _version in found):
            copies.append(code)
        else:
            kept.append((code, version))
    return kept, copies
