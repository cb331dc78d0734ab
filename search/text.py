"""Text as search sees it: unaccented, lowercase words; and excerpts with the words marked."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from blog.text import fold

WORD = re.compile(r"\w+")
# French elision ("l’été", "qu’il"): the article or pronoun before the apostrophe is no word to look for;
# as the start of a word, "l" would match, and mark, every word beginning with an l.
ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
MAX_TERMS = 10
EXCERPT_WORDS = 40


def terms(query):
    """The distinct words of a query as typed (accents kept), at most MAX_TERMS of them."""
    found, seen = [], set()
    for word in WORD.findall(ELISION.sub(" ", query or "")):
        if fold(word) not in seen:
            seen.add(fold(word))
            found.append(word)
    return found[:MAX_TERMS]


def _matches(word, folded_terms):
    folded = fold(word)
    # Either way round, so that "chroniques" also marks "chronique" (which stemming found).
    return any(folded.startswith(term) or (len(folded) >= 4 and term.startswith(folded)) for term in folded_terms)


def matches(text, query_terms):
    folded_terms = [fold(term) for term in query_terms]
    return any(_matches(word, folded_terms) for word in WORD.findall(text or ""))


def highlight(text, query_terms, size=EXCERPT_WORDS):
    """An excerpt of `text` around the first matching word, every matching word in <mark>.

    Each piece of `text` is escaped before it is wrapped, so nothing in it becomes markup.
    """
    folded_terms = [fold(term) for term in query_terms]
    tokens = re.split(r"(\w+)", text or "")
    words = tokens[1::2]
    first = next((i for i, word in enumerate(words) if _matches(word, folded_terms)), 0)
    start = max(0, first - size // 4)
    end = min(len(words), start + size)
    # tokens alternates separator, word, separator…: word i sits at 2 * i + 1.
    low = 2 * start + 1 if start > 0 else 0
    high = 2 * end if end < len(words) else len(tokens)
    out = []
    for index in range(low, high):
        piece = tokens[index]
        if index % 2 == 1 and _matches(piece, folded_terms):
            out.append(f"<mark>{escape(piece)}</mark>")
        else:
            out.append(escape(piece))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(words) else ""
    return mark_safe(prefix + "".join(out) + suffix)  # noqa: S308 - every piece escaped above
