"""What an import did, counted per kind of object and outcome, with the reasons."""

from collections import Counter, defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

KINDS = {
    "user": gettext_lazy("users"),
    "post": gettext_lazy("posts"),
    "page": gettext_lazy("pages"),
    "attachment": gettext_lazy("attachments"),
    "file": gettext_lazy("files (into the media library)"),
    "other": gettext_lazy("other items"),
    "comment": gettext_lazy("comments"),
    "tag": gettext_lazy("tags"),
    "republication": gettext_lazy("republished columns"),
    "redirect": gettext_lazy("redirects"),
}
LISTS = {
    "reading": gettext_lazy("Reading the file"),
    "default_language": gettext_lazy(
        "Posts with no sign of their language and too short to tell, given the export's or the default language"
    ),
    "page": gettext_lazy("Pages not carried over: their old addresses will answer “not found”"),
    "attachment": gettext_lazy("Attachment pages not carried over (their post was not imported)"),
    "term": gettext_lazy("Category and tag archives not carried over (no imported post had them)"),
    "shadowed": gettext_lazy("Old addresses that Carnet's own pages answer: they cannot redirect"),
    "time_zone": gettext_lazy("Dates"),
    "shortcode": gettext_lazy("Shortcodes Carnet does not know, left as text in the posts"),
    "missing_attachment": gettext_lazy("Posts whose galleries name files missing from the export (their ids)"),
    "removed": gettext_lazy("Posts that lost a gallery or player with nothing to show"),
    "missing_file": gettext_lazy("Files not found, still shown from the old site (with the posts using them)"),
    "unfetched_file": gettext_lazy("Files the old site did not give (why)"),
    "refused_file": gettext_lazy("Files not kept (why, and the posts using them)"),
    "qtranslate_copy": gettext_lazy("qTranslate versions that only copy another language (not made into posts)"),
}
CONTENT = {
    "code listing": gettext_lazy("code listings made into <pre><code>"),
    "gallery": gettext_lazy("galleries made into figures of their pictures"),
    "audio": gettext_lazy("audio files made into players"),
    "video": gettext_lazy("video files made into players"),
    "playlist": gettext_lazy("playlists made into players"),
    "footnote": gettext_lazy("footnotes kept at the end of their post"),
    "Flash player": gettext_lazy("Flash players made into link cards (no request to the video site until clicked)"),
    "iframe player": gettext_lazy("embedded players (iframe) made into link cards"),
    "video shortcode": gettext_lazy("[youtube], [dailymotion], [vimeo] made into link cards"),
    "gist": gettext_lazy("[gist] made into links"),
    "Flickr": gettext_lazy("[flickr] made into links"),
    "embed": gettext_lazy("[embed] made into links"),
}
RULES = {
    "Basic Bilingual": gettext_lazy("language from Basic Bilingual"),
    "Polylang": gettext_lazy("language from Polylang"),
    "title": gettext_lazy("language from a [fr]/[en] mark after the title"),
    "qTranslate": gettext_lazy("language from qTranslate (one post per language)"),
    "words": gettext_lazy("language told by the words of the post"),
    "export": gettext_lazy("language of the export (<language>): text too short or unclear"),
    "default": gettext_lazy("default language (WORDPRESS_DEFAULT_LANGUAGE): no sign at all"),
}
REMOVED = {
    "gallery-empty": gettext_lazy("a gallery with none of its pictures in the export"),
    "playlist-empty": gettext_lazy("a playlist with none of its files in the export"),
    "audio-empty": gettext_lazy("an audio player naming no file"),
    "video-empty": gettext_lazy("a video player naming no file"),
}
LIST_LIMIT = 20
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
        self.lists = defaultdict(list)

    def add(self, kind, outcome, reason=None, count=1):
        self.counts[kind, outcome] += count
        if reason:
            self.reasons[kind, outcome][str(reason)] += count

    def note(self, kind, remark, count=1):
        """Something worth knowing about one object (or `count` of them), whatever its outcome."""
        self.notes[kind][str(remark)] += count

    def listing(self, name, entry):
        """Name one object in the list `name` (see LISTS), for the author to look at."""
        self.lists[name].append(str(entry))

    def count(self, kind, outcome=None):
        if outcome:
            return self.counts[kind, outcome]
        return sum(n for (k, _outcome), n in self.counts.items() if k == kind)

    def lines(self, verbose=False):
        """The summary, one line per kind with the reasons indented under it, then the lists.

        A list shows its first LIST_LIMIT entries unless `verbose`: a 5,000-post blog
        without language signs must not bury the rest of the summary.
        """
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
        for name, title in LISTS.items():
            entries = self.lists[name]
            if not entries:
                continue
            yield f"{title} ({len(entries)}):"
            shown = entries if verbose else entries[:LIST_LIMIT]
            for entry in shown:
                yield f"    {entry}"
            if len(shown) < len(entries):
                yield "    " + _("… and %(count)s more: run with --verbosity 2 to list them all.") % {
                    "count": len(entries) - len(shown)
                }
