"""Finding posts: full-text search on PostgreSQL, FTS5 on SQLite."""

from functools import cache

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import CharField, F, IntegerField
from django.db.models.expressions import RawSQL

from blog.compiled import CompiledQuery, CompiledQuerySet, IdList, Slot, planned_for_values, rows_planned_for_values
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
    every match to what a result shows, before keeping ten, cost more than the ranking (`Found` reads a page's
    posts with their ids).
    """
    sql, params, order = _newest_ranked(words, language, tag)
    sql = f'SELECT "pk" FROM ({sql}) AS newest ORDER BY {order}'  # noqa: S608
    return [pk for (pk,) in rows_planned_for_values(sql, params)]


class Found:
    """The matches of a search, for a Paginator: how many, and a page's posts with what a result shows, read in one
    query. (Their ids first, then the page's posts, cost a query more, and reading every id to count them.)

    The page asked (`page`, as typed) is read when the paginator counts the matches. Past the last match (an old
    link), they are counted on their own, and the page the paginator shows instead is read then.
    """

    def __init__(self, words, language=None, tag=None, page=None):
        self.ranked = _newest_ranked(words, language, tag)
        self.start = _start(page)
        self.total = None
        self.read_page = (None, [])

    def count(self):
        if self.total is None:
            self._read(self.start, self.start + settings.SEARCH_PAGE_SIZE)
        if self.total is None:  # no post there: none found, or the page asked is past the last
            self.total = self._count() if self.start else 0
        return self.total

    def __getitem__(self, page):
        if self.read_page[0] != page.start:
            self._read(page.start, page.stop)
        return self.read_page[1]

    def _read(self, start, stop):
        sql, params, order = self.ranked
        page_sql = (
            f'SELECT "pk", COUNT(*) OVER () AS "total", ROW_NUMBER() OVER (ORDER BY {order}) AS "position" '  # noqa: S608
            f"FROM ({sql}) AS newest ORDER BY {order} LIMIT %s OFFSET %s"
        )
        posts = _PAGE.with_ids(_PAGE_NAME, *planned_for_values(page_sql, [*params, stop - start, start]))
        self.read_page = (start, posts)
        if posts:
            self.total = posts[0].search_total

    def _count(self):
        sql, params, _order = self.ranked
        ((total,),) = rows_planned_for_values(f"SELECT COUNT(*) FROM ({sql}) AS newest", params)  # noqa: S608
        return total


def _start(page):
    """Where the page numbered `page` (as asked) begins among the matches: at the first for no number, and no further
    than the last match ranked (a number typed too large for the database reads there)."""
    try:
        start = (max(int(page), 1) - 1) * settings.SEARCH_PAGE_SIZE
    except (TypeError, ValueError):
        return 0
    return min(start, settings.SEARCH_RANKED_MATCHES)


def _newest_ranked(words, language, tag):
    """The SQL and parameters of the newest matches with their rank (`search_posts()`), and the order of the best
    first."""
    # On SQLite the tag is matched with the words (search.fts.tag_key): the same query, narrowed to a tag or not.
    by_tag = bool(tag) and connection.vendor == "postgresql"
    search = _search(connection.vendor, bool(language), by_tag, settings.SEARCH_RANKED_MATCHES)
    values = {"language": language, "tag": tag.pk if tag else None}
    if connection.vendor == "postgresql":
        sql, params = search.sql_with_params(text=" ".join(words), **values)
        return sql, params, '"rank" DESC, "published_at" DESC, "pk" DESC'
    sql, params = search.sql_with_params(match=fts.match_expression(words, values["tag"]), **values)
    return fts.through_visible_index(sql), params, '"rank", "newness" DESC'


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


# What a result shows (search.results): not the HTML, comments and column of a list's cards, nor the vector.
_TEXTS = [f"search_document__{name}" for name in ("body", "summary_fr", "summary_en")]


def result_posts(_now):
    """The posts whose ids are in the slot `ids`, with what a search result shows."""
    return (
        Post.objects.only("language", "title", "slug", "published_at", *_TEXTS)
        .annotate(tags_json=tag_rows())
        .select_related("search_document")
        .filter(pk__in=IdList("ids"))
    )


# A page of matches (Found): their posts, with their number and places read from the page's ids.
_PAGE_NAME = "search_page"
_PAGE_COLUMN = (
    f'SELECT "{{}}" FROM "{_PAGE_NAME}" '  # noqa: S608 - names, no values
    f'WHERE "{_PAGE_NAME}"."pk" = "{Post._meta.db_table}"."{Post._meta.pk.column}"'
)
_PAGE = CompiledQuerySet(
    lambda now: (
        result_posts(now)
        .annotate(
            search_total=RawSQL(_PAGE_COLUMN.format("total"), ()),  # noqa: S611 - fixed SQL
            search_position=RawSQL(_PAGE_COLUMN.format("position"), ()),  # noqa: S611 - fixed SQL
        )
        .order_by("search_position")
    )
)
