from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

from .models import OldSlug, Post

PERMALINK_PARTS = {"year", "month", "day", "slug"}


class OldSlugRedirectMiddleware:
    """A post's addresses under a slug it had when published answer a permanent redirect to its current ones.

    Pages that exist cost nothing: the old slugs are looked up only for a 404 on an address
    shaped like a permalink (the post, its comments feed), in one query on the unique slug.
    A changed date needs no lookup: the post page finds the post by its slug and redirects.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return response
        if not match.kwargs.keys() >= PERMALINK_PARTS:
            return response
        old = (
            OldSlug.objects.filter(slug=match.kwargs["slug"], post__in=Post.objects.published())
            .select_related("post")
            .first()
        )
        if old is None:
            return response
        url = old.post.get_url(match.view_name)
        if request.META.get("QUERY_STRING"):
            url = f"{url}?{request.META['QUERY_STRING']}"
        return HttpResponsePermanentRedirect(url)
