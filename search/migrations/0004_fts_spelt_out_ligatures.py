"""On SQLite: the full-text index written again with ligatures spelt out ("œuvre" as "oeuvre"), so that a
reader typing "oeuvre" finds it."""

from django.db import migrations

from blog.text import spell_out


def rewrite(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    documents = apps.get_model("search", "SearchDocument").objects.order_by("post_id")
    batch = []
    for document in documents.iterator(chunk_size=500):
        batch.append(document)
        if len(batch) == 500:
            _write(batch, schema_editor.connection)
            batch = []
    _write(batch, schema_editor.connection)


def _write(documents, connection):
    """The rows of these documents, keyed by their post's id as the index was then (0005 keys them by date)."""
    rows = [
        (d.post_id, spell_out(d.title), spell_out(" ".join([d.summary_fr, d.summary_en, d.tags])), spell_out(d.body))
        for d in documents
    ]
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(row[0],) for row in rows])
        cursor.executemany("INSERT INTO search_fts (rowid, title, secondary, body) VALUES (%s, %s, %s, %s)", rows)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sqlite_fts5")]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
