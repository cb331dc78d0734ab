from blog.models import Post
from blog.sitemaps import SiteUrlSitemap
from columns.models import Column


class ColumnSitemap(SiteUrlSitemap):
    """The page of every column that has a published piece."""

    def items(self):
        return Column.objects.filter(republications__post__in=Post.objects.published()).distinct().order_by("slug")
