"""Sitemaps of the pages search engines should index: only canonical addresses."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from blog.models import Language, Post
from columns.models import OriginalStatus

# While the magazine's page stands (or has only moved, or was never checked), the blog copy
# names it as canonical, so the copy stays out of the sitemap. Once it is gone, the copy is
# the canonical text.
ORIGINAL_IS_CANONICAL = [OriginalStatus.UNKNOWN, OriginalStatus.ONLINE, OriginalStatus.MOVED]


class SiteUrlSitemap(Sitemap):
    """Addresses built on SITE_URL, as canonical links are, whatever host the request came to."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PostSitemap(SiteUrlSitemap):
    def items(self):
        return (
            Post.objects.published()
            .exclude(republication__original_status__in=ORIGINAL_IS_CANONICAL)
            .only("slug", "published_at", "updated_at")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, post):
        return max(post.updated_at, post.published_at)


class TagSitemap(SiteUrlSitemap):
    def items(self):
        return Post.objects.published().tag_counts().order_by("name")

    def location(self, tag):
        return reverse("blog:tag-detail", args=[tag.slug])


class PageSitemap(SiteUrlSitemap):
    """The home page, the tag index, the columns index and the two language pages."""

    def items(self):
        return [
            reverse("blog:post-list"),
            reverse("blog:tag-list"),
            reverse("columns:column-list"),
            *(reverse("blog:language-detail", args=[code]) for code in Language.values),
        ]

    def location(self, path):
        return path
