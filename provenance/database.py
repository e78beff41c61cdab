"""Where a store lives: a SQLite file or a PostgreSQL database, reached through SQLAlchemy.

``--store`` takes a path (SQLite), ``sqlite:///path`` or ``postgresql://user@host/db``.
Anything the PostgreSQL URL leaves out comes from the standard PG environment
variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, ...) and
``~/.pgpass``, as libpq reads them. PostgreSQL connections are pooled per process;
SQLite connections are opened per store (a file needs no pool).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from .errors import ConfigError, StoreError

__all__ = ["Location", "dispose_engines", "engine_for", "locate", "store_error"]

logger = logging.getLogger(__name__)

LOCK_TIMEOUT_SECONDS = 60  # how long a writer waits for another before giving up
CONNECT_TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class Location:
    """A parsed ``--store``: which engine, and where."""

    dialect: str  # "sqlite" or "postgresql"
    url: URL  # what SQLAlchemy connects to
    path: str | None  # the SQLite file (":memory:" for an in-memory store)
    given: URL | None = None  # the URL as the user wrote it

    @property
    def shown(self) -> str:
        """For messages: the path, or the URL as given with its password hidden."""
        if self.path is not None:
            return self.path
        return (self.given or self.url).render_as_string(hide_password=True)


def locate(target: str | Path) -> Location:
    """Parse a store path or URL; ConfigError for an engine we do not speak."""
    raw = str(target)
    if "://" not in raw:
        return Location("sqlite", URL.create("sqlite", database=raw), raw)
    try:
        url = make_url(raw)
        url.port  # noqa: B018 - a malformed port raises here, not at connect time
    except (ArgumentError, ValueError) as exc:
        raise ConfigError(f"not a store path or database URL: {exc}") from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        path = url.database or ":memory:"
        return Location("sqlite", URL.create("sqlite", database=path), path)
    if backend in ("postgresql", "postgres"):
        if url.get_driver_name() not in ("psycopg", "") and "+" in url.drivername:
            raise ConfigError(
                f"unsupported PostgreSQL driver {url.get_driver_name()!r} (use postgresql://)"
            )
        return Location("postgresql", url.set(drivername="postgresql+psycopg"), None, url)
    raise ConfigError(
        f"unsupported store {url.drivername!r}: use a file path, sqlite:///path "
        "or postgresql://user@host/dbname"
    )


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def engine_for(location: Location) -> Engine:
    """The engine of a store: a new one per SQLite file, one pooled engine per PostgreSQL URL."""
    if location.dialect == "sqlite":
        return _sqlite_engine(location)
    key = location.url.render_as_string(hide_password=False)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _postgresql_engine(location)
            _engines[key] = engine
        return engine


def dispose_engines() -> None:
    """Close every pooled connection this process holds (before forking, or dropping a DB)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def _sqlite_engine(location: Location) -> Engine:
    engine = create_engine(
        location.url,
        poolclass=NullPool,
        connect_args={"timeout": 30.0, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def connect(dbapi_connection: Any, record: Any) -> None:
        # transactions are ours to begin (BEGIN IMMEDIATE for writers), not the driver's
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        dbapi_connection.execute("PRAGMA foreign_keys=ON")
        dbapi_connection.execute("PRAGMA cache_size=-65536")

    @event.listens_for(engine, "begin")
    def begin(conn: Any) -> None:
        if conn.info.get("write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        # reads run in autocommit: each statement sees the latest committed state

    return engine


def _postgresql_engine(location: Location) -> Engine:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise ConfigError(
            "a PostgreSQL store needs psycopg: pip install 'provenance[postgresql]'"
        ) from None
    engine = create_engine(
        location.url,
        pool_size=4,
        max_overflow=8,
        pool_pre_ping=True,  # a connection the server closed is replaced, not handed out
        pool_recycle=1800,
        connect_args=_connect_args(location.url, os.environ),
    )
    event.listen(engine, "connect", _session_defaults)
    logger.debug("PostgreSQL engine for %s", location.shown)
    return engine


def _connect_args(url: URL, environ: Mapping[str, str]) -> dict[str, Any]:
    """A connect timeout, unless the URL, ``PGCONNECT_TIMEOUT`` or a service file sets one.

    psycopg lets a keyword override everything libpq would read (the URL, the ``PG*``
    variables, ``pg_service.conf``), so none is given where the user may have said more.
    """
    said = {"connect_timeout", "service"} & set(url.query)
    said |= {"PGCONNECT_TIMEOUT", "PGSERVICE"} & {key for key, value in environ.items() if value}
    return {} if said else {"connect_timeout": CONNECT_TIMEOUT_SECONDS}


_SESSION_DEFAULTS = (
    "SELECT CASE WHEN current_setting('lock_timeout') = '0'"
    f" THEN set_config('lock_timeout', '{LOCK_TIMEOUT_SECONDS * 1000}', false) END,"
    " CASE WHEN current_setting('application_name') = ''"
    " THEN set_config('application_name', 'provenance', false) END"
)


def _session_defaults(dbapi_connection: Any, _record: Any) -> None:
    """Our lock timeout and application name, where nothing the user set has given one.

    Set on the session once it is open, so whatever libpq read (``options`` in the URL,
    ``PGOPTIONS``, a service file, ``ALTER ROLE … SET``) wins.
    """
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(_SESSION_DEFAULTS)
    finally:
        cursor.close()
    dbapi_connection.commit()  # a SET made in a transaction rolled back would be undone


def store_error(exc: BaseException, shown: str, doing: str = "write") -> StoreError:
    """One line saying what went wrong with the database, without the driver's noise."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    text = " ".join(str(orig).split())
    name = type(orig).__name__
    lowered = text.lower()
    if any(
        words in lowered for words in ("connection refused", "could not connect", "timeout expired")
    ):
        return StoreError(f"cannot reach the database server for {shown}: {_first(text)}")
    if re.search(r'database "[^"]*" does not exist', text):
        return StoreError(
            f"{_first(text)} (create it first, e.g. `createdb NAME`, then point --store at it)"
        )
    if (
        "password authentication failed" in lowered
        or "no password supplied" in lowered
        or re.search(r'role "[^"]*" does not exist', text)
    ):
        return StoreError(f"the database refused our credentials for {shown}: {_first(text)}")
    if "readonly" in lowered or name == "ReadOnlySqlTransaction":
        return StoreError(f"the store {shown} is read-only (check permissions)")
    if "disk is full" in lowered or "disk i/o" in lowered or name == "DiskFull":
        return StoreError(f"could not {doing} the store {shown}: {text} (is the disk full?)")
    if "locked" in lowered or "busy" in lowered or name in ("LockNotAvailable", "QueryCanceled"):
        return StoreError(f"the store {shown} is locked by another process: {_first(text)}")
    if name in ("OperationalError", "InterfaceError") and "server closed" in lowered:
        return StoreError(f"lost the connection to the database of {shown}: {_first(text)}")
    return StoreError(f"could not {doing} the store {shown}: {_first(text)}")


def _first(text: str) -> str:
    return text.split(" DETAIL:")[0].split(" HINT:")[0].strip()[:300]
