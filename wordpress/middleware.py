from django.http import HttpResponsePermanentRedirect

from blog.links import same_address

from . import old_urls, uploads
from .models import Redirect


class RedirectMiddleware:
    """Answer the old blog's addresses with a permanent redirect.

    Normal pages cost nothing: the stored redirects are looked up only for a 404 or a
    WordPress query-string address (`/?p=123`, `/?cat=4`), and then in one query on
    the unique `old_path` index. Feeds, date archives and page numbers need no lookup.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        looked_up = False
        wanted = old_urls.from_query(request.path, request.GET)
        if wanted:
            looked_up = bool(wanted.candidates)
            response = self.redirect(request, wanted)
            if response:
                return response
        response = self.get_response(request)
        if response.status_code == 404:
            moved = uploads.new_address(request.path)
            if moved:
                return HttpResponsePermanentRedirect(moved)
            wanted = old_urls.from_path(request.path, request.GET)
            if looked_up:
                wanted.candidates = []  # a 404 costs one query at most
            return self.redirect(request, wanted) or response
        return response

    def redirect(self, request, wanted):
        target = self.stored_target(wanted.candidates) or wanted.fallback
        if not target or same_address(request.get_full_path(), target):
            return None
        return HttpResponsePermanentRedirect(target)

    def stored_target(self, candidates):
        if not candidates:
            return ""
        paths = [path for path, _suffix in candidates]
        found = {
            r.old_path: r for r in Redirect.objects.select_related("post", "tag", "page").filter(old_path__in=paths)
        }
        for path, suffix in candidates:
            if path in found and (target := found[path].get_target_url()):
                return suffix.apply(target, post=found[path].post)
        return ""
