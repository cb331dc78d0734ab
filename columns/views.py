from django.conf import settings
from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from .models import Column, Publication, Republication

PIECE_ORDER = [F("originally_published_on").desc(nulls_last=True), F("post__published_at").desc(), "-pk"]


class ColumnListView(ListView):
    template_name = "columns/column_list.html"
    context_object_name = "publications"

    def get_queryset(self):
        """Each column with its newest pieces: a weekly column has hundreds, which its own pages list."""
        pieces = Republication.objects.published().select_related("post").order_by(*PIECE_ORDER)
        newest = Prefetch("republications", queryset=pieces[: settings.COLUMNS_INDEX_PIECES], to_attr="pieces")
        columns = Column.objects.with_pieces().prefetch_related("translations", newest)
        return Publication.objects.prefetch_related(Prefetch("columns", queryset=columns))


class ColumnDetailView(ListView):
    """A column's republished pieces, newest original first, each with its original."""

    template_name = "columns/column_detail.html"
    context_object_name = "pieces"
    paginate_by = settings.COLUMNS_PAGE_SIZE

    def get_queryset(self):
        self.column = get_object_or_404(
            Column.objects.select_related("publication").prefetch_related("translations"), slug=self.kwargs["slug"]
        )
        return self.column.republications.published().for_list().order_by(*PIECE_ORDER)

    def get_context_data(self, **kwargs):
        return super().get_context_data(column=self.column, **kwargs)
