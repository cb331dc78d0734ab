"""Finding posts: full-text search on PostgreSQL, FTS5 on SQLite."""

from functools import cache

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import CharField, F, IntegerField

from blog.compiled import CompiledQuery, CompiledQuerySet, IdList, Slot, rows_planned_for_values
from blog.models import Post
from blog.models.rows import tag_rows

from . import fts
from .indexing import CONFIGURATIONS

# Between equal ranks, and among more matches than are ranked: the most recent first (on SQLite, by search.fts.key).
NEWEST_FIRST = (F("published_at").desc(), "-pk")


def search_posts(words, language=None, tag=None):
    """The ids of the published posts matching every word in `words`, best first (one query).

    Of words found in thousands of posts, the SEARCH_RANKED_MATCHES newest are ranked: ranking reads each
    match's whole text (PostgreSQL's vector, SQLite's bm25), and ranking every match to show ten cost most
    of a search on a large blog. The newest are found walking the publication-date index (PostgreSQL) or the
    full-text index keyed by date (SQLite, search.fts), so the work is bounded. Only ids are ranked: joining
    every match to what a result shows, before keeping ten, cost more than the ranking (`found_posts` fetches
    a page's posts).
    """
    # On SQLite the tag is matched with the words (search.fts.tag_key): the same query, narrowed to a tag or not.
    by_tag = bool(tag) and connection.vendor == "postgresql"
    search = _search(connection.vendor, bool(language), by_tag, settings.SEARCH_RANKED_MATCHES)
    values = {"language": language, "tag": tag.pk if tag else None}
    if connection.vendor == "postgresql":
        sql, params = search.sql_with_params(text=" ".join(words), **values)
        return _best_first(sql, params, '"rank" DESC, "published_at" DESC, "pk" DESC')
    sql, params = search.sql_with_params(match=fts.match_expression(words, values["tag"]), **values)
    return _best_first(fts.through_visible_index(sql), params, '"rank", "newness" DESC')


@cache
def _search(vendor, by_language, by_tag, at_most):
    """The search's query, its SQL written once by the ORM: with a slot for the words (`text` on PostgreSQL, `match`
    on SQLite), and for the language and, on PostgreSQL, the tag it is narrowed to."""

    def build(now):
        posts = Post.objects.published(now)
        if by_language:
            posts = posts.filter(language=Slot("language", CharField()))
        if by_tag:
            posts = posts.filter(tags=Slot("tag", IntegerField()))
        if vendor == "postgresql":
            # The words are looked for through both languages' stemming: a French word finds French
            # text, an English word English text; accents are dropped by both configurations.
            text = Slot("text", CharField())
            query = SearchQuery(text, config=CONFIGURATIONS["fr"]) | SearchQuery(text, config=CONFIGURATIONS["en"])
            # Each of the newest matches ranked as it is read, its vector at hand.
            matching = posts.filter(search_document__vector=query)
            ranked = matching.annotate(rank=SearchRank(F("search_document__vector"), query))
            return ranked.order_by(*NEWEST_FIRST).values("pk", "published_at", "rank")[:at_most]
        return fts.newest_ranked(posts, Slot("match", CharField()), at_most)

    return CompiledQuery(build)


def _best_first(sql, params, order):
    """The ids of the rows of the query `sql` (the newest matches, with their rank), best first by `order`, planned for
    the words searched."""
    sql = f'SELECT "pk" FROM ({sql}) AS newest ORDER BY {order}'  # noqa: S608
    return [pk for (pk,) in rows_planned_for_values(sql, params)]


def found_posts(ids):
    """The posts of `ids`, in that order, with what a result shows (a fixed number of queries)."""
    return _FOUND.in_order(ids)


# What a result shows (search.results): not the HTML, comments and column of a list's cards, nor the vector.
_TEXTS = [f"search_document__{name}" for name in ("body", "summary_fr", "summary_en")]
_FOUND = CompiledQuerySet(
    lambda _now: (
        Post.objects.only("language", "title", "slug", "published_at", *_TEXTS)
        .annotate(tags_json=tag_rows())
        .select_related("search_document")
        .filter(pk__in=IdList("ids"))
    )
)
