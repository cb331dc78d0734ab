import unicodedata

from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView

from .models import Page


class PageView(DetailView):
    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        """The page at this address, or the one that had it before its slug or parent changed: one query."""
        path = self.path()
        pages = (
            Page.objects.visible_to(self.request.user)
            .filter(Q(path=path) | Q(old_paths__path=path))
            .select_related("parent")
            .prefetch_related("translations")
        )
        found = sorted(pages[:2], key=lambda page: page.path != path)
        if not found:
            raise Http404
        return found[0]

    def path(self):
        # A browser may send `é` as `e` + accent; paths are stored composed (NFC).
        return unicodedata.normalize("NFC", self.kwargs["path"])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.path != self.path():
            return HttpResponsePermanentRedirect(self.object.get_absolute_url())
        response = self.render_to_response(self.get_context_data(object=self.object))
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        children = self.object.children.all()
        if not self.request.user.has_perm("pages.change_page"):
            children = children.published()
        return super().get_context_data(children=children.order_by("order", "title"), **kwargs)
