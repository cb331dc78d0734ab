"""Queries whose SQL the ORM writes once per process, for what runs on every request.

Building and compiling a query through the ORM cost many times more than running it: 0.9 ms
of the page cache's 1.1 ms version check, 1.2 ms of an 8 ms home page for its posts (their
author, their tags and summaries as JSON subqueries, their column). The queryset is still
written with the ORM and its rules (`Post.objects.published(now)`), with a `Slot` where each
run's value goes: compiled at its first run on a connection, its SQL is then sent as it is,
with the run's values in the slots' places.
"""

import copy
import json
from functools import cached_property

from django.db import connection, connections
from django.db.models import BigIntegerField, DateTimeField, Expression, Value
from django.utils import timezone

_DATETIME = Value(None, output_field=DateTimeField())


class Slot(Expression):
    """Where a compiled query puts the value `name` of a run, written as `output_field` writes it."""

    def __init__(self, name, output_field):
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler, connection):
        # The slot stands as its own parameter in the compiled SQL: each run puts its value there.
        return "%s", [self]

    def bind(self, value, connection):
        return self.output_field.get_db_prep_value(value, connection)


class Present(Slot):
    """The present, where a query compares dates with it: on PostgreSQL the time its statement began, read by the
    database (STATEMENT_TIMESTAMP(), as django.db.models.functions.Now writes it); elsewhere each run's
    `timezone.now()`.

    PostgreSQL plans a prepared query once for any values only when that plan looks no costlier than one made for
    the run's values. Of a date given as a parameter it guesses that a third of the posts are later, so the queries
    subtracting the few scheduled posts (the post count, the sidebar's tag counts) were planned again at every
    request. Its own clock it reads while planning, finds few posts later, and plans them once.
    """

    def __init__(self):
        super().__init__("now", output_field=DateTimeField())

    def as_postgresql(self, compiler, connection):
        return "STATEMENT_TIMESTAMP()", []


class IdList(Slot):
    """A list of ids, for `pk__in`: one parameter whatever its length, so that the SQL stays the same.

    On PostgreSQL a shorter list than GENERIC_LENGTH is sent that long, its last id repeated (which `IN` ignores). A
    prepared query is planned for each run's values while that plan costs less than its plan for any values, which
    counts on a list of ten ids (estimate_array_length() in PostgreSQL's selfuncs.c): the five similar posts of a
    post's page were planned at every request, 1.27 → 0.48 ms (bench corpus).
    """

    GENERIC_LENGTH = 10

    def __init__(self, name):
        super().__init__(name, output_field=BigIntegerField())

    def as_sql(self, compiler, connection):
        return "SELECT UNNEST(%s::bigint[])", [self]

    def as_sqlite(self, compiler, connection):
        return "SELECT value FROM JSON_EACH(%s)", [self]

    def bind(self, ids, connection):
        ids = [int(pk) for pk in ids]
        if connection.vendor == "sqlite":
            return json.dumps(ids)
        return ids + ids[-1:] * (self.GENERIC_LENGTH - len(ids))


class _Compiled:
    """`build(now)` returns the queryset, `now` the present (`Present`)."""

    def __init__(self, build):
        self.build = build
        self.compiled = {}

    @cached_property
    def queryset(self):
        """Built at the first run, once the apps have plugged in (their annotations of lists of posts)."""
        return self.build(Present())

    def _compiled(self, values):
        """The compiler of the query, its SQL, and its parameters with `values` (and the present) in the slots."""
        compiler, sql, params = self._unbound()
        return compiler, sql, _bound(params, values)

    def _unbound(self):
        """The compiler of the query on this connection, its SQL, and its parameters, slots as they are."""
        key = (connection.alias, connection.vendor, connection.settings_dict["NAME"])
        if key not in self.compiled:
            compiler = self.queryset._chain().query.get_compiler(connection.alias)
            self.compiled[key] = (compiler, *compiler.as_sql())
        return self.compiled[key]


def _bound(params, values):
    """`params` with `values` (and the present) in the slots."""
    values = {"now": timezone.now(), **values}
    return [p.bind(values[p.name], connection) if isinstance(p, Slot) else p for p in params]


def planned_for_values(sql, params):
    """`sql` and its parameters, to be planned for these values: on PostgreSQL, written into the SQL (quoted by the
    database driver), which is left with none.

    Queries a connection has run a few times are prepared (config.settings.base), and planned once for any values.
    Some must be planned for theirs, the best plan changing with them (a search's words, a tag on thousands of posts or
    on three, a page's LIMIT and OFFSET): with parameters, PostgreSQL's plan for any values served some badly (a
    search 12 → 28 ms, the bench's most used tag 0.04 → 6 ms), or it made a plan for each run's values again at every
    run (a tag's page of ids 0.26 ms, the home page's posts 0.7 ms). Written in, the same values asked again (a
    popular tag's first page, a search's next pages) are prepared with their own plan.
    """
    if connection.vendor == "postgresql":
        return connection.ops.compose_sql(sql, params).replace("%", "%%"), []
    return sql, list(params)


