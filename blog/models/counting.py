"""Counts the database keeps itself (blog.models.tag_use, blog.models.post_count), by triggers in the writer's
transaction, so that they are right whatever wrote: a form, an admin action's queryset.update(), an import's
bulk_create, raw SQL. The triggers are made again after every migrate (a rebuilt SQLite table loses its own)
and after a test flush, and every count is then taken afresh."""

from django.db import connections


class CountingTriggers:
    """The triggers keeping the counts of `table`: created by the `sqlite` or `postgresql` statements (on SQLite,
    each named after the table: `table`_…), dropped on PostgreSQL as the (trigger, table) pairs of
    `postgresql_triggers`; `recount`, a statement by database vendor, fills the emptied table."""

    def __init__(self, table, sqlite, postgresql, postgresql_triggers, recount):
        self.table = table
        self.sqlite = sqlite
        self.postgresql = postgresql
        self.postgresql_triggers = postgresql_triggers
        self.recount = recount

    def install(self, connection):
        if self.table not in connection.introspection.table_names():
            return
        with connection.cursor() as cursor:
            self.uninstall(connection)
            for statement in self.postgresql if connection.vendor == "postgresql" else self.sqlite:
                cursor.execute(statement)
            cursor.execute(f"DELETE FROM {self.table}")  # noqa: S608 - a table name of this code
            cursor.execute(self.recount[connection.vendor])

    def uninstall(self, connection):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                tables = set(connection.introspection.table_names(cursor))
                for trigger, table in self.postgresql_triggers:
                    if table in tables:
                        cursor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
                return
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{self.table}_%"]
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP TRIGGER "{name}"')

    def install_after_migrate(self, sender, using="default", **kwargs):
        if sender.name == "blog":
            self.install(connections[using])

    def uninstall_before_migrate(self, sender, using="default", **kwargs):
        """A migration rebuilding blog_post on SQLite fails while another table's trigger names it: out of the way."""
        if sender.name == "blog":
            self.uninstall(connections[using])
