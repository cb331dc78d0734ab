"""The version of everything readers see: the Generation number and the newest visible post's and page's dates.

The dates are there for scheduled posts and pages: no write happens when one comes due, but
the newest visible date changes at that moment, and with it every page's key (a page comes
into every page's menu).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Subquery
from django.db.models.functions import Greatest
from django.utils import timezone

from blog.compiled import CompiledQuery
from blog.models import Post
from pages.models import Page

from .models import Generation


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime | None
    latest_published: datetime | None
    latest_page: datetime | None = None

    @property
    def key(self):
        dates = (self.latest_published, self.latest_page)
        return ":".join([str(self.number), *(str(moment.timestamp() if moment else 0) for moment in dates)])

    @property
    def timestamp(self):
        """When the content last changed, as seconds (for Last-Modified)."""
        moments = [moment for moment in (self.changed_at, self.latest_published, self.latest_page) if moment]
        return int(max(moments).timestamp()) if moments else None


def _version_query(now):
    latest = Post.objects.published(now).order_by("-published_at").values("published_at")[:1]
    latest_page = Page.objects.published(now).order_by("-published_at").values("published_at")[:1]
    return (
        Generation.objects.filter(pk=1)
        .values_list("number", "changed_at")
        .annotate(latest=Subquery(latest), latest_page=Subquery(latest_page))
    )


# Asked on every anonymous request: compiled once.
_VERSION = CompiledQuery(_version_query, datetime_columns=(1, 2, 3))


def current():
    """The Version now, in one query; None when the row is missing (a flushed database)."""
    rows = _VERSION()
    return Version(*rows[0]) if rows else None


def number():
    """The Generation number now (0 when the row is missing)."""
    return Generation.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def move_past(earlier):
    """After a restore, which takes the number back to the backup's: it goes on past `earlier` (the number
    before the restore) and says the content changed now. A browser or feed reader holding a page tagged with
    a number used before the restore, or dated after the backup, must not be told it is current."""
    Generation.objects.filter(pk=1).update(number=Greatest(F("number"), earlier) + 1, changed_at=timezone.now())
