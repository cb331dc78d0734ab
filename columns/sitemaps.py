from django.urls import reverse

from blog.models import Post
from blog.sitemaps import SiteUrlSitemap
from columns.models import Column


class ColumnSitemap(SiteUrlSitemap):
    """The columns index and the page of every column that has a published piece."""

    def items(self):
        columns = Column.objects.filter(republications__post__in=Post.objects.published()).distinct()
        return ["index", *columns.order_by("slug")]

    def location(self, item):
        return reverse("columns:column-list") if item == "index" else item.get_absolute_url()
