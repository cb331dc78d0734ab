"""The site's URLs plus a bare view: the yardstick every page of the benchmark is measured against."""

from django.http import HttpResponse
from django.urls import include, path


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ok/", ok, name="bench-ok"), path("", include("config.urls"))]
