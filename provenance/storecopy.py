"""Copy a store between engines (SQLite <-> PostgreSQL) without loss, and prove it.

``copy_store(SRC, DST)`` copies every table of the schema, every column, ids
included, from one store to another, then checks that each table holds the same
rows on both sides: the same count and the same :func:`table_checksum`, a SHA-256
that does not depend on the engine (see there). What the destination must be:

* **empty**: a new SQLite file, an empty PostgreSQL database, or a store holding no
  rows (``store copy`` never merges into, nor overwrites, a store with data);
* **not the source** (the same file or the same database under another name).

Safety: the whole copy is one transaction on the destination and the checksums are
compared before it commits. A copy that is killed, fails or does not verify leaves
the destination as it found it: empty, and a second attempt can start again.
The source is read in one snapshot (a read transaction; REPEATABLE READ on
PostgreSQL), so a store that is being written to meanwhile is copied as it was at
one instant. Tables are streamed, ``batch`` rows at a time (COPY into PostgreSQL,
executemany into SQLite): memory stays flat however large the store. Rows go in
the order the source keeps them (rowid order, heap order), so a query that asks
for no order answers the same on the copy.

The destination gets the source's ``meta`` table exactly (schema version and index
parameters); both stores are opened with the index parameters read from the
source, so a store built with non-default parameters copies too. On PostgreSQL the
id sequences are moved past the copied ids, so later inserts do not collide.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    LargeBinary,
    Select,
    Table,
    Text,
    delete,
    func,
    insert,
    inspect,
    literal,
    literal_column,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement

from . import schema as s
from .config import Settings
from .database import Location, engine_for, locate, store_error
from .errors import ConfigError, StoreError
from .store import Store

__all__ = [
    "CopyMismatchError",
    "CopyReport",
    "TableSum",
    "checksums",
    "compare_stores",
    "copy_store",
    "differences",
    "settings_for",
    "store_checksums",
    "table_checksum",
]

logger = logging.getLogger(__name__)

DEFAULT_BATCH = 1000  # rows per fetch and per write
_WIDE_BATCH = 64  # ... and at most this many of a table holding page bodies and texts
_TABLES: dict[str, Table] = {t.name: t for t in s.TABLES}
_cursor_names = itertools.count(1)

# meta keys written by Settings.index_params(), and how to read them back
_INDEX_FIELDS: dict[str, Callable[[str], Any]] = {
    "num_perm": int,
    "seed": int,
    "shingle_size": int,
    "lsh_bands": int,
    "lsh_rows": int,
    "anchor_modulus": int,
    "jaccard_threshold": float,
    "containment_threshold": float,
    "min_shingles": int,
}

Progress = Callable[[str, int, int], None]  # (table, rows copied so far, rows in the table)


class CopyMismatchError(StoreError):
    """The copy does not hold the same rows as the source (nothing was committed)."""


@dataclass(frozen=True)
class TableSum:
    """A table's row count and engine-independent SHA-256 (see :func:`table_checksum`)."""

    table: str
    rows: int
    sha256: str

    @property
    def short(self) -> str:
        return self.sha256[:12]


@dataclass(frozen=True)
class CopyReport:
    """What ``copy_store`` copied; every table's sum matched on both sides."""

    source: str  # as shown in messages (a URL's password hidden)
    destination: str
    tables: tuple[TableSum, ...]
    seconds: float

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


# -- checksums ------------------------------------------------------------------------------


def table_checksum(
    conn: Connection,
    table: Table | str,
    *,
    columns: Sequence[str] | None = None,
    batch: int = DEFAULT_BATCH,
) -> TableSum:
    """Count and SHA-256 of a table's rows, the same on SQLite and PostgreSQL.

    Rows are read in primary-key order (``columns`` given without the whole key: in
    the order of ``columns``), text compared byte by byte (``COLLATE "C"`` on
    PostgreSQL, SQLite's own BINARY collation), NULLs first. Each row is encoded
    value by value, by the value's type, so that 1, 1.0 and "1" differ::

        None  -> N            int   -> I<decimal>;     float -> F<repr>;
        str   -> S<n>:<utf-8 bytes>                    bytes -> B<n>:<bytes>

    and ended with a newline. Both engines hand back IEEE doubles for REAL / double
    precision columns, so ``repr`` is exact. ``columns`` restricts the sum to some
    columns (e.g. an edge's endpoints and scores, without its timestamps), for
    comparing stores that were filled separately. Values are summed as the driver
    returns them; outside a transaction, ``conn`` begins one (as any statement would).
    """
    t = _table(table)
    chosen = [t.c[name] for name in columns] if columns is not None else list(t.columns)
    key = list(t.primary_key.columns)
    if columns is not None and not all(c.name in columns for c in key):
        key = chosen
    dialect = conn.dialect.name
    digest = hashlib.sha256()
    rows = 0
    query = select(*chosen).order_by(*(_ordered(c, dialect) for c in key))
    for part in _fetch(conn, query, _fetch_size(chosen, batch)):
        digest.update(_encode_rows(part))
        rows += len(part)
    return TableSum(t.name, rows, digest.hexdigest())


