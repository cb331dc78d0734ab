"""Finding posts: full-text search on PostgreSQL, FTS5 on SQLite."""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F

from blog.models import Post

from . import fts
from .indexing import CONFIGURATIONS


def search_posts(words, language=None, tag=None):
    """Published posts matching every word in `words`, best first, with their document."""
    posts = Post.objects.published().for_list().select_related("search_document")
    if language:
        posts = posts.filter(language=language)
    if tag:
        posts = posts.filter(tags=tag)
    if connection.vendor == "postgresql":
        return _full_text(posts, words).order_by("-rank", F("published_at").desc(), "-pk")
    return fts.search(posts, words).order_by("rank", F("published_at").desc(), "-pk")


def _full_text(posts, words):
    """The matching posts ranked; of a word found in thousands of posts, the SEARCH_RANKED_MATCHES newest.

    Ranking reads each candidate's whole vector: ranking every match to show ten cost most of a search on a
    large blog. The newest matches are found walking the publication-date index, so the work is bounded.
    """
    # The words are looked for through both languages' stemming: a French word finds French
    # text, an English word English text; accents are dropped by both configurations.
    text = " ".join(words)
    query = SearchQuery(text, config=CONFIGURATIONS["fr"]) | SearchQuery(text, config=CONFIGURATIONS["en"])
    newest = posts.filter(search_document__vector=query).order_by(F("published_at").desc(), "-pk").values("pk")
    candidates = posts.filter(pk__in=newest[: settings.SEARCH_RANKED_MATCHES])
    return candidates.annotate(rank=SearchRank(F("search_document__vector"), query))
