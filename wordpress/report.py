"""What an import did, counted per kind of object and outcome, with the reasons."""

from collections import Counter, defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

KINDS = {
    "user": gettext_lazy("users"),
    "post": gettext_lazy("posts"),
    "page": gettext_lazy("pages"),
    "attachment": gettext_lazy("attachments"),
    "other": gettext_lazy("other items"),
    "comment": gettext_lazy("comments"),
    "tag": gettext_lazy("tags"),
    "republication": gettext_lazy("republished columns"),
    "redirect": gettext_lazy("redirects"),
}
OUTCOMES = {
    "created": gettext_lazy("created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "skipped": gettext_lazy("skipped"),
}


class Report:
    def __init__(self):
        self.counts = Counter()
        self.reasons = defaultdict(Counter)
        self.notes = defaultdict(Counter)
        self.default_language = []

    def add(self, kind, outcome, reason=None, count=1):
        self.counts[kind, outcome] += count
        if reason:
            self.reasons[kind, outcome][str(reason)] += count

    def note(self, kind, remark):
        """Something worth knowing about one object, whatever its outcome."""
        self.notes[kind][str(remark)] += 1

    def count(self, kind, outcome=None):
        if outcome:
            return self.counts[kind, outcome]
        return sum(n for (k, _outcome), n in self.counts.items() if k == kind)

    def lines(self):
        """The summary, one line per kind, then the reasons indented under it."""
        for kind, label in KINDS.items():
            if not self.count(kind):
                continue
            figures = ", ".join(
                f"{self.counts[kind, outcome]} {name}"
                for outcome, name in OUTCOMES.items()
                if self.counts[kind, outcome]
            )
            yield f"{label}: {figures}"
            for outcome, name in OUTCOMES.items():
                for reason, n in sorted(self.reasons[kind, outcome].items()):
                    yield f"    {n} {name}: {reason}"
            for remark, n in sorted(self.notes[kind].items()):
                yield f"    {n} × {remark}"
        if self.default_language:
            yield _("Posts with no sign of their language, given the default language:")
            for title in self.default_language:
                yield f"    {title}"
