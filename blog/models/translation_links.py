"""A post's linked translation (`Post.linked_translation`): the published post in the other language that it
translates, or that translates it, as a link to it shows it (not its body).

A translation's is its original (a translation has none of its own: see Post.clean()). An original's is found
through an index on (translation_of, status, published_at): with an OR on both, or with the status index alone,
SQLite scanned every published post (110 ms on 10,000 posts).
"""

import datetime

from django.db import models
from django.db.models import JSONField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, JSONObject
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from blog.compiled import CompiledQuerySet, Slot

FIELDS = ["id", "language", "slug", "published_at"]


def linked_translation(post):
    """`post`'s linked translation, or None: read with it on its page (`linked_translation_row()`), else one query."""
    if "translation_json" in post.__dict__:
        return _from_row(post.translation_json)
    if post.translation_of_id:
        return _ORIGINAL.first(pair=post.translation_of_id, language=post.language)
    return _TRANSLATION.first(pair=post.pk, language=post.language)


def linked_translation_row(now):
    """The linked translation of the outer post, as a JSON object of its FIELDS, for the query that reads the post
    (a query of its own took 0.2 ms of a post page's 6 on PostgreSQL). Its original, or else the first of its
    translations: two subqueries, each through its index, not an OR."""
    shown = JSONObject(**{name: name for name in FIELDS})

    def row(pair):
        return Subquery(_others(now, pair, OuterRef("language")).values_list(shown)[:1])

    return Coalesce(
        row(Q(pk=OuterRef("translation_of_id"))), row(Q(translation_of=OuterRef("pk"))), output_field=JSONField()
    )


def _from_row(row):
    from .post import Post

    if row is None:
        return None
    published_at = parse_datetime(row["published_at"])
    if timezone.is_naive(published_at):  # SQLite's JSON holds the UTC time as stored
        published_at = timezone.make_aware(published_at, datetime.UTC)
    return Post.from_db("default", FIELDS, [published_at if name == "published_at" else row[name] for name in FIELDS])


def _others(now, pair, language):
    """The published posts `pair` names (a Q), in another language than `language`, the first linked first."""
    from .post import Post

    return Post.objects.published(now).filter(pair).exclude(language=language).order_by("pk")


def _link(now, pair):
    """The first of `_others()`, its language in the slot "language", as a link to it shows it."""
    return _others(now, pair, Slot("language", models.CharField())).only(*FIELDS)[:1]


# On every post page but its own (a post read elsewhere, a WordPress address): compiled once.
_ORIGINAL = CompiledQuerySet(lambda now: _link(now, Q(pk=Slot("pair", models.BigIntegerField()))))
_TRANSLATION = CompiledQuerySet(lambda now: _link(now, Q(translation_of=Slot("pair", models.BigIntegerField()))))
