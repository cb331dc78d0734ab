"""Requests no page can answer are refused before they reach a view or the database."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils import translation

NUL = "\x00"


class MalformedRequestMiddleware:
    """A NUL character in the path or the query string gets a 400 in the reader's language.

    PostgreSQL stores no NUL in text and raises on any query that carries one (a slug, a
    tag, an old WordPress address): answering here keeps every lookup behind it safe. A
    cookie holding one is dropped, as if it had not been sent (the session cookie is looked
    up in the database too).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, value in list(request.COOKIES.items()):
            if NUL in name or NUL in value:
                del request.COOKIES[name]
        if carries_nul(request):
            translation.activate(translation.get_language_from_request(request))
            raise BadRequest("NUL character in the address")
        return self.get_response(request)


def carries_nul(request):
    return NUL in request.path or any(NUL in key or NUL in "".join(values) for key, values in request.GET.lists())


class PermissionsPolicyMiddleware:
    """Browser features no page of Carnet uses (camera, microphone, location…) are off, for embeds too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
