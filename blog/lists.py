"""The lists of posts readers ask most (all, a language's, a tag's), newest first: their ids compiled once
(blog.compiled), for their pages (blog.views, with LIMIT and OFFSET) and their feeds (blog.feeds).

A page's posts are read in one query, their ids in a subquery, rather than the ids then the posts (a round trip to
the database fewer). Not a tag's: its posts are found along the date index (a tag on many posts) or the tag's own
(a rare one), and PostgreSQL must plan the ids' query for each tag (blog.compiled.rows_planned_for_values); planned
once for every tag inside the posts' query, the bench's most used tag read all its 5,800 posts to sort them.
"""

from django.db.models import BigIntegerField, CharField

from .compiled import CompiledQuery, Slot, rows_planned_for_values
from .models import Post


def _narrowed(now, **slots):
    """The ids of the published posts (by `now`, a slot), newest first, narrowed by the `slots` given."""
    return Post.objects.published(now).filter(**slots).values_list("pk")


LIST_IDS = {
    "all": CompiledQuery(_narrowed),
    "language": CompiledQuery(lambda now: _narrowed(now, language=Slot("language", CharField()))),
    "tag": CompiledQuery(lambda now: _narrowed(now, tags=Slot("tag", BigIntegerField()))),
}


def posts_between(shown, posts, start, stop):
    """The posts `[start:stop]` of `posts`, one of LIST_IDS and the values of its slots, as `shown` (a method of
    `Post.objects` taking ids, "listed" or "syndicated") shows them."""
    query, values = posts
    if query is LIST_IDS["tag"]:
        sql, params = query.sql_with_params(**values)
        ids = rows_planned_for_values(f"{sql} LIMIT %s OFFSET %s", [*params, stop - start, start])
        return getattr(Post.objects, shown)([pk for (pk,) in ids])
    return getattr(Post.objects, f"{shown}_among")(posts, start, stop)
