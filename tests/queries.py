"""The queries a block of a test sends, as sent, for tests that read the database's plan of one."""

from contextlib import contextmanager

from django.db import connection


@contextmanager
def queries_sent():
    """A list filled with the (SQL, parameters) of each query sent in the block: CaptureQueriesContext keeps the SQL
    with its parameters written in, which the database would plan otherwise."""
    queries = []

    def keep(execute, sql, params, many, context):
        queries.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        yield queries


def sqlite_plan(sql, params):
    """The steps of SQLite's plan of `sql` with `params` (EXPLAIN QUERY PLAN), in order."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [step for *_ids, step in cursor.fetchall()]
