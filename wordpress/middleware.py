from django.http import HttpResponsePermanentRedirect

from .models import Redirect


class RedirectMiddleware:
    """Answer the old blog's addresses with a permanent redirect.

    Normal pages cost nothing: a lookup happens only for a 404 or a WordPress short
    link (`?p=123`), and then it is one query on the unique `old_path` index.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        post_id = request.GET.get("p", "")
        if post_id.isdigit():
            response = self.redirect(request, [f"{request.path}?p={post_id}"])
            if response:
                return response
        response = self.get_response(request)
        if response.status_code == 404:
            paths = [request.path]
            if not request.path.endswith("/"):
                paths.append(request.path + "/")
            return self.redirect(request, paths) or response
        return response

    def redirect(self, request, paths):
        found = Redirect.objects.select_related("post").filter(old_path__in=paths).order_by("old_path").first()
        if found is None:
            return None
        target = found.get_target_url()
        if not target or target == request.get_full_path():
            return None
        return HttpResponsePermanentRedirect(target)
