"""Database triggers that raise pagecache's Generation on any write to a table readers see.

The watched tables are every model of the apps whose content reaches public pages, less a
few models that never show (rate-limit counters, e-mail bookkeeping). A model not listed
here is watched: a new table costs a few needless invalidations, never a stale page.
"""

from django.apps import apps
from django.db import connections

# wordpress: an old address added by hand may be a page kept already (`/?p=12` is the home page until then).
CONTENT_APPS = {"accounts", "blog", "comments", "columns", "pages", "media", "taggit", "wordpress"}
NOT_SHOWN = {"CommentAttempt", "Notification", "Subscription", "PostDraft", "ImportedBlog", "Upload"}
# Tables whose rows show only in one state: a write touching no row in that state, before or after, changes no
# page. A comment shows once approved: a pending or spam comment arriving (a spam flood) keeps every cached page.
SHOWN_WHEN = {"comments_comment": "{row}.status = 'approved'"}  # comments.models.CommentStatus.APPROVED


def watched_tables():
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in CONTENT_APPS and model.__name__ not in NOT_SHOWN:
            tables.add(model._meta.db_table)
    return sorted(tables)


def install_after_migrate(sender, using="default", **kwargs):
    if sender.name == "pagecache":
        install(connections[using])


def install(connection):
    """Drop pagecache's triggers and create them again on every watched table that exists."""
    existing = set(connection.introspection.table_names())
    if "pagecache_generation" not in existing:
        return
    tables = [table for table in watched_tables() if table in existing]
    with connection.cursor() as cursor:
        # A flush empties every table, this one's single row included.
        cursor.execute("SELECT COUNT(*) FROM pagecache_generation")
        if not cursor.fetchone()[0]:
            cursor.execute("INSERT INTO pagecache_generation (id, number) VALUES (1, 0)")
        if connection.vendor == "postgresql":
            _postgresql(cursor, tables)
        else:
            _sqlite(cursor, tables)


def _sqlite(cursor, tables):
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'pagecache_%'")
    for (name,) in cursor.fetchall():
        cursor.execute(f'DROP TRIGGER "{name}"')
    bump = "UPDATE pagecache_generation SET number = number + 1, changed_at = strftime('%Y-%m-%d %H:%M:%f', 'now')"
    for table in tables:
        for event, when in _conditions(table).items():
            name = f"pagecache_{table}_{event.lower()}"
            when = f" WHEN {when}" if when else ""
            cursor.execute(f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}"{when} BEGIN {bump}; END')


def _postgresql(cursor, tables):
    cursor.execute(
        "CREATE OR REPLACE FUNCTION pagecache_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN UPDATE pagecache_generation SET number = number + 1, changed_at = now(); RETURN NULL; END $$"
    )
    for table in tables:
        for name in ("pagecache_bump", "pagecache_bump_insert", "pagecache_bump_update", "pagecache_bump_delete"):
            cursor.execute(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
        if table not in SHOWN_WHEN:
            cursor.execute(
                f'CREATE TRIGGER pagecache_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
                f"FOR EACH STATEMENT EXECUTE FUNCTION pagecache_bump()"
            )
            continue
        cursor.execute(
            f'CREATE TRIGGER pagecache_bump AFTER TRUNCATE ON "{table}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION pagecache_bump()"
        )
        for event, when in _conditions(table).items():
            cursor.execute(
                f'CREATE TRIGGER pagecache_bump_{event.lower()} AFTER {event} ON "{table}" FOR EACH ROW WHEN ({when}) '
                f"EXECUTE FUNCTION pagecache_bump()"
            )


def _conditions(table):
    """{event: the SQL condition on the row for it to change a page, or "" for always}."""
    shown = SHOWN_WHEN.get(table)
    if not shown:
        return dict.fromkeys(("INSERT", "UPDATE", "DELETE"), "")
    new, old = shown.format(row="NEW"), shown.format(row="OLD")
    return {"INSERT": new, "UPDATE": f"({old}) OR ({new})", "DELETE": old}
