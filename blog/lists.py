"""The lists of posts readers ask most (all, a language's, a tag's), newest first: their ids compiled once
(blog.compiled), for their pages (blog.views, with LIMIT and OFFSET) and their feeds (blog.feeds).

A page's posts are read in one query, their ids in a subquery (`CompiledQuerySet.among`), rather than the ids then
the posts: a round trip to the database fewer.
"""

from django.db.models import BigIntegerField, CharField, DateTimeField

from .compiled import CompiledQuery, Slot
from .models import Post


def _narrowed(now, **slots):
    """The ids of the published posts (by `now`, a slot), newest first, narrowed by the `slots` given."""
    return Post.objects.published(now).filter(**slots).values_list("pk")


LIST_IDS = {
    "all": CompiledQuery(_narrowed),
    "language": CompiledQuery(lambda now: _narrowed(now, language=Slot("language", CharField()))),
    "tag": CompiledQuery(lambda now: _narrowed(now, tags=Slot("tag", BigIntegerField()))),
}

# The blog's and a language's lists as they stood at a moment past, `until`: a deep page reads those published by the
# end of the years before its own (blog.models.post_count.Seek), in one range of the date index. With both the
# present and the end of those years as bounds, SQLite walked the index from the present.
_UNTIL = Slot("until", DateTimeField())
_AS_THEY_STOOD = {
    LIST_IDS["all"]: CompiledQuery(lambda _now: _narrowed(_UNTIL)),
    LIST_IDS["language"]: CompiledQuery(lambda _now: _narrowed(_UNTIL, language=Slot("language", CharField()))),
}


def as_it_stood(ids, until):
    """The list `ids` (one of LIST_IDS "all" or "language", and the values of its slots) as it stood at `until`."""
    query, values = ids
    return _AS_THEY_STOOD[query], {**values, "until": until}
