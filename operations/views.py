from django.http import HttpResponseBadRequest, HttpResponseNotFound, HttpResponseServerError
from django.template import loader


# Django's own handlers read the form again for a CSRF token (`requires_csrf_token`): a body
# that could not be read (`charset=utf-16`) then raised a second time and became a 500.
# These do not look at the form.
def bad_request(request, exception):
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def page_not_found(request, exception):
    return NotFoundPage(lambda: loader.render_to_string("404.html", request=request))


class NotFoundPage(HttpResponseNotFound):
    """A 404 rendered when it is first read. The redirect middlewares answer most 404s (the old blog's addresses,
    a post's former slug) and throw the page away: they do not pay for the page's menu query."""

    def __init__(self, render):
        super().__init__()
        self._render = render

    def _rendered(self):
        if self._render:
            render, self._render = self._render, None
            self.content = render()

    def _content(self):
        self._rendered()
        return HttpResponseNotFound.content.fget(self)

    content = property(_content, HttpResponseNotFound.content.fset)

    def __iter__(self):
        self._rendered()
        return super().__iter__()


def server_error(request):
    return HttpResponseServerError(loader.render_to_string("500.html"))
