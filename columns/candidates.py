"""Published posts that look like republished columns but are not linked to their original yet."""

import re

from .models import Publication

SNIPPET_WIDTH = 80


def mention(text, name):
    """The words around the first mention of `name` in `text`, or "" when there is none."""
    found = re.search(re.escape(name), text, flags=re.IGNORECASE)
    if not found:
        return ""
    start, end = max(found.start() - SNIPPET_WIDTH, 0), found.end() + SNIPPET_WIDTH
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def by_publication():
    """[(publication, its only column or None, [(post, snippet), …]), …] for every publication."""
    found = []
    for publication in Publication.objects.prefetch_related("columns"):
        columns = list(publication.columns.all())
        only_column = columns[0] if len(columns) == 1 else None
        posts = publication.candidate_posts().order_by("-published_at")
        found.append((publication, only_column, [(post, mention(post.body, publication.name)) for post in posts]))
    return found
