"""On SQLite: the full-text index made again with a column of its posts' tags' keys (search.fts.tag_key), for a
search narrowed to a tag to match it with the words."""

from django.db import migrations

from search.fts import ID_BITS

OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8 9 10'"
COLUMNS = "rowid, title, secondary, body"
# The keys of the tags of the post whose key is the row's rowid, as search.fts writes them.
TAG_KEYS = (
    "COALESCE((SELECT group_concat('t' || tag_id, ' ') FROM blog_taggedpost "  # noqa: S608 - no value in it
    f"WHERE content_object_id = (search_fts.rowid & {(1 << ID_BITS) - 1})), '')"
)


def with_tag_keys(apps, schema_editor):
    _rewrite(schema_editor, "title, secondary, body, tags", f"{COLUMNS}, tags", f"{COLUMNS}, {TAG_KEYS}")


def without_tag_keys(apps, schema_editor):
    _rewrite(schema_editor, "title, secondary, body", COLUMNS, COLUMNS)


def _rewrite(schema_editor, columns, inserted, selected):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(f"CREATE VIRTUAL TABLE search_fts_new USING fts5({columns}, {OPTIONS})")
    schema_editor.execute(f"INSERT INTO search_fts_new ({inserted}) SELECT {selected} FROM search_fts")  # noqa: S608
    schema_editor.execute("DROP TABLE search_fts")
    schema_editor.execute("ALTER TABLE search_fts_new RENAME TO search_fts")
    schema_editor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")


class Migration(migrations.Migration):
    dependencies = [("search", "0008_fts_prefix_indexes"), ("blog", "0001_initial")]

    operations = [migrations.RunPython(with_tag_keys, without_tag_keys)]