def checksums(
    conn: Connection,
    tables: Iterable[Table | str] | None = None,
    *,
    columns: Mapping[str, Sequence[str]] | None = None,
    batch: int = DEFAULT_BATCH,
) -> dict[str, TableSum]:
    """:func:`table_checksum` of each table (default: every table of the schema)."""
    out: dict[str, TableSum] = {}
    for table in s.TABLES if tables is None else tables:
        t = _table(table)
        wanted = (columns or {}).get(t.name)
        out[t.name] = table_checksum(conn, t, columns=wanted, batch=batch)
    return out


def store_checksums(
    store: Store,
    tables: Iterable[Table | str] | None = None,
    *,
    columns: Mapping[str, Sequence[str]] | None = None,
    batch: int = DEFAULT_BATCH,
) -> dict[str, TableSum]:
    """:func:`checksums` of an open store, every table read in one snapshot."""
    with _snapshot(store) as conn:
        return checksums(conn, tables, columns=columns, batch=batch)


def differences(expected: Mapping[str, TableSum], found: Mapping[str, TableSum]) -> list[str]:
    """One line per table whose count or checksum differs (or that one side lacks)."""
    problems = []
    for name in sorted(set(expected) | set(found)):
        a, b = expected.get(name), found.get(name)
        if a is None or b is None:
            problems.append(f"{name}: only in the {'copy' if a is None else 'source'}")
        elif a.rows != b.rows:
            problems.append(f"{name}: {a.rows} row(s) in the source, {b.rows} in the copy")
        elif a.sha256 != b.sha256:
            problems.append(
                f"{name}: same {a.rows} row(s) but different contents "
                f"(sha256 {a.short} in the source, {b.short} in the copy)"
            )
    return problems


def compare_stores(
    first: str | Path,
    second: str | Path,
    *,
    settings: Settings | None = None,
    tables: Iterable[Table | str] | None = None,
    columns: Mapping[str, Sequence[str]] | None = None,
    batch: int = DEFAULT_BATCH,
) -> list[str]:
    """Open two existing stores and list the tables whose rows differ (empty: identical)."""
    with ExitStack() as stack:
        sums = []
        for target in (first, second):
            store = stack.enter_context(
                Store.open(target, settings_for(target, settings), create=False)
            )
            sums.append(store_checksums(store, tables, columns=columns, batch=batch))
    return differences(sums[0], sums[1])


# -- copying --------------------------------------------------------------------------------


