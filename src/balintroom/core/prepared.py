"""Statements made once and kept by this process as SQL.

Building a query through the ORM (filters, subqueries, compiling) costs far more CPU than
running it, and the live room runs the same few statements on every change. A Prepared
query is written as an ordinary queryset, so that the ORM and the models stay the one
source of what it reads; it is compiled the first time with stand-in values for its
parameters, and afterwards run as that SQL with the real values in their places.
update_row and insert_row write one row's fields, their SQL made from the model's
columns once for each set of fields, the values prepared by the fields as the ORM would.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connections
from django.db.models import Field, Model, QuerySet

# Stand-in values no real id or version takes.
_STAND_IN = -7_340_000_000


class Prepared:
    def __init__(self, build: Callable[..., QuerySet[Any]], *names: str) -> None:
        """`build(**values)` makes the queryset; `names` are its parameters, each an int."""
        self.build = build
        self.names = names
        self._compiled: dict[str, tuple[str, list[Any], dict[int, str]]] = {}

    def _compile(self, alias: str) -> tuple[str, list[Any], dict[int, str]]:
        stand_ins = {name: _STAND_IN - number for number, name in enumerate(self.names)}
        queryset = self.build(**stand_ins).using(alias)
        sql, params = queryset.query.get_compiler(using=alias).as_sql()
        by_value = {value: name for name, value in stand_ins.items()}
        slots = {index: by_value[value] for index, value in enumerate(params)
                 if isinstance(value, int) and value in by_value}
        if sorted(set(slots.values())) != sorted(self.names):
            raise ValueError(f"not every parameter reached the SQL: {sql}")
        return sql, list(params), slots

    def rows(self, alias: str = "default", **values: int) -> list[tuple[Any, ...]]:
        compiled = self._compiled.get(alias)
        if compiled is None:
            compiled = self._compiled[alias] = self._compile(alias)
        sql, params, slots = compiled
        params = list(params)
        for index, name in slots.items():
            params[index] = values[name]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())


_statements: dict[tuple[str, type[Model], str, tuple[str, ...]], str] = {}


def _statement(alias: str, model: type[Model], kind: str, names: tuple[str, ...]) -> str:
    key = (alias, model, kind, names)
    sql = _statements.get(key)
    if sql is None:
        quote = connections[alias].ops.quote_name
        meta = model._meta
        columns = [quote(str(_field(model, name).column)) for name in names]
        if kind == "update":
            assignments = ", ".join(f"{column} = %s" for column in columns)
            primary_key = str(meta.pk.column) if meta.pk is not None else "id"
            sql = (f"UPDATE {quote(meta.db_table)} SET {assignments} "
                   f"WHERE {quote(primary_key)} = %s")
        else:
            sql = (f"INSERT INTO {quote(meta.db_table)} ({', '.join(columns)}) "
                   f"VALUES ({', '.join(['%s'] * len(columns))})")
        sql = _statements[key] = sql
    return sql


def _field(model: type[Model], name: str) -> "Field[Any, Any]":
    field = model._meta.get_field(name)
    assert isinstance(field, Field), name
    return field


_fields: dict[tuple[type[Model], tuple[str, ...]], tuple["Field[Any, Any]", ...]] = {}


def _prepared(alias: str, model: type[Model], values: dict[str, Any]) -> list[Any]:
    connection = connections[alias]
    # The fields of each set of names looked up once, as the statement is made once.
    names = tuple(values)
    fields = _fields.get((model, names))
    if fields is None:
        fields = _fields[(model, names)] = tuple(_field(model, name) for name in names)
    # None needs no preparing, whatever the field (and is the commonest value here).
    return [None if value is None else field.get_db_prep_save(value, connection)
            for field, value in zip(fields, values.values(), strict=True)]


def update_row(cursor: Any, model: type[Model], pk: int, values: dict[str, Any],
               alias: str = "default") -> int:
    """UPDATE one row's fields (by field name; values as the model takes them), with the
    statement made once for each set of fields, on the caller's cursor (several writes
    share one). Returns the rows changed."""
    sql = _statement(alias, model, "update", tuple(values))
    cursor.execute(sql, [*_prepared(alias, model, values), pk])
    return int(cursor.rowcount)


def insert_row(cursor: Any, model: type[Model], values: dict[str, Any],
               alias: str = "default") -> None:
    """INSERT a row whose id nobody needs (a log line), as update_row does."""
    sql = _statement(alias, model, "insert", tuple(values))
    cursor.execute(sql, _prepared(alias, model, values))


@contextmanager
def sent_together(alias: str = "default") -> Iterator[None]:
    """On PostgreSQL, the statements of what runs inside go to the server without waiting
    for each other's answers (psycopg's pipeline mode): the transaction's BEGIN with its
    first query, its writes with its COMMIT. A room change is six statements; under load
    each wait for the server costs more than the rest of the change (bench/run.py, two
    processes). A query whose rows are read still waits for them, and an error of any
    statement surfaces at the latest at COMMIT, which then rolls the transaction back.
    Elsewhere (SQLite) nothing changes."""
    wrapper = connections[alias]
    if wrapper.vendor != "postgresql" or wrapper.in_atomic_block:
        yield
        return
    wrapper.ensure_connection()
    with wrapper.connection.pipeline():
        yield
