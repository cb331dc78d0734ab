"""Polylang's translations: the posts an export groups under one `post_translations` term are one text in
several languages. The earliest is the original, which the others translate (`Post.translation_of`), so that
each post page links to the other language."""

import datetime
from collections import defaultdict

from django.utils.translation import gettext as _

from blog.models import Post

GROUP = "post_translations"
LATEST = datetime.datetime.max.replace(tzinfo=datetime.UTC)


class Translations:
    def __init__(self, report):
        self.report = report
        self.groups = defaultdict(set)

    def see(self, item, post):
        for term in item.terms:
            if term.domain == GROUP and term.slug:
                self.groups[term.slug].add(post.pk)

    def link(self):
        """Once every post is stored: in each group, the post in the other language translates the earliest.
        Posts linked already (a second import, or by hand) are left as they are."""
        linked = 0
        for pks in self.groups.values():
            original, *others = sorted(
                Post.objects.filter(pk__in=pks), key=lambda post: (post.published_at or LATEST, post.pk)
            )
            translation = next((post for post in others if post.language != original.language), None)
            if translation is None or original.translation_of_id or translation.translation_of_id:
                continue
            if original.translated_as.exists() or translation.translated_as.exists():
                continue
            Post.objects.filter(pk=translation.pk).update(translation_of=original)
            linked += 1
        if linked:
            self.report.note("post", _("linked to the post it translates (Polylang)"), linked)