def copy_store(
    src: str | Path,
    dst: str | Path,
    *,
    settings: Settings | None = None,
    batch: int = DEFAULT_BATCH,
    on_progress: Progress | None = None,
) -> CopyReport:
    """Copy the store ``src`` into the empty store ``dst`` (created if missing), verified.

    Raises ConfigError when ``src`` and ``dst`` are one store, StoreError when ``dst``
    holds rows or cannot be written, CopyMismatchError (a StoreError) when a table's
    count or checksum differs after the copy; in every failing case ``dst`` is left
    as it was (empty).
    """
    if batch < 1:
        raise ConfigError(f"batch must be at least 1, got {batch}")
    _refuse_same_file(locate(src), locate(dst))
    settings = settings_for(src, settings)
    started = time.perf_counter()
    with ExitStack() as stack:
        source = stack.enter_context(Store.open(src, settings, create=False))
        target = stack.enter_context(Store.open(dst, settings))
        _refuse_same_database(source, target)
        read = stack.enter_context(_snapshot(source))
        totals = {t.name: _count(read, t, source.path) for t in s.TABLES}
        with target.transaction():
            write = target.conn
            _refuse_non_empty(write, target.path)
            for table in s.TABLES:
                _copy_table(
                    read, write, table, batch, totals[table.name], on_progress, source, target.path
                )
            if target.dialect == "postgresql":
                _reset_sequences(write)
            expected = _checksums_or_error(read, batch, source.path)
            found = _checksums_or_error(write, batch, target.path)
            problems = differences(expected, found)
            if problems:
                raise CopyMismatchError(
                    f"the copy of {source.path} in {target.path} does not match, so nothing "
                    f"was written: {'; '.join(problems)}"
                )
        if target.dialect == "postgresql":  # statistics now, not when autovacuum comes by
            with target.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.exec_driver_sql("ANALYZE")
    seconds = time.perf_counter() - started
    logger.info("copied %s to %s in %.1fs", source.path, target.path, seconds)
    return CopyReport(source.path, target.path, tuple(found.values()), seconds)


def settings_for(target: str | Path, base: Settings | None = None) -> Settings:
    """``base`` (default: the defaults) with the index parameters the store was built with.

    Read from the store's ``meta`` table before it is opened, so that opening a store
    built with non-default parameters is not refused. A store that cannot be read
    here (missing, not a store) gets ``base`` unchanged: opening it says what is wrong.
    """
    base = base or Settings()
    meta = _raw_meta(locate(target))
    changes: dict[str, Any] = {}
    for key, parse in _INDEX_FIELDS.items():
        if key in meta:
            try:
                changes[key] = parse(meta[key])
            except ValueError:
                continue  # opening the store reports the mismatch
    if not changes:
        return base
    try:
        return base.replace(**changes)
    except ConfigError as exc:
        raise ConfigError(f"{locate(target).shown} records invalid index parameters: {exc}") from (
            None
        )


def _raw_meta(location: Location) -> dict[str, str]:
    """The meta table of a store, read without opening it as a Store ({} if there is none)."""
    if location.path is not None and (
        location.path == ":memory:" or not Path(location.path).is_file()
    ):
        return {}
    engine = engine_for(location)
    try:
        with engine.connect() as conn:
            if "meta" not in inspect(conn).get_table_names():
                return {}
            rows = conn.execute(select(s.meta.c.key, s.meta.c.value)).all()
            return {str(k): str(v) for k, v in rows}
    except DBAPIError as exc:
        if location.dialect == "sqlite":
            return {}  # not a database, or not ours: Store.open says which
        raise store_error(exc, location.shown, "open") from None
    finally:
        if location.dialect == "sqlite":
            engine.dispose()  # PostgreSQL engines are pooled per process: kept


def _refuse_same_file(src: Location, dst: Location) -> None:
    if src.path is None or dst.path is None or ":memory:" in (src.path, dst.path):
        return
    a, b = Path(src.path), Path(dst.path)
    same = a.resolve() == b.resolve()
    if not same and a.exists() and b.exists():
        same = os.path.samefile(a, b)
    if same:
        raise ConfigError(f"the source and the destination are the same store ({src.shown})")


def _refuse_same_database(source: Store, target: Store) -> None:
    """Two URLs naming one database (localhost and 127.0.0.1, say) are one store."""
    if source.dialect != "postgresql" or target.dialect != "postgresql":
        return
    query = select(func.current_database(), func.pg_postmaster_start_time())
    identities = []
    for store in (source, target):
        with store.engine.connect() as conn:
            identities.append(tuple(conn.execute(query).one()))
    if identities[0] == identities[1]:
        raise ConfigError(
            f"the source and the destination are the same database ({source.path} and "
            f"{target.path})"
        )


def _refuse_non_empty(conn: Connection, shown: str) -> None:
    filled = [
        t.name
        for t in s.TABLES
        if t is not s.meta and conn.execute(select(literal(1)).select_from(t).limit(1)).first()
    ]
    if filled:
        raise StoreError(
            f"the destination {shown} is not empty (it has rows in {', '.join(filled)}): "
            "copy into a new SQLite file or an empty PostgreSQL database"
        )


