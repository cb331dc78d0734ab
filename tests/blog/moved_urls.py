"""The site under /carnet/, for tests/blog/test_addresses.py."""

from django.urls import include, path

urlpatterns = [path("carnet/", include("config.urls"))]
