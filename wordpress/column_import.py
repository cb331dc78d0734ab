"""Republished columns: the notice "COLUMN: cet article a été initialement publié dans PUBLICATION
(voir l'original)" that ends a post becomes a republication in that publication's column."""

from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _

from columns.models import Column, Publication, Republication

from .values import free_slug, valid_url


class ColumnImport:
    def __init__(self, run):
        self.report = run.report
        self.columns = {}  # {(publication, column) in lower case: Column}

    def import_republication(self, notice, post):
        if notice is None:
            return
        if not valid_url(notice["url"]):
            self.report.add("republication", "skipped", _("the link to the original is not a web address"))
            return
        taken = Republication.objects.filter(original_url=notice["url"]).exclude(post=post).exists()
        if taken:
            self.report.add("republication", "skipped", _("another post already republishes the same original"))
            return
        values = {
            "column": self.column_for(notice),
            "original_url": notice["url"],
            "original_title": post.title[:300],
            "originally_published_on": timezone.localdate(post.published_at) if post.published_at else None,
        }
        republication = Republication.objects.filter(post=post).first()
        if republication is None:
            Republication.objects.create(post=post, **values)
            self.report.add("republication", "created")
            return
        changed = [name for name, value in values.items() if getattr(republication, name) != value]
        for name in changed:
            setattr(republication, name, values[name])
        if changed:
            republication.save(update_fields=changed)
        self.report.add("republication", "updated" if changed else "unchanged")

    def column_for(self, notice):
        key = (notice["publication"].casefold(), notice["column"].casefold())
        if key not in self.columns:
            publication = Publication.objects.filter(name__iexact=notice["publication"]).first()
            if publication is None:
                parts = urlsplit(notice["url"])
                publication = Publication.objects.create(
                    name=notice["publication"][:200],
                    slug=free_slug(Publication, notice["publication"]),
                    url=f"{parts.scheme}://{parts.netloc}/",
                )
            column = Column.objects.filter(publication=publication, name__iexact=notice["column"]).first()
            if column is None:
                column = Column.objects.create(
                    publication=publication, name=notice["column"][:200], slug=free_slug(Column, notice["column"])
                )
            self.columns[key] = column
        return self.columns[key]
