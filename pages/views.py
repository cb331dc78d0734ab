import unicodedata

from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView

from .models import Page


class PageView(DetailView):
    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        # A browser may send `é` as `e` + accent; paths are stored composed (NFC).
        path = unicodedata.normalize("NFC", self.kwargs["path"])
        pages = Page.objects.visible_to(self.request.user).select_related("parent").prefetch_related("translations")
        return get_object_or_404(pages, path=path)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        children = self.object.children.all()
        if not self.request.user.has_perm("pages.change_page"):
            children = children.published()
        return super().get_context_data(children=children.order_by("order", "title"), **kwargs)
