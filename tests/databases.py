"""The test stores: a SQLite file, or a PostgreSQL database created and dropped for one test.

Also plain SQL beside the store (tampering with a store, reading a table no public method
shows) through a connection of its own, so a test never reaches into the store's connection.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ENGINES = ("sqlite", "postgresql")
REQUIRE_VARIABLE = "PROVENANCE_REQUIRE_POSTGRESQL"
# user@host:port of a server where the tests may create and drop databases
SERVER = os.environ.get("PROVENANCE_TEST_POSTGRESQL", "postgres@127.0.0.1:5432")
ADMIN_URL = f"postgresql://{SERVER}/postgres"
PREFIX = "prov_test_"
_NAME = re.compile(rf"^{PREFIX}(\d+)_(\d+)$")
_counter = itertools.count(1)


def postgresql_required() -> bool:
    return os.environ.get(REQUIRE_VARIABLE, "") not in ("", "0")


def store_url(name: str) -> str:
    return f"postgresql://{SERVER}/{name}"


def _admin() -> Any:
    import psycopg

    return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5)


def server_problem() -> str | None:
    """Why the PostgreSQL server cannot hold test databases, or None when it can."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install 'psycopg[binary]')"
    try:
        with _admin() as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        first = " ".join(str(exc).split())[:300]
        return f"PostgreSQL is not reachable at {ADMIN_URL}: {first}"
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_leftovers() -> list[str]:
    """Drop the test databases of runs that died before their teardown (their pid is gone).

    A plain DROP (not FORCE): a database someone is still connected to is left alone.
    """
    import psycopg
    from psycopg import sql

    dropped = []
    with _admin() as conn:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s", (PREFIX + "%",)
            )
        ]
        for name in names:
            match = _NAME.match(name)
            if match is None or _alive(int(match.group(1))):
                continue
            try:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            except psycopg.Error:
                continue  # in use after all, or dropped by another run meanwhile
            dropped.append(name)
    return dropped


def create_database(icu_locale: str | None = None) -> str:
    """A new empty database; returns its name.

    ``icu_locale``: with that ICU collation (text not in byte order); raises psycopg's
    FeatureNotSupported on a server built without ICU.
    """
    from psycopg import sql

    name = f"{PREFIX}{os.getpid()}_{next(_counter)}"
    statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if icu_locale is not None:
        statement = sql.SQL(
            "CREATE DATABASE {} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE {}"
            " LOCALE 'C.UTF-8'"
        ).format(sql.Identifier(name), sql.Literal(icu_locale))
    with _admin() as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(statement)
    return name


def drop_database(name: str) -> None:
    """Drop a test database, first closing this process's pooled connections to it."""
    from psycopg import sql

    from provenance import store

    if hasattr(store, "dispose_engines"):
        store.dispose_engines()
    with _admin() as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


# -- plain SQL beside the store -----------------------------------------------------------------


def is_sqlite(target: str | Path) -> bool:
    return "://" not in str(target) or str(target).startswith("sqlite:")


def _engine(target: str | Path) -> Any:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    raw = str(target)
    if "://" not in raw:
        return create_engine(f"sqlite:///{raw}", poolclass=NullPool)
    url = make_url(raw)
    if url.get_backend_name() == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return create_engine(url, poolclass=NullPool)


def query(target: str | Path, statement: str, params: Mapping[str, Any] | None = None) -> list:
    """Rows of one SELECT (``:name`` parameters), read through a connection of our own."""
    from sqlalchemy import text

    engine = _engine(target)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(statement), dict(params or {}))]
    finally:
        engine.dispose()


def execute(target: str | Path, statement: str, params: Mapping[str, Any] | None = None) -> None:
    """Run one statement and commit it, through a connection of our own."""
    from sqlalchemy import text

    engine = _engine(target)
    try:
        with engine.begin() as conn:
            conn.execute(text(statement), dict(params or {}))
    finally:
        engine.dispose()


def table_names(target: str | Path) -> set[str]:
    from sqlalchemy import inspect

    engine = _engine(target)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def count(target: str | Path, table: str) -> int:
    [(n,)] = query(target, f"SELECT count(*) FROM {table}")
    return int(n)


def stored_bytes(target: str | Path) -> bytes:
    """Everything the store holds as bytes: the SQLite files, or every row of every table."""
    if is_sqlite(target):
        path = Path(str(target).removeprefix("sqlite:///"))
        return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))
    parts = []
    for table in sorted(table_names(target)):
        for row in query(target, f'SELECT * FROM "{table}"'):
            for value in row:
                if isinstance(value, bytes | bytearray | memoryview):
                    parts.append(bytes(value))
                else:
                    parts.append(str(value).encode("utf-8"))
    return b"\n".join(parts)


def transaction_left_open(target: str | Path) -> bool:
    """Whether some connection holds a transaction open on the store (on SQLite: a writer's)."""
    if is_sqlite(target):
        import sqlite3

        path = str(target).removeprefix("sqlite:///")
        conn = sqlite3.connect(path, timeout=0.2, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return True
            raise
        else:
            conn.execute("ROLLBACK")
        finally:
            conn.close()
        return False
    from sqlalchemy.engine import make_url

    name = make_url(str(target)).database
    rows = query(
        ADMIN_URL,
        "SELECT count(*) FROM pg_stat_activity WHERE datname = :name "
        "AND state IN ('idle in transaction', 'idle in transaction (aborted)')",
        {"name": name},
    )
    return rows[0][0] > 0
