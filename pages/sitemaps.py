from blog.sitemaps import SiteUrlSitemap

from .models import Page


class PagesSitemap(SiteUrlSitemap):
    def items(self):
        return Page.objects.published().only("path", "published_at", "updated_at").order_by("path")

    def lastmod(self, page):
        return max(page.updated_at, page.published_at)
