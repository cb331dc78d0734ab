import re

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from django.views.i18n import set_language
from django.views.static import serve

from blog.sitemaps import PageSitemap, PostSitemap, TagSitemap
from columns.feeds import ColumnAtomFeed, ColumnRssFeed
from columns.sitemaps import ColumnSitemap
from operations.health import healthz
from pages.sitemaps import PagesSitemap

handler400 = "operations.views.bad_request"
handler404 = "operations.views.page_not_found"
handler500 = "operations.views.server_error"

SITEMAPS = {
    "pages": PageSitemap,
    "posts": PostSitemap,
    "tags": TagSitemap,
    "columns": ColumnSitemap,
    "site-pages": PagesSitemap,
}

admin.site.site_header = _("Carnet administration")
admin.site.site_title = "Carnet"
# No menu down the left of every admin page: it took 300 px of a laptop's screen from the writing desk (the text and
# its preview side by side) and from the lists, whose last columns it pushed out of sight. The home page and the
# breadcrumbs lead everywhere it did.
admin.site.enable_nav_sidebar = False


def favicon(request):
    # What browsers and feed readers ask for when a page names no icon; a temporary redirect, since the
    # icon's address changes with its content.
    return HttpResponseRedirect(static("favicon.svg"))


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    # No CSRF token on the switch: it is on every page, and a token would keep pages out of the cache.
    # A forged switch can only change someone's interface language, which the switch itself undoes.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("search/", include("search.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("columns/<slug:slug>/feed/", ColumnRssFeed(), name="column-feed"),
    path("columns/<slug:slug>/feed/atom/", ColumnAtomFeed(), name="column-feed-atom"),
    path("columns/", include("columns.urls")),
    path("", include("comments.urls")),
    path("", include("blog.urls")),
    path("", include("pages.urls")),  # last: a page never hides an address of Carnet's own
]


def serve_media(request, path):
    # MEDIA_ROOT read on each request, not once when the URLs are loaded: a setting changed
    # later (a test, a restore into another folder) is followed.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.MEDIA_SERVE:  # uploads on the local disk, when no web server or bucket serves them
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.insert(0, re_path(rf"^{re.escape(media_prefix)}(?P<path>.+)$", serve_media))
