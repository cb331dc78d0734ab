"""Finding posts: full-text search on PostgreSQL, a simpler ranked search on SQLite."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When

from blog.models import Post

from .indexing import CONFIGURATIONS
from .text import fold

# Where a word is found: title > summaries and tags > body (PostgreSQL's weights A, B, C).
WEIGHTS = {"normalized_title": 4, "normalized_secondary": 2, "normalized_body": 1}


def search_posts(words, language=None, tag=None):
    """Published posts matching every word in `words`, best first, with their document."""
    posts = Post.objects.published().for_list().select_related("search_document")
    if language:
        posts = posts.filter(language=language)
    if tag:
        posts = posts.filter(tags=tag)
    find = _full_text if connection.vendor == "postgresql" else _by_word_prefix
    return find(posts, words).order_by("-rank", F("published_at").desc(), "-pk")


def _full_text(posts, words):
    # The words are looked for through both languages' stemming: a French word finds French
    # text, an English word English text; accents are dropped by both configurations.
    text = " ".join(words)
    query = SearchQuery(text, config=CONFIGURATIONS["fr"]) | SearchQuery(text, config=CONFIGURATIONS["en"])
    vector = F("search_document__vector")
    return posts.filter(search_document__vector=query).annotate(rank=SearchRank(vector, query))


def _by_word_prefix(posts, words):
    rank = Value(0)
    for word in words:
        start_of_word = f" {fold(word)}"
        found = Q()
        for field, weight in WEIGHTS.items():
            lookup = {f"search_document__{field}__contains": start_of_word}
            found |= Q(**lookup)
            rank += Case(When(Q(**lookup), then=Value(weight)), default=Value(0), output_field=IntegerField())
        posts = posts.filter(found)
    return posts.annotate(rank=rank)
