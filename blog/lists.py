"""The lists of posts readers ask most (all, a language's, a tag's), newest first: their ids compiled once
(blog.compiled), for their pages (blog.views, with LIMIT and OFFSET) and their feeds (blog.feeds)."""

from django.db.models import BigIntegerField, CharField

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


def ids_between(compiled, start, stop):
    """The ids `[start:stop]` of a list given as one of `LIST_IDS` and the values of its slots."""
    query, values = compiled
    return [pk for (pk,) in query.slice(start, stop, **values)]
