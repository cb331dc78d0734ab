import unicodedata

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView

from .models import OldPath, Page


class PageView(DetailView):
    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        pages = Page.objects.visible_to(self.request.user).select_related("parent").prefetch_related("translations")
        return get_object_or_404(pages, path=self.path())

    def path(self):
        # A browser may send `é` as `e` + accent; paths are stored composed (NFC).
        return unicodedata.normalize("NFC", self.kwargs["path"])

    def get(self, request, *args, **kwargs):
        try:
            response = super().get(request, *args, **kwargs)
        except Http404:
            pages = Page.objects.visible_to(request.user)
            moved = OldPath.objects.filter(path=self.path(), page__in=pages).select_related("page").first()
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.page.get_absolute_url())
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        children = self.object.children.all()
        if not self.request.user.has_perm("pages.change_page"):
            children = children.published()
        return super().get_context_data(children=children.order_by("order", "title"), **kwargs)
