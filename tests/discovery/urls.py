"""The site's URLs, plus a stand-in column page while the columns app has no URLs of its own."""

from django.http import HttpResponse
from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = list(site_urlpatterns)
if not any(getattr(pattern, "namespace", None) == "columns" for pattern in site_urlpatterns):
    column_pages = ([path("<slug:slug>/", lambda request, slug: HttpResponse(slug), name="column-detail")], "columns")
    urlpatterns.insert(0, path("columns/", include(column_pages)))
