"""The SQL of similar posts (`PostQuerySet.similar_to`): written by hand, as Django joins no subquery.

A shared tag weighs 1 / (number of posts carrying it). The scores are summed from the narrow
(tag, post) index first and only then joined with the dates of the published posts, which the
(status, published_at) index holds: ranked through a join of the post table, SQLite read every
candidate's wide row (body, HTML) to reach its date. Built through the ORM's expressions, the
query also cost more CPU to assemble (a subquery per tag, twice) than to run.
"""

from django.db.models import F
from django.db.models.expressions import RawSQL


def _rows(tag_ids):
    """WHERE (the rows of `tag_ids`, as `tagged`) and SELECT (each row's weight, 1 / the number of rows of its
    tag): an uncorrelated subquery per tag, which the database computes once."""
    in_tags = f"tagged.tag_id IN ({', '.join(['%s'] * len(tag_ids))})"
    when = "WHEN %s THEN (SELECT CAST(1 AS DOUBLE PRECISION) / COUNT(*) FROM blog_taggedpost WHERE tag_id = %s)"
    weight = f"CASE tagged.tag_id {' '.join([when] * len(tag_ids))} END"
    return in_tags, list(tag_ids), weight, [param for tag_id in tag_ids for param in (tag_id, tag_id)]


def best_candidates(tag_ids, excluded_pk, published, limit):
    """The ids of the `limit` posts of `published` (a queryset) scoring best on `tag_ids`, `excluded_pk` aside;
    between equal scores the most recent first."""
    in_tags, in_tags_params, weight, weight_params = _rows(tag_ids)
    dates = published.order_by().values(candidate=F("pk"), published=F("published_at"))
    dates_sql, dates_params = dates.query.sql_with_params()
    # The ORM's own SQL, and values as parameters: nothing typed reaches the text.
    sql = (
        f"SELECT scores.candidate FROM (SELECT tagged.content_object_id AS candidate, SUM({weight}) AS score"  # noqa: S608
        f" FROM blog_taggedpost tagged WHERE {in_tags} AND tagged.content_object_id <> %s"
        f" GROUP BY tagged.content_object_id) scores"
        f" INNER JOIN ({dates_sql}) dates ON dates.candidate = scores.candidate"
        " ORDER BY scores.score DESC, dates.published DESC, scores.candidate DESC LIMIT %s"
    )
    return RawSQL(sql, [*weight_params, *in_tags_params, excluded_pk, *dates_params, limit])  # noqa: S611


def score(tag_ids):
    """The score of each row of a query on blog_post."""
    in_tags, in_tags_params, weight, weight_params = _rows(tag_ids)
    sql = (
        f"SELECT SUM({weight}) FROM blog_taggedpost tagged"  # noqa: S608
        f' WHERE {in_tags} AND tagged.content_object_id = "blog_post"."id"'
    )
    return RawSQL(sql, [*weight_params, *in_tags_params])  # noqa: S611
