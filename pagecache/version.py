"""The version of everything readers see: the Generation number and the newest visible post's date.

The date is there for scheduled posts: no write happens when one comes due, but the newest
visible date changes at that moment, and with it every page's key.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Subquery

from blog.compiled import CompiledQuery
from blog.models import Post

from .models import Generation


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime | None
    latest_published: datetime | None

    @property
    def key(self):
        return f"{self.number}:{self.latest_published.timestamp() if self.latest_published else 0}"

    @property
    def timestamp(self):
        """When the content last changed, as seconds (for Last-Modified)."""
        moments = [moment for moment in (self.changed_at, self.latest_published) if moment]
        return int(max(moments).timestamp()) if moments else None


def _version_query(now):
    latest = Post.objects.published(now).order_by("-published_at").values("published_at")[:1]
    return Generation.objects.filter(pk=1).values_list("number", "changed_at").annotate(latest=Subquery(latest))


# Asked on every anonymous request: compiled once.
_VERSION = CompiledQuery(_version_query, datetime_columns=(1, 2))


def current():
    """The Version now, in one query; None when the row is missing (a flushed database)."""
    rows = _VERSION()
    return Version(*rows[0]) if rows else None
