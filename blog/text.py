"""Sorting words as a reader expects, whatever their accents."""

import unicodedata


def dictionary_order(word):
    """A sort key putting accented letters with their base letter ("écriture" before "fable"), case aside."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return ("".join(c for c in decomposed if not unicodedata.combining(c)), word)


def by_name(tags):
    """Tags (anything with a `name`) in dictionary order."""
    return sorted(tags, key=lambda tag: dictionary_order(tag.name))
