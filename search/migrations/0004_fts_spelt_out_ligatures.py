"""On SQLite: the full-text index written again with ligatures spelt out ("œuvre" as "oeuvre"), so that a
reader typing "oeuvre" finds it."""

from django.db import migrations

from search import fts


def rewrite(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    documents = apps.get_model("search", "SearchDocument").objects.order_by("post_id")
    batch = []
    for document in documents.iterator(chunk_size=500):
        batch.append(document)
        if len(batch) == 500:
            fts.write(batch)
            batch = []
    fts.write(batch)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sqlite_fts5")]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
