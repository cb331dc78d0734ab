"""Sorting words as a reader expects, whatever their accents."""

import unicodedata


def fold(text):
    """Lowercase `text` and drop its accents ("Été" → "ete"), character for character."""
    if text.isascii():  # most words: nothing to decompose (a search page folds every word of ten posts)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def dictionary_order(word):
    """A sort key putting accented letters with their base letter ("écriture" before "fable"), case aside."""
    return (fold(word), word)


def by_name(tags):
    """Tags (anything with a `name`) in dictionary order."""
    return sorted(tags, key=lambda tag: dictionary_order(tag.name))