def rows_planned_for_values(sql, params):
    """The rows of `sql` with `params`, planned for these values (`planned_for_values()`)."""
    with connection.cursor() as cursor:
        cursor.execute(*planned_for_values(sql, params))
        return cursor.fetchall()


class CompiledQuery(_Compiled):
    """A queryset of values: calling this with a value for each of its slots (`query(post=…)`) runs its SQL, and
    returns the rows as tuples, their `datetime_columns` (indexes) converted as the ORM would. `sql_with_params()`
    gives the SQL to write into another query."""

    def __init__(self, build, datetime_columns=()):
        super().__init__(build)
        self.datetime_columns = datetime_columns

    def __call__(self, **values):
        return self._rows(*self.sql_with_params(**values))

    def _rows(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if not self.datetime_columns:
            return rows
        converters = connection.ops.get_db_converters(_DATETIME)
        return [self._convert(row, converters) for row in rows]

    def sql_with_params(self, **values):
        """The SQL and its parameters, the current time among them: to run, or to write into a larger query."""
        _compiler, sql, params = self._compiled(values)
        return sql, params

    def _convert(self, row, converters):
        row = list(row)
        for index in self.datetime_columns:
            for converter in converters:
                row[index] = converter(row[index], _DATETIME, connection)
        return tuple(row)


class CompiledQuerySet(_Compiled):
    """A queryset of model instances: `run(name=value, …)` returns its objects as a list, their prefetches done;
    `first(…)` the first or None; of a queryset filtered on `IdList("ids")`, `in_order(ids, …)` those of `ids` in
    that order, and `among(ids_query, start, stop)` and `with_ids(name, sql, params)` those whose ids a query
    gives."""

    def first(self, **values):
        found = self.run(**values)
        return found[0] if found else None

    def in_order(self, ids, **values):
        by_id = {found.pk: found for found in self.run(ids=ids, **values)}
        return [by_id[pk] for pk in ids if pk in by_id]

    def among(self, ids, start, stop):
        """In the queryset's order, those whose id is among the rows `[start:stop]` of `ids`: a CompiledQuery of ids
        and the values of its slots (blog.lists.LIST_IDS). One query, the ids read in a subquery where the list of
        ids goes: read first on their own, they cost a round trip to the database on every page of posts. The
        subquery is planned for its values (`planned_for_values()`): a tag's, and the page's LIMIT and OFFSET."""
        query, values = ids
        ids_sql, ids_params = query.sql_with_params(**values)
        ids_sql, ids_params = planned_for_values(f"{ids_sql} LIMIT %s OFFSET %s", [*ids_params, stop - start, start])
        return self._run(*self._ids_from(f"SELECT * FROM ({ids_sql}) AS ids", ids_params))  # noqa: S608

    def with_ids(self, name, sql, params):
        """In the queryset's order, those whose ids are the `pk` column of `sql` (with `params`): a query run first, as
        a WITH query called `name` which the queryset's own SQL may read too (its annotations). One query."""
        compiler, own_sql, own_params = self._ids_from(f'SELECT "pk" FROM {name}', [])  # noqa: S608
        return self._run(compiler, f"WITH {name} AS ({sql}) {own_sql}", [*params, *own_params])

    def _ids_from(self, ids_sql, ids_params):
        """The compiler, SQL and parameters of the queryset, its IdList read from the query `ids_sql`."""
        compiler, sql, slots = self._unbound()
        at = next(index for index, slot in enumerate(slots) if isinstance(slot, IdList))
        id_list, _slot = compiler.compile(slots[at])
        sql = sql.replace(id_list, ids_sql, 1)
        params = _bound([*slots[:at], *slots[at + 1 :]], {})  # one present for the whole query
        return compiler, sql, [*params[:at], *ids_params, *params[at:]]

    def run(self, **values):
        return self._run(*self._compiled(values))

    def _run(self, compiler, sql, params):
        # A copy of the compiled compiler, on this thread's connection, sends the SQL as it is; a queryset like the
        # kept one, never seen outside, reads its rows through it, then runs its prefetches as any queryset does.
        # (Its query stands in for a copy of the kept one: copying a query cost half of a small run.)
        run = copy.copy(compiler)
        run.connection = connections[connection.alias]
        run.as_sql = lambda *args, **kwargs: (sql, params)
        kept = self.queryset
        queryset = kept.__class__(model=kept.model, query=_Compiler(run), using=kept._db, hints=kept._hints)
        queryset._prefetch_related_lookups = kept._prefetch_related_lookups
        queryset._known_related_objects = kept._known_related_objects
        return list(queryset)


class _Compiler:
    """All a queryset asks of its query to read its rows: a compiler."""

    def __init__(self, compiler):
        self.compiler = compiler

    def get_compiler(self, *args, **kwargs):
        return self.compiler
