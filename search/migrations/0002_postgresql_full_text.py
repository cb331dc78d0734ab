"""On PostgreSQL only: accent-insensitive French and English text-search configurations, and a GIN index.

The stemmers keep stop words: once accents are gone a French word can be an English stop
word ("thé" → "the"), and a query searched in both languages would lose it on one side.
"""

from django.db import migrations

LANGUAGES = ["french", "english"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for language in LANGUAGES:
        schema_editor.execute(
            f"CREATE TEXT SEARCH DICTIONARY carnet_{language}_stem (TEMPLATE = snowball, LANGUAGE = {language})"
        )
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION carnet_{language} (COPY = pg_catalog.{language})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION carnet_{language} "
            f"ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart "
            f"WITH unaccent, carnet_{language}_stem"
        )
    schema_editor.execute("CREATE INDEX search_searchdocument_vector_gin ON search_searchdocument USING gin (vector)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS search_searchdocument_vector_gin")
    for language in LANGUAGES:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS carnet_{language}")
        schema_editor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS carnet_{language}_stem")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
