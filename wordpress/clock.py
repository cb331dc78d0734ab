"""The old blog's clock: its UTC offsets, read from each post's local and GMT dates.

A permalink's day is the publication date in Carnet's TIME_ZONE; the old blog used its
own. Where they differ, a post written at 00:30 moves to the day before: the summary
says how many, so the author can set TIME_ZONE first.
"""

import datetime
from collections import Counter

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

QUARTER_HOUR = 900


def naive(value):
    try:
        return datetime.datetime.strptime((value or "").strip()[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def utc_offset(minutes):
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class Clock:
    def __init__(self):
        self.offsets = Counter()
        self.moved = []

    def see(self, item, published_at, name):
        """Count the offset of one post, and whether its permalink changes day."""
        local, gmt = naive(item.date), naive(item.date_gmt)
        if local is None or gmt is None:
            return
        seconds = (local - gmt).total_seconds()
        self.offsets[round(seconds / QUARTER_HOUR) * QUARTER_HOUR // 60] += 1
        if published_at and timezone.localtime(published_at).date() != local.date():
            self.moved.append(name)

    def lines(self):
        if not self.offsets:
            return
        offsets = ", ".join(
            ngettext("%(offset)s (%(count)s post)", "%(offset)s (%(count)s posts)", count)
            % {"offset": utc_offset(minutes), "count": count}
            for minutes, count in self.offsets.most_common()
        )
        yield _("The old blog's clock: %(offsets)s.") % {"offsets": offsets}
        if not self.moved:
            yield _("TIME_ZONE (%(zone)s) keeps every permalink on the old blog's day.") % {"zone": settings.TIME_ZONE}
            return
        yield ngettext(
            "%(count)s post gets a permalink on another day than on the old blog, because TIME_ZONE is %(zone)s: "
            "set TIME_ZONE to the old blog's time zone and import again to keep its day "
            "(its old address redirects either way): %(posts)s",
            "%(count)s posts get a permalink on another day than on the old blog, because TIME_ZONE is %(zone)s: "
            "set TIME_ZONE to the old blog's time zone and import again to keep their days "
            "(their old addresses redirect either way): %(posts)s",
            len(self.moved),
        ) % {"count": len(self.moved), "zone": settings.TIME_ZONE, "posts": "; ".join(self.moved[:5])}