def _copy_table(
    read: Connection,
    write: Connection,
    table: Table,
    batch: int,
    total: int,
    on_progress: Progress | None,
    source: Store,
    shown: str,
) -> None:
    if table is s.meta:  # the source's exactly: schema version and index parameters
        write.execute(delete(s.meta))
    names = [c.name for c in table.columns]
    query = select(*table.columns).order_by(*_copy_order(table, read.dialect.name))
    done = 0
    if on_progress is not None:
        on_progress(table.name, done, total)
    with _sink(write, table, names, shown) as put:
        for rows in _read(read, query, _fetch_size(table.columns, batch), source.path):
            put(_insertable(names, rows))
            done += len(rows)
            if on_progress is not None:
                on_progress(table.name, done, total)
    logger.debug("copied %d row(s) of %s", done, table.name)


@contextmanager
def _sink(
    write: Connection, table: Table, names: list[str], shown: str
) -> Iterator[Callable[[list[tuple[Any, ...]]], None]]:
    """Something to put rows into a table with: COPY on PostgreSQL, executemany on SQLite.

    A write error names the table (a read error reaches here as a StoreError already).
    """
    driver_error = write.dialect.loaded_dbapi.Error
    try:
        if write.dialect.name == "postgresql":
            quote = write.dialect.identifier_preparer.quote
            statement = f"COPY {quote(table.name)} ({', '.join(map(quote, names))}) FROM STDIN"
            with _driver(write).cursor() as cursor:
                with cursor.copy(statement) as copy:

                    def put_copy(rows: list[tuple[Any, ...]]) -> None:
                        for row in rows:
                            copy.write_row(row)

                    yield put_copy
        else:
            compiled = insert(table).compile(dialect=write.dialect, column_keys=names)
            assert list(compiled.positiontup or ()) == names, compiled.positiontup
            statement = str(compiled)

            def put_many(rows: list[tuple[Any, ...]]) -> None:
                write.exec_driver_sql(statement, rows)

            yield put_many
    except (DBAPIError, driver_error) as exc:
        raise StoreError(f"table {table.name}: {store_error(exc, shown, 'write')}") from None


def _copy_order(table: Table, dialect: str) -> list[ColumnElement[Any]]:
    """Rows in the order the source keeps them, so the copy keeps it too.

    Nothing reads a store expecting an order it did not ask for, but a query that asks
    for none gets the table's physical order, and a faithful copy should not change
    what such a query returns. SQLite: rowid order (a WITHOUT ROWID table is its
    primary key's B-tree: key order, on both engines, which also makes inserting into
    one fast). PostgreSQL: the heap's order, as a sequential scan reads it.
    """
    if table.dialect_options["sqlite"]["with_rowid"] is False:
        return [_ordered(c, dialect) for c in table.primary_key.columns]
    if dialect == "sqlite":
        return [literal_column("rowid")]
    return []


