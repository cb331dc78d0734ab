from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """What search reads of one post, kept current by search.indexing.

    On PostgreSQL `vector` holds the weighted full-text index (title A, summaries and tags B,
    body C), each part in its language's text-search configuration; on SQLite it stays empty
    and the FTS5 table of search.fts is searched instead.
    """

    post = models.OneToOneField("blog.Post", on_delete=models.CASCADE, primary_key=True, related_name="search_document")
    language = models.CharField(_("language"), max_length=2)
    title = models.TextField(_("title"))
    summary_fr = models.TextField(_("French summary"), blank=True)
    summary_en = models.TextField(_("English summary"), blank=True)
    tags = models.TextField(_("tags"), blank=True)
    body = models.TextField(_("body, as plain text"), blank=True)
    vector = SearchVectorField(null=True)
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.title
