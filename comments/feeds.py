from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from blog.links import absolute_url
from blog.models import Post
from blog.templatetags.blog_tags import typography
from blog.typesetting import typeset

from .models import Comment
from .text import render_body, strip_control_characters


class LatestCommentsFeed(Feed):
    """The latest approved comments on every published post."""

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # Comments are written in both languages: no <language> (Django would use the interface's).
        feed.feed["language"] = None
        return feed

    def title(self):
        return _("%(site)s — latest comments") % {"site": settings.SITE_NAME}

    def link(self):
        return reverse("blog:post-list")

    def description(self):
        return self.title()

    def items(self):
        return (
            Comment.objects.approved()
            .filter(post__in=Post.objects.published())
            .select_related("post")
            .order_by("-created_at", "-pk")[: settings.COMMENTS_FEED_SIZE]
        )

    def item_title(self, item):
        name = strip_control_characters(item.author_name)
        return _("%(name)s on “%(title)s”") % {"name": name, "title": typeset(item.post.title, item.post.language)}

    def item_description(self, item):
        return typography(render_body(strip_control_characters(item.body)), item.language)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return absolute_url(item.get_absolute_url())

    def item_author_name(self, item):
        return strip_control_characters(item.author_name)

    def item_pubdate(self, item):
        return item.created_at


class PostCommentsFeed(LatestCommentsFeed):
    """The latest approved comments on one published post."""

    def get_object(self, request, slug, **kwargs):
        return get_object_or_404(Post.objects.published(), slug=slug)

    def title(self, obj):
        return _("Comments on “%(title)s”") % {"title": typeset(obj.title, obj.language)}

    def link(self, obj):
        return obj.get_absolute_url() + "#comments"

    def description(self, obj):
        return self.title(obj)

    def items(self, obj):
        return (
            obj.comments.approved().select_related("post").order_by("-created_at", "-pk")[: settings.COMMENTS_FEED_SIZE]
        )
