"""RSS 2.0 and Atom feeds of one column's republished pieces."""

from django.shortcuts import get_object_or_404

from blog.feeds import FEED_SIZE, AtomMixin, PostsFeed
from blog.links import absolute_url
from blog.models import Post
from columns.models import Column


class ColumnFeedMixin:
    def get_object(self, request, slug):
        return get_object_or_404(Column.objects.select_related("publication"), slug=slug)

    def get_feed_language(self, column):
        return column.publication.language

    def items(self, column):
        newest = Post.objects.published().filter(republication__column=column).values_list("pk", flat=True)
        return Post.objects.syndicated(list(newest[:FEED_SIZE]))

    def title(self, column):
        return f"{column.name} — {column.publication.name}"

    def description(self, column):
        return column.safe_translation_getter("description", any_language=True) or column.name

    def link(self, column):
        return absolute_url(column.get_absolute_url())


class ColumnRssFeed(ColumnFeedMixin, PostsFeed):
    pass


class ColumnAtomFeed(AtomMixin, ColumnFeedMixin, PostsFeed):
    pass
