"""SQLite's full-text index (FTS5), kept beside SearchDocument: one row per post, keyed by its publication date.

The unicode61 tokenizer with remove_diacritics 2 folds case and accents ("Genève" is found
by "geneve"), and a prefix query finds the words a search word begins ("chroniq" →
"chroniques"), as before, but through an index instead of a scan of every post. Ligatures,
which it keeps, are spelt out on both sides: "oeuvre" finds "œuvre", and "œuvre" "oeuvre".

A row's rowid is its post's `key()`: the second it was published, then its id. FTS5 reads a search's matches in
rowid order, so the newest are read first and it stops at the last one ranked; with the post's id for rowid, it
read every match twice (to find the newest among them, then to rank those): a quarter of a search's SQL. The table
KEYS gives each indexed post's key, to replace or delete its row.

The table has prefix indexes for words of 2 to 10 letters (migration 0008): without one for a search word's length,
FTS5 merged the lists of every word it begins, for the match and again for bm25's weights.

Its last column holds a key for each of the post's tags (`tag_key()`, migration 0009): a search narrowed to a tag
matches it with the words, FTS5 joining their lists of rows; tested for each match, the tag's thousands of posts
were gathered into a list at every search (the bench's most used tag, on 5,789 posts, 1.9 → 1.3 ms of SQL; one on 89
posts 1.5 → 0.6 ms).
"""

from django.db import connection

from blog.models.post import VISIBLE_INDEX
from blog.text import spell_out

TABLE = "search_fts"
KEYS = "search_fts_key"
# bm25 weights of the columns: a word in the title counts 4×, in a summary or tag 2×, in the body 1×; a tag's key
# narrows, and does not rank.
RANK = f"bm25({TABLE}, 4.0, 2.0, 1.0, 0.0)"
# A key's low bits hold the post's id (a blog has fewer than four million posts).
ID_BITS = 22
POST_ID = f"({TABLE}.rowid & {(1 << ID_BITS) - 1})"


def in_use():
    return connection.vendor == "sqlite"


def key(post):
    """The rowid of `post`'s row: later publication, larger key; an unpublished post's is its id."""
    seconds = int(post.published_at.timestamp()) if post.published_at else 0
    return (seconds << ID_BITS) + post.pk


def write(documents):
    """Replace the rows of these (saved) documents."""
    delete([d.post_id for d in documents])
    keys = [(d.post_id, key(d.post)) for d in documents]
    rows = [
        (
            row_key,
            spell_out(d.title),
            spell_out(" ".join([d.summary_fr, d.summary_en, d.tags])),
            spell_out(d.body),
            " ".join(tag_key(tag.pk) for tag in d.post.tags.all()),  # prefetched by search.indexing
        )
        for d, (_pk, row_key) in zip(documents, keys, strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, secondary, body, tags) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608
            rows,
        )
        cursor.executemany(f"INSERT INTO {KEYS} (post_id, key) VALUES (%s, %s)", keys)  # noqa: S608


def delete(post_ids):
    rows = [(pk,) for pk in post_ids]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = (SELECT key FROM {KEYS} WHERE post_id = %s)", rows)  # noqa: S608
        cursor.executemany(f"DELETE FROM {KEYS} WHERE post_id = %s", rows)  # noqa: S608


def clear():
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
        cursor.execute(f"DELETE FROM {KEYS}")  # noqa: S608


def optimize():
    """Merge the index into one segment. Written in bulk (search.indexing.rebuild, an import), it was left in hundreds
    of segments that every search reads: 6.9 → 5.5 ms for 1,000 matches among the bench's 10,000 posts."""
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")  # noqa: S608 - no value in it


def tag_key(tag_id):
    """The word standing for a tag in the column of tags' keys: "t42"."""
    return f"t{tag_id}"


def match_expression(words, tag_id=None):
    """Every word, as the start of a word: '"lumi"* AND "hiver"*' (words are \\w+, so hold no quote); with a tag's id,
    in the posts it tags: '"lumi"* AND tags : t42'."""
    phrases = [f'"{spell_out(word)}"*' for word in words]
    if tag_id is not None:
        phrases.append(f"tags : {tag_key(tag_id)}")
    return " AND ".join(phrases)


def through_visible_index(sql):
    """`sql`, a compiled `newest_ranked()`, reading whether each match is to be seen from the index of the posts' ids,
    statuses, dates and languages (blog.models.Post): SQLite looked each post up in the table, where a row's status
    and date come after its body and HTML (1,000 matches: 5.4 → 4.2 ms). The ORM cannot write INDEXED BY."""
    return sql.replace(' FROM "blog_post" ', f' FROM "blog_post" INDEXED BY "{VISIBLE_INDEX}" ', 1)


def newest_ranked(posts, match, at_most):
    """The `at_most` newest of `posts` that match `match` (a `match_expression()`, or where a compiled query puts
    one), newest first, as their pk, `rank` (lower is better) and `newness` (larger is newer).

    The matches are read newest first from the index, each post looked up by the id in its key.
    """
    ranked = posts.extra(  # noqa: S610 - a join with a virtual table the ORM cannot name; the values are parameters
        tables=[TABLE],
        where=[f"{TABLE} MATCH %s", f"blog_post.id = {POST_ID}"],
        params=[match],
        select={"rank": RANK, "newness": f"{TABLE}.rowid"},
    )
    return ranked.order_by("-newness").values("pk", "rank", "newness")[:at_most]
