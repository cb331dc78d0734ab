"""On SQLite: the full-text index's rows keyed by their post's publication date (search.fts.key), and a table of
each post's key."""

from django.db import migrations

from search.fts import ID_BITS

CREATE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, secondary, body, tokenize = 'unicode61 remove_diacritics 2')"
)

COLUMNS = ["title", "secondary", "body"]


def key_by_date(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("CREATE TABLE search_fts_key (post_id INTEGER PRIMARY KEY, key INTEGER NOT NULL UNIQUE)")
    key = f"(COALESCE(CAST(strftime('%%s', published_at) AS INTEGER), 0) << {ID_BITS}) + id"
    schema_editor.execute(
        f"INSERT INTO search_fts_key (post_id, key) SELECT id, {key} FROM blog_post "  # noqa: S608 - no value in it
        "WHERE id IN (SELECT rowid FROM search_fts)"
    )
    _rewrite(
        schema_editor, "SELECT k.key, {columns} FROM search_fts JOIN search_fts_key k ON k.post_id = search_fts.rowid"
    )


def key_by_id(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    _rewrite(
        schema_editor, "SELECT k.post_id, {columns} FROM search_fts JOIN search_fts_key k ON k.key = search_fts.rowid"
    )
    schema_editor.execute("DROP TABLE search_fts_key")


def _rewrite(schema_editor, select):
    """The index made again with the rows `select` gives (rowid, then the columns)."""
    schema_editor.execute(CREATE.replace("search_fts", "search_fts_rekeyed", 1))
    schema_editor.execute(
        f"INSERT INTO search_fts_rekeyed (rowid, {', '.join(COLUMNS)}) "
        + select.format(columns=", ".join(f"search_fts.{column}" for column in COLUMNS))
    )
    schema_editor.execute("DROP TABLE search_fts")
    schema_editor.execute("ALTER TABLE search_fts_rekeyed RENAME TO search_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_fts_spelt_out_ligatures"), ("blog", "0001_initial")]

    operations = [migrations.RunPython(key_by_date, key_by_id)]
