"""SQLite's full-text index (FTS5), kept beside SearchDocument: one row per post, rowid = the post's id.

The unicode61 tokenizer with remove_diacritics 2 folds case and accents ("Genève" is found
by "geneve"), and a prefix query finds the words a search word begins ("chroniq" →
"chroniques"), as before, but through an index instead of a scan of every post. Ligatures,
which it keeps, are spelt out on both sides: "oeuvre" finds "œuvre", and "œuvre" "oeuvre".
"""

from django.db import connection
from django.db.models.expressions import RawSQL

from blog.text import spell_out

TABLE = "search_fts"
CREATE = f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, secondary, body, tokenize = 'unicode61 remove_diacritics 2')"
# bm25 weights of the columns: a word in the title counts 4×, in a summary or tag 2×, in the body 1×.
RANK = f"bm25({TABLE}, 4.0, 2.0, 1.0)"


def in_use():
    return connection.vendor == "sqlite"


def write(documents):
    """Replace the rows of these (saved) documents."""
    rows = [
        (d.post_id, spell_out(d.title), spell_out(" ".join([d.summary_fr, d.summary_en, d.tags])), spell_out(d.body))
        for d in documents
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(row[0],) for row in rows])  # noqa: S608
        cursor.executemany(f"INSERT INTO {TABLE} (rowid, title, secondary, body) VALUES (%s, %s, %s, %s)", rows)  # noqa: S608


def delete(post_ids):
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk in post_ids])  # noqa: S608


def clear():
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608


def match_expression(words):
    """Every word, as the start of a word: '"lumi"* AND "hiver"*' (words are \\w+, so hold no quote)."""
    return " AND ".join(f'"{spell_out(word)}"*' for word in words)


def matching(posts, match):
    """`posts` that match `match`, a `match_expression()` (or where a compiled query puts one)."""
    # The full-text index is read once for the set of matches, then each post looked up.
    matches = RawSQL(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [match])  # noqa: S608, S611
    return posts.filter(pk__in=matches)


def search(posts, match, among):
    """`posts` that match `match` (as `matching()`) and whose id is in `among` (a query of ids), annotated with `rank`
    (lower is better)."""
    among_sql, among_params = among.query.sql_with_params()
    return posts.extra(  # noqa: S610 - a join with a virtual table the ORM cannot name; the values are parameters
        tables=[TABLE],
        # "+" keeps SQLite from probing the index once per post: it reads the matches once, keeps those in
        # `among`, and only then reads their posts' rows.
        where=[f"blog_post.id = +{TABLE}.rowid", f"{TABLE} MATCH %s", f"+{TABLE}.rowid IN ({among_sql})"],
        params=[match, *among_params],
        select={"rank": RANK},
    )
