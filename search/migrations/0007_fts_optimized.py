"""On SQLite: the full-text index merged into one segment. Migration 0005 wrote it again in bulk, as did a rebuild or
an import before search.fts.optimize(), leaving hundreds of segments that every search reads."""

from django.db import migrations


def optimize(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgresql_vector_inline")]

    operations = [migrations.RunPython(optimize, migrations.RunPython.noop)]
