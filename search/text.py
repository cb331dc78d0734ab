"""Text as search sees it: unaccented, lowercase words; and excerpts with the words marked."""

import html
import re

from django.utils.safestring import mark_safe

from blog.text import fold

WORD = re.compile(r"\w+")
WORDS_AND_GAPS = re.compile(r"(\w+)")
# French elision ("l’été", "qu’il"): the article or pronoun before the apostrophe is no word to look for;
# as the start of a word, "l" would match, and mark, every word beginning with an l.
ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
MAX_TERMS = 10
EXCERPT_WORDS = 40
# Of a word shorter than a term, only one this long marks the term's words ("chronique" for "chroniques").
SHORTEST_STEM = 4


def terms(query):
    """The distinct words of a query as typed (accents kept), at most MAX_TERMS of them."""
    found, seen = [], set()
    for word in WORD.findall(ELISION.sub(" ", query or "")):
        if fold(word) not in seen:
            seen.add(fold(word))
            found.append(word)
    return found[:MAX_TERMS]


class Marker:
    """Which words of a text the query's terms find, whatever their accents and case: a word starting with a term,
    or the start of a term at least SHORTEST_STEM letters long (so that "chroniques" also marks "chronique",
    which stemming found)."""

    def __init__(self, query_terms):
        folded = {fold(term) for term in query_terms}
        stems = {term[:length] for term in folded for length in range(SHORTEST_STEM, len(term) + 1)}
        alternatives = [f"(?:{'|'.join(map(re.escape, sorted(folded)))})"] if folded else []
        if stems:
            alternatives.append(f"(?:{'|'.join(map(re.escape, sorted(stems)))})\\Z")
        self.pattern = re.compile("|".join(alternatives)) if alternatives else None
        self.marked = {}  # word → marked: a page's texts repeat their words, and folding one costs most

    def marks(self, word):
        if word not in self.marked:
            self.marked[word] = self.pattern is not None and self.pattern.match(fold(word)) is not None
        return self.marked[word]

    def finds(self, text):
        """Whether a word of `text` is marked."""
        return any(self.marks(found.group()) for found in WORD.finditer(text or ""))

    def excerpt(self, text, size=EXCERPT_WORDS):
        """An excerpt of `text` around the first marked word, every marked word in <mark>.

        Each piece of `text` is escaped before it is wrapped, so nothing in it becomes markup.
        """
        tokens = WORDS_AND_GAPS.split(text or "")
        words = tokens[1::2]
        first = next((i for i, word in enumerate(words) if self.marks(word)), 0)
        start = max(0, first - size // 4)
        end = min(len(words), start + size)
        # tokens alternates gap, word, gap…: word i sits at 2 * i + 1. A word (\w) has no character to escape.
        low = 2 * start + 1 if start > 0 else 0
        high = 2 * end if end < len(words) else len(tokens)
        out = [
            (f"<mark>{piece}</mark>" if self.marks(piece) else piece) if index % 2 else html.escape(piece)
            for index, piece in enumerate(tokens[low:high], start=low)
        ]
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(words) else ""
        return mark_safe(prefix + "".join(out) + suffix)  # noqa: S308 - every piece escaped above