def _insertable(names: list[str], rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows to write, as read (a seam for tests that corrupt a copy on purpose)."""
    return rows


def _reset_sequences(conn: Connection) -> None:
    """Move each id sequence past the copied ids (explicit ids do not advance it)."""
    for table in s.TABLES:
        column = table.autoincrement_column
        if column is None:
            continue
        top = func.max(column)
        conn.execute(
            select(
                func.setval(
                    func.pg_get_serial_sequence(table.name, column.name),
                    func.coalesce(top, 1),
                    top.is_not(None),
                )
            ).select_from(table)
        )


# -- reading --------------------------------------------------------------------------------


@contextmanager
def _snapshot(store: Store) -> Iterator[Connection]:
    """A connection of its own that sees the store as it was at one instant."""
    with store.engine.connect() as conn:
        try:
            if store.dialect == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
                conn.begin()
                # a sequential scan from the first page, by one process: the heap's order
                conn.exec_driver_sql("SET LOCAL synchronize_seqscans = off")
                conn.exec_driver_sql("SET LOCAL max_parallel_workers_per_gather = 0")
            else:
                # the driver runs in autocommit (our engine's choice): a read transaction
                # of our own, taken by its first SELECT
                conn.exec_driver_sql("BEGIN")
                conn.exec_driver_sql("SELECT count(*) FROM meta").scalar()
        except DBAPIError as exc:
            raise store_error(exc, store.path, "read") from None
        try:
            yield conn
        finally:
            conn.rollback()


def _count(conn: Connection, table: Table, shown: str) -> int:
    try:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    except DBAPIError as exc:
        raise store_error(exc, shown, "read") from None


def _checksums_or_error(conn: Connection, batch: int, shown: str) -> dict[str, TableSum]:
    try:
        return checksums(conn, batch=batch)
    except DBAPIError as exc:
        raise store_error(exc, shown, "read") from None


def _fetch(conn: Connection, query: Select[Any], size: int) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of a query, ``size`` at a time, as the driver hands them over.

    A server-side cursor on PostgreSQL (memory stays flat), SQLite's own cursor (it
    steps through the table as rows are fetched). Both drivers give int, float, str,
    bytes and None for the store's columns; skipping SQLAlchemy's result rows makes
    reading a million rows five times faster. Errors come out as SQLAlchemy's.
    """
    compiled = query.compile(dialect=conn.dialect)
    if compiled.params:
        raise ValueError("a whole-table read takes no parameters")
    statement = str(compiled)
    driver_error = conn.dialect.loaded_dbapi.Error
    if not conn.in_transaction():
        conn.begin()  # as any statement would (a server-side cursor lives in a transaction)
    raw = _driver(conn)
    try:
        if conn.dialect.name == "postgresql":
            cursor = raw.cursor(name=f"provenance_copy_{next(_cursor_names)}")
        else:
            cursor = raw.cursor()
        try:
            cursor.execute(statement)
            while rows := cursor.fetchmany(size):
                yield rows
        finally:
            cursor.close()
    except driver_error as exc:
        raise DBAPIError.instance(statement, None, exc, driver_error) from exc


def _driver(conn: Connection) -> Any:
    """The driver's own connection under ``conn`` (sqlite3 or psycopg)."""
    raw = conn.connection.driver_connection
    if raw is None:
        raise StoreError("the database connection is closed")
    return raw


def _read(
    conn: Connection, query: Select[Any], size: int, shown: str
) -> Iterator[list[tuple[Any, ...]]]:
    """:func:`_fetch` with a read error said as the source's."""
    try:
        yield from _fetch(conn, query, size)
    except DBAPIError as exc:
        raise store_error(exc, shown, "read") from None


def _fetch_size(columns: Iterable[Column[Any]], batch: int) -> int:
    """Rows per fetch: fewer for a table holding page bodies or texts (memory stays flat)."""
    wide = any(isinstance(c.type, LargeBinary) for c in columns)
    return min(batch, _WIDE_BATCH) if wide else batch


def _ordered(column: Column[Any], dialect: str) -> ColumnElement[Any]:
    """A column in byte order (PostgreSQL sorts text by its locale otherwise), NULLs first."""
    expression: ColumnElement[Any] = column
    if dialect == "postgresql" and isinstance(column.type, Text):
        expression = column.collate("C")
    ordered = expression.asc()
    return ordered.nulls_first() if column.nullable else ordered


def _table(table: Table | str) -> Table:
    if isinstance(table, Table):
        return table
    try:
        return _TABLES[table]
    except KeyError:
        raise ConfigError(f"no table {table!r} in a provenance store") from None


def _encode_rows(rows: list[tuple[Any, ...]]) -> bytes:
    """:func:`_encode` of each row, joined; rows of integers only (the index) at C speed."""
    if rows and {type(value) for row in rows for value in row} == {int}:
        form = b"I%d;" * len(rows[0]) + b"\n"
        return b"".join([form % row for row in rows])
    return b"".join([_encode(row) for row in rows])


def _encode(row: Sequence[Any]) -> bytes:
    parts = []
    for value in row:
        if value is None:
            parts.append(b"N")
        elif isinstance(value, int):  # bool too: no engine here stores booleans
            parts.append(b"I%d;" % value)
        elif isinstance(value, float):
            parts.append(b"F" + repr(value).encode("ascii") + b";")
        elif isinstance(value, str):
            data = value.encode("utf-8", "surrogatepass")
            parts.append(b"S%d:" % len(data) + data)
        elif isinstance(value, bytes | bytearray | memoryview):
            data = bytes(value)
            parts.append(b"B%d:" % len(data) + data)
        else:  # not a type the schema stores; still deterministic
            data = f"{type(value).__name__}:{value!r}".encode()
            parts.append(b"X%d:" % len(data) + data)
    parts.append(b"\n")
    return b"".join(parts)
