"""On SQLite: an FTS5 index (accents and case folded by its tokenizer) replaces the normalized copies."""

from django.db import migrations

CREATE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, secondary, body, tokenize = 'unicode61 remove_diacritics 2')"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(CREATE)
    schema_editor.execute(
        "INSERT INTO search_fts (rowid, title, secondary, body) "
        "SELECT post_id, title, summary_fr || ' ' || summary_en || ' ' || tags, body FROM search_searchdocument"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgresql_full_text")]

    operations = [
        migrations.RemoveField(model_name="searchdocument", name="normalized_title"),
        migrations.RemoveField(model_name="searchdocument", name="normalized_secondary"),
        migrations.RemoveField(model_name="searchdocument", name="normalized_body"),
        migrations.RunPython(create, drop),
    ]
