"""The lists of posts readers ask most (all, a language's, a tag's), newest first: their ids compiled once
(blog.compiled), for their pages (blog.views, with LIMIT and OFFSET) and their feeds (blog.feeds).

A page's posts are read in one query, their ids in a subquery (`CompiledQuerySet.among`), rather than the ids then
the posts: a round trip to the database fewer.
"""

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
