"""Sitemaps of the pages search engines should index: only canonical addresses."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from blog import extensions
from blog.models import Language, Post, published_tag_counts


class SiteUrlSitemap(Sitemap):
    """Addresses built on SITE_URL, as canonical links are, whatever host the request came to."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PostSitemap(SiteUrlSitemap):
    def items(self):
        posts = Post.objects.published().only("slug", "published_at", "updated_at").order_by("-published_at", "-pk")
        for elsewhere in extensions.canonical_elsewhere:
            posts = posts.exclude(elsewhere)
        return posts

    def lastmod(self, post):
        return max(post.updated_at, post.published_at)


class TagSitemap(SiteUrlSitemap):
    def items(self):
        return published_tag_counts()

    def location(self, tag):
        return reverse("blog:tag-detail", args=[tag.slug])


class PageSitemap(SiteUrlSitemap):
    """The home page, the tag index and the two language pages."""

    def items(self):
        return [
            reverse("blog:post-list"),
            reverse("blog:tag-list"),
            *(reverse("blog:language-detail", args=[code]) for code in Language.values),
        ]

    def location(self, path):
        return path
