"""Text as search sees it: unaccented, lowercase words; and excerpts with the words marked."""

import html
import itertools
import re
from collections import deque

from django.utils.safestring import mark_safe

from blog.text import fold

WORD = re.compile(r"\w+")
# In an excerpt, one pass: a word, or a character html.escape() writes as an entity.
MARKUP = re.compile(r"(\w+)|[&<>\"']")
ESCAPES = {character: html.escape(character) for character in "&<>\"'"}
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

    def excerpt(self, text, size=EXCERPT_WORDS):
        """An excerpt of `text` around the first marked word, or from its start if none is, every marked word in
        <mark>."""
        excerpt = self.marked_excerpt(text, size)
        return self.opening(text, size) if excerpt is None else excerpt

    def opening(self, text, size=EXCERPT_WORDS):
        """The first `size` words of `text`, any marked word in <mark>."""
        return self._excerpt_from(text or "", 0, size)

    def marked_excerpt(self, text, size=EXCERPT_WORDS):
        """`excerpt()` around the first marked word of `text`, or None if no word is marked.

        Only the words up to the first marked one, then the excerpt's, are read: splitting a post's whole body for
        forty of its words took most of a result's time.
        """
        text = text or ""
        before = size // 4
        starts = deque(maxlen=before + 1)  # where the last words read begin, the marked one last
        for index, found in enumerate(WORD.finditer(text)):
            starts.append(found.start())
            if self.marks(found.group()):
                # The excerpt starts `before` words before the marked one, or with the text.
                return self._excerpt_from(text, starts[0] if index > before else 0, size)
        return None

    def _excerpt_from(self, text, start, size):
        """`size` words of `text` from `start` (where a word begins, or 0). Each word and each character HTML gives a
        meaning to is written by _markup(), so nothing in `text` becomes markup."""
        end = start
        for found in itertools.islice(WORD.finditer(text, start), size):
            end = found.end()
        more = WORD.search(text, end) is not None
        shown = MARKUP.sub(self._markup, text[start:end] if more else text[start:])
        prefix = "… " if start > 0 else ""
        suffix = " …" if more else ""
        return mark_safe(prefix + shown + suffix)  # noqa: S308 - every piece escaped by _markup()

    def _markup(self, found):
        """A word of an excerpt, in <mark> if marked, or a character HTML escapes (MARKUP)."""
        word = found.group(1)
        if word is None:
            return ESCAPES[found.group()]
        return f"<mark>{word}</mark>" if self.marks(word) else word
