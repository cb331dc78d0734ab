"""The SQL of similar posts (`PostQuerySet.similar_to`): written by hand, as Django joins no subquery.

A shared tag weighs 1 / (number of published posts carrying it), so a rare tag counts more than a common one.
Scoring every post that shares a tag read every row of the post's most common tag (12 ms for a post
tagged "internet" among 10,000 posts). The best posts are found from the rarest tags' rows first:
each candidate is scored on all the tags, and when the last one kept still outscores any post
sharing only the common tags (the sum of their weights), no other post can enter the list. Otherwise
every post sharing a tag is scored. Either way the answer is the same, and usually a few hundred
rows are read.
"""

from django.db import connection
from django.db.models import F

from blog.compiled import CompiledQuery

# How many tag rows the first search reads at most (the rarest tag's rows, however many).
RARE_ROWS = 500


def carriers_of(post):
    """`carriers()` of the tags of `post`: read with it on its page (`Post.objects.published_to_display()`), else
    asked for."""
    if "tag_uses_json" in post.__dict__:
        return _carried(post.tag_uses_json or ())
    return carriers([tag.pk for tag in post.listed_tags()])


def carriers(tag_ids):
    """{tag id: the number of posts with the published status carrying it} for the tags of `tag_ids` that some
    carry, read from the counts the database keeps (blog.models.tag_use)."""
    if not tag_ids:
        return {}
    in_tags, params = _in(tag_ids)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT tag_id, posts FROM blog_taguse WHERE tag_id IN {in_tags}", params)  # noqa: S608
        return _carried(cursor.fetchall())


def _carried(rows):
    """{tag id: count} of the (tag id, count) `rows` whose tag some post carries (a tag without its count: none)."""
    return {tag_id: posts for tag_id, posts in rows if posts}


def best_candidates(counts, post, limit, rare_rows=RARE_ROWS):
    """The ids of the `limit` published posts scoring best on the tags of `counts` (see carriers()); between equal
    scores the most recent first. Each text once: neither `post` nor its translation (blog.models.Post.translation_of),
    and of a post and its translation the one ranked first."""
    rare, common = _split(counts, rare_rows)
    out_of_reach = sum(1.0 / counts[tag_id] for tag_id in common)
    room = limit + 2  # for the translation of `post`, and for one translated pair among the best
    while True:
        rows = _ranked(counts, rare, post.pk, room)
        ranked = _one_per_text(rows, post)
        if len(ranked) < limit and len(rows) == room:  # translations took the room: more of the same
            room *= 2
            continue
        # A margin for the rounding of sums in the database: a near tie is settled by scoring everyone.
        if rare is not None and common and (len(ranked) < limit or ranked[limit - 1][1] <= out_of_reach * (1 + 1e-9)):
            rare = None
            continue
        return [candidate for candidate, _score in ranked[:limit]]


def _one_per_text(ranked, post):
    """(id, score) of the rows (id, score, text) of `ranked`, a text being a post and its translation: `post`'s own
    left out, each other at its first row."""
    own = post.translation_of_id or post.pk
    kept = {}
    for candidate, score, text in ranked:
        if text != own:
            kept.setdefault(text, (candidate, score))
    return list(kept.values())


def _split(counts, rare_rows):
    """The rarest tags whose rows add up to at most `rare_rows` (at least one tag), and the others."""
    by_rarity = sorted(counts, key=lambda tag_id: (counts[tag_id], tag_id))
    rare, rows = [], 0
    for tag_id in by_rarity:
        rows += counts[tag_id]
        if rare and rows > rare_rows:
            break
        rare.append(tag_id)
    return rare, by_rarity[len(rare) :]


def _weight(counts):
    """SQL for the weight of the row `tagged`, and its parameters."""
    # Cast: PostgreSQL reads a float parameter as a decimal, in which 1/6 + 1/6 outscores 1/3.
    when = " ".join(["WHEN %s THEN CAST(%s AS DOUBLE PRECISION)"] * len(counts))
    return f"CASE tagged.tag_id {when} END", [value for tag_id, n in counts.items() for value in (tag_id, 1.0 / n)]


def _in(values):
    return f"({', '.join(['%s'] * len(values))})", list(values)


def _ranked(counts, rare, excluded_pk, limit):
    """(id, score, text) of the best `limit` posts sharing a tag of `rare` (None: any tag), scored on all of
    `counts`; a post's text is the id of the original it translates, or its own."""
    weight, weight_params = _weight(counts)
    in_tags, in_tags_params = _in(counts)
    if rare is None:
        source, source_params = "blog_taggedpost tagged", []
    else:
        in_rare, in_rare_params = _in(rare)
        # Each candidate's own rows, read through the (tag, post) index.
        source = (
            f"(SELECT DISTINCT content_object_id AS candidate FROM blog_taggedpost WHERE tag_id IN {in_rare}) found"  # noqa: S608
            " INNER JOIN blog_taggedpost tagged ON tagged.content_object_id = found.candidate"
        )
        source_params = in_rare_params
    # SQLite keeps the order of a CROSS JOIN: the few candidates look up their dates, rather than every published
    # post being looked for among them. For thousands of candidates, reading the dates from the narrow
    # (status, published_at) index costs less than looking up each wide post row: the planner chooses.
    join = "," if rare is None else "CROSS JOIN"
    dates_sql, dates_params = _DATES.sql_with_params()
    # The ORM's own SQL, and values as parameters: nothing typed reaches the text.
    # The best, then what their texts are: each post's row read for the few kept only.
    sql = (
        "SELECT best.candidate, best.score, COALESCE(post.translation_of_id, post.id) FROM ("  # noqa: S608
        "SELECT scores.candidate, scores.score, dates.published FROM (SELECT tagged.content_object_id AS candidate,"
        f" SUM({weight}) AS score FROM {source} WHERE tagged.tag_id IN {in_tags}"
        " AND tagged.content_object_id <> %s GROUP BY tagged.content_object_id) scores"
        f" {join} ({dates_sql}) dates WHERE dates.candidate = scores.candidate"
        " ORDER BY scores.score DESC, dates.published DESC, scores.candidate DESC LIMIT %s) best"
        " INNER JOIN blog_post post ON post.id = best.candidate"
        " ORDER BY best.score DESC, best.published DESC, best.candidate DESC"
    )
    params = [*weight_params, *source_params, *in_tags_params, excluded_pk, *dates_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _published_dates(now):
    from .post import Post

    return Post.objects.published(now).order_by().values(candidate=F("pk"), published=F("published_at"))


# On every post page: compiled once.
_DATES = CompiledQuery(_published_dates)
