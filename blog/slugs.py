"""Slugs made from titles: plain ASCII, so that addresses survive being pasted anywhere.

`static/blog/admin/slug.js` applies the same rule as the author types the title; this
module fills in the slug when she leaves it empty. Slugs already stored (Unicode ones
imported from WordPress among them) are never rewritten.
"""

import re
import unicodedata

from django.utils.text import slugify

# Letters that Unicode does not decompose into a base letter and an accent.
LETTERS = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d"}
    | {"Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i"}
)
APOSTROPHES = re.compile(r"['’ʼ]")
NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug_from_title(title, max_length=200):
    """ "L'été de l'œuvre" → "l-ete-de-l-oeuvre": accents dropped, ligatures spelt out,
    each apostrophe a hyphen (the elided article stays readable), cut at a hyphen."""
    text = unicodedata.normalize("NFKD", title.translate(LETTERS))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    slug = NOT_SLUG.sub("-", APOSTROPHES.sub("-", text)).strip("-")
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug.strip("-")


def unique_slug(title, taken, max_length=200):
    """A slug for `title` that `taken(slug)` says is free: `slug`, then `slug-2`, `slug-3`…"""
    # A title in a script with no ASCII spelling keeps its letters rather than become "post".
    base = slug_from_title(title, max_length - 4) or slugify(title, allow_unicode=True)[: max_length - 4] or "post"
    slug, number = base, 1
    while taken(slug):
        number += 1
        slug = f"{base}-{number}"
    return slug
