"""Text as a reader expects it: words sorted whatever their accents, excerpts cut after a word."""

import unicodedata

from django.utils.formats import date_format
from django.utils.timezone import localtime

# Letters that Unicode does not decompose into a base letter and an accent, spelt as a French or English
# reader types them when she has no key for them: "oeuvre" for "œuvre".
LETTERS = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d"}
    | {"Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i"}
)


def spell_out(text):
    """ "Œuvre" → "oeuvre": the letters of LETTERS spelt out (the rest left as it is)."""
    return text.translate(LETTERS)


def fold(text):
    """Lowercase `text`, drop its accents and spell out its ligatures ("Été" → "ete", "Œuvre" → "oeuvre")."""
    if text.isascii():  # most words: nothing to decompose (a search page folds every word of ten posts)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", spell_out(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def dictionary_order(word):
    """A sort key putting accented letters with their base letter ("écriture" before "fable"), case aside."""
    return (fold(word), word)


def by_name(tags):
    """Tags (anything with a `name`) in dictionary order."""
    return sorted(tags, key=lambda tag: dictionary_order(tag.name))


def excerpt(text, length):
    """The start of `text` on one line, at most `length` characters and "…", cut after a word (not after a colon,
    a comma or an opening quote, which would announce what was cut)."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(" \u202f\xa0,;:«(—–-") + "…"


def moment(value):
    """A date and time as the active language writes it, in the site's time zone ("3 novembre 2026, 15:05")."""
    return date_format(localtime(value), "DATETIME_FORMAT")
