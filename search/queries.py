"""Finding posts: full-text search on PostgreSQL, FTS5 on SQLite."""

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
    # The words are looked for through both languages' stemming: a French word finds French
    # text, an English word English text; accents are dropped by both configurations.
    text = " ".join(words)
    query = SearchQuery(text, config=CONFIGURATIONS["fr"]) | SearchQuery(text, config=CONFIGURATIONS["en"])
    vector = F("search_document__vector")
    return posts.filter(search_document__vector=query).annotate(rank=SearchRank(vector, query))
