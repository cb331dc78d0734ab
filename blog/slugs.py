"""Slugs made from titles: plain ASCII, so that addresses survive being pasted anywhere; and a slug for every tag.

`static/blog/admin/slug.js` applies the same rule as the author types the title; this
module fills in the slug when she leaves it empty. Slugs already stored (Unicode ones
imported from WordPress among them) are never rewritten.
"""

import re
import unicodedata

from django.utils.text import slugify

from .text import spell_out

APOSTROPHES = re.compile(r"['’ʼ]")
NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug_from_title(title, max_length=200):
    """ "L'été de l'œuvre" → "l-ete-de-l-oeuvre": accents dropped, ligatures spelt out,
    each apostrophe a hyphen (the elided article stays readable), cut at a hyphen."""
    text = unicodedata.normalize("NFKD", spell_out(title))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    slug = NOT_SLUG.sub("-", APOSTROPHES.sub("-", text)).strip("-")
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug.strip("-")


def unique_slug(title, taken, max_length=200):
    """A slug for `title` that `taken(slug)` says is free: `slug`, then `slug-2`, `slug-3`…"""
    # A title in a script with no ASCII spelling keeps its letters rather than become "post".
    base = slug_from_title(title, max_length - 4) or slugify(title, allow_unicode=True)[: max_length - 4] or "post"
    return numbered(base, taken)


def numbered(base, taken):
    """`base`, or the first of `base-2`, `base-3`… that `taken(slug)` says is free."""
    slug, number = base, 1
    while taken(slug):
        number += 1
        slug = f"{base}-{number}"
    return slug


# django-taggit's own fallback when a name slugifies to nothing: "", then "_1", "_2"…
TAGGIT_EMPTY_SLUG = re.compile(r"(_\d+)?")
TAGGIT_NUMBERED = re.compile(r"(.*?)(_\d+|)")


def symbol_slug(name, max_length=100):
    """ "🙂" → "slightly-smiling-face", "?" → "question-mark": a name with no letter or digit, spelt by Unicode."""
    spelt = " ".join(unicodedata.name(char, "") for char in name)
    return slugify(spelt)[:max_length].strip("-") or "tag"


def give_tag_an_address(sender, instance, **kwargs):
    """Before a new tag is saved (pre_save): a name made only of symbols or emoji gets a slug spelt from them, and
    a slug made too long by django-taggit's "_1" is shortened.

    django-taggit would give the first an empty slug, and no page listing the tag could link to it. The second
    comes of a 100-character name whose slug another tag has: PostgreSQL would refuse it with an error page.
    """
    if not instance._state.adding:
        return
    limit = sender._meta.get_field("slug").max_length
    if len(instance.slug) > limit:
        base, number = TAGGIT_NUMBERED.fullmatch(instance.slug).groups()
        instance.slug = base[: limit - len(number)] + number
    if slugify(instance.name, allow_unicode=True):
        return
    if not TAGGIT_EMPTY_SLUG.fullmatch(instance.slug):
        return  # chosen by hand
    instance.slug = unique_tag_slug(sender, instance.name)


def unique_tag_slug(tag_model, name):
    return numbered(symbol_slug(name), lambda slug: tag_model.objects.filter(slug=slug).exists())
