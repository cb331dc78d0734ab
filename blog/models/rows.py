"""A post's tags and summaries read in the query that reads the post, as JSON lists.

Prefetched, each cost a query and its model instances: the ORM's work on them (building,
compiling, instantiating, matching rows to posts) took a third of a list page, many times the
time the database spent. Read here as one value per post, in a subquery of the post's own query.
"""

from functools import cache
from typing import NamedTuple

from django.db.models import Aggregate, JSONField, OuterRef, Subquery


class TagLink(NamedTuple):
    """What a page shows of a post's tag: its name, the slug of its address; `pk` for similar posts."""

    pk: int
    name: str
    slug: str


class SummaryRow(NamedTuple):
    """A post's summary in one language, as a parler translation row holds it."""

    language_code: str
    summary: str


class JSONRows(Aggregate):
    """The grouped rows as one JSON list of lists ([[a, b], …]), in either database."""

    template = "JSONB_AGG(JSONB_BUILD_ARRAY(%(expressions)s))"
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="JSON_GROUP_ARRAY(JSON_ARRAY(%(expressions)s))")


def _rows(model, owner, *columns):
    """A subquery of the `columns` of `model`'s rows belonging to the outer post (through `owner`), as JSON."""
    grouped = model.objects.filter(**{owner: OuterRef("pk")}).order_by().values(owner)
    return Subquery(grouped.annotate(rows=JSONRows(*columns)).values("rows"))


# Built once: annotate() resolves a copy of them, so the ones kept here are never changed.
@cache
def tag_rows():
    from .post import TaggedPost

    return _rows(TaggedPost, "content_object", "tag_id", "tag__name", "tag__slug")


@cache
def tag_use_rows():
    """The post's tags, each with the number of posts with the published status carrying it (blog.models.tag_use)."""
    from .post import TaggedPost

    return _rows(TaggedPost, "content_object", "tag_id", "tag__use__posts")


@cache
def summary_rows():
    from .post import Post

    return _rows(Post.translations.field.model, "master", "language_code", "summary")


def tag_links(rows):
    return [TagLink(*row) for row in rows or ()]


def summaries(rows):
    return [SummaryRow(*row) for row in rows or ()]
