"""On SQLite: the full-text index made again with prefix indexes for words of 2 to 10 letters (search.fts), then
merged into one segment."""

from django.db import migrations

OPTIONS = "title, secondary, body, tokenize = 'unicode61 remove_diacritics 2'"
PREFIXES = "2 3 4 5 6 7 8 9 10"
COLUMNS = "rowid, title, secondary, body"


def with_prefixes(apps, schema_editor):
    _rewrite(schema_editor, f"{OPTIONS}, prefix = '{PREFIXES}'")


def without_prefixes(apps, schema_editor):
    _rewrite(schema_editor, OPTIONS)


def _rewrite(schema_editor, options):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(f"CREATE VIRTUAL TABLE search_fts_new USING fts5({options})")
    schema_editor.execute(f"INSERT INTO search_fts_new ({COLUMNS}) SELECT {COLUMNS} FROM search_fts")  # noqa: S608
    schema_editor.execute("DROP TABLE search_fts")
    schema_editor.execute("ALTER TABLE search_fts_new RENAME TO search_fts")
    schema_editor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")


class Migration(migrations.Migration):
    dependencies = [("search", "0007_fts_optimized")]

    operations = [migrations.RunPython(with_prefixes, without_prefixes)]
