"""On PostgreSQL only: each post's vector kept in its row (storage MAIN), its body stored beside it if need be.

A search reads the vector of up to SEARCH_RANKED_MATCHES posts, to match then rank them. Stored out of the row, as
PostgreSQL chose for vectors of a row with a long body, each of those reads went through the TOAST table: 10.5 → 4 ms
for a search of 1,000 matches on the bench's 10,000 posts. Rows written before are written again to move in.
"""

from django.db import migrations

TABLE = "search_searchdocument"


def set_storage(storage):
    def change(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STORAGE {storage}")
        # A new value, not the same one: an unchanged value would keep its place out of the row.
        schema_editor.execute(f"UPDATE {TABLE} SET vector = vector || ''::tsvector WHERE vector IS NOT NULL")  # noqa: S608

    return change


class Migration(migrations.Migration):
    dependencies = [("search", "0005_fts_keyed_by_date")]

    operations = [migrations.RunPython(set_storage("MAIN"), set_storage("EXTENDED"))]
