from django.http import HttpResponseBadRequest, HttpResponseNotFound, HttpResponseServerError
from django.template import loader


# Django's own handlers read the form again for a CSRF token (`requires_csrf_token`): a body
# that could not be read (`charset=utf-16`) then raised a second time and became a 500.
# These do not look at the form.
def bad_request(request, exception):
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def page_not_found(request, exception):
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request):
    return HttpResponseServerError(loader.render_to_string("500.html"))
