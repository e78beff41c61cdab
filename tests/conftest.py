"""Shared fixtures: the sample web served on 127.0.0.1, its answer key, a fresh store.

Every test that takes ``store_path`` (or ``other_store_path``, ``module_store_path``) runs twice:
``[sqlite]`` on a file in tmp_path, ``[postgresql]`` on a database of its own on the server at
127.0.0.1:5432, created for the test and dropped after it. Without that server the
``[postgresql]`` tests skip, saying why; with PROVENANCE_REQUIRE_POSTGRESQL=1 (CI) they fail.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests import databases
from tests.servers import SAMPLES, OutletServer, running, sample_routes

for _proxy_var in (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    # a search switch or key in the developer's environment would make lookups call providers
    "PROVENANCE_SEARCH",
    "SERPAPI_KEY",
    "COPYSCAPE_USER",
    "COPYSCAPE_KEY",
):
    os.environ.pop(_proxy_var, None)  # tests only ever talk to 127.0.0.1

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _stays_here(host: object, flags: int) -> bool:
    """Can resolving ``host`` not leave the machine (an address, a loopback name)?"""
    if host is None or flags & socket.AI_NUMERICHOST:
        return True
    name = host.decode() if isinstance(host, bytes) else str(host)
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return name.lower().rstrip(".") in _LOOPBACK_NAMES
    return True


@pytest.fixture(autouse=True)
def no_dns_off_the_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A test resolves addresses and loopback names only: a DNS query for any other name
    would leave the machine. It gets "no such name" instead, and the test fails."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def guarded(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        flags = kwargs.get("flags", args[3] if len(args) > 3 else 0)
        if _stays_here(host, flags):
            return real(host, port, *args, **kwargs)
        asked.append(str(host))
        raise socket.gaierror(socket.EAI_NONAME, f"tests send no DNS query for {host}")

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
    yield
    assert not asked, f"the test asked DNS for {sorted(set(asked))}: use the proxy or 127.0.0.1"


@pytest.fixture(scope="session")
def answer_key() -> dict[str, Any]:
    return json.loads((SAMPLES / "answer-key.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_warc() -> Path:
    return SAMPLES / "sample-web.warc.gz"


@pytest.fixture()
def outlet_web() -> Iterator[OutletServer]:
    """The sample web as a real HTTP server, reached as an HTTP proxy (outlets keep their hosts)."""
    with running(sample_routes()) as server:
        yield server


@pytest.fixture(scope="session")
def sample_articles() -> int:
    """How many HTML articles the sample WARC holds."""
    records = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["records"]
    return sum(
        1 for r in records if r["status"] == 200 and r["content_type"].startswith("text/html")
    )


@pytest.fixture(scope="session")
def postgresql_server() -> str | None:
    """None when the server can hold test databases (leftovers of dead runs swept), else why not."""
    problem = databases.server_problem()
    if problem is None:
        databases.sweep_leftovers()
    return problem


@pytest.fixture(scope="session")
def postgresql_available(postgresql_server: str | None) -> None:
    """Skips the test when there is no server; fails it instead where the server is required."""
    if postgresql_server is not None:
        if databases.postgresql_required():
            pytest.fail(f"{postgresql_server} ({databases.REQUIRE_VARIABLE} is set)", pytrace=False)
        pytest.skip(postgresql_server)


@contextmanager
def _store_at(engine: str, request: pytest.FixtureRequest, path: Path) -> Iterator[Path | str]:
    """A fresh store location: ``path`` for SQLite, else the URL of a new PostgreSQL database."""
    if engine == "sqlite":
        yield path
        return
    request.getfixturevalue("postgresql_available")
    name = databases.create_database()
    try:
        yield databases.store_url(name)
    finally:
        databases.drop_database(name)


@pytest.fixture()
def new_pg_store(postgresql_available: None) -> Iterator[Callable[..., str]]:
    """Makes stores in new, empty PostgreSQL databases (URLs); drops them after the test.

    Keyword options go to :func:`tests.databases.create_database`.
    """
    names: list[str] = []

    def make(**options: Any) -> str:
        names.append(databases.create_database(**options))
        return databases.store_url(names[-1])

    yield make
    for name in names:
        databases.drop_database(name)


@pytest.fixture(params=databases.ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The store engine of this run of the test: "sqlite" or "postgresql"."""
    return str(request.param)


@pytest.fixture()
def store_path(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """A store that does not exist yet: a SQLite path, or a PostgreSQL URL to an empty database."""
    with _store_at(engine, request, tmp_path / "store.db") as location:
        yield location


@pytest.fixture()
def other_store_path(
    engine: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Path | str]:
    """A second store on the same engine as ``store_path``."""
    with _store_at(engine, request, tmp_path / "other.db") as location:
        yield location


@pytest.fixture(scope="module", params=databases.ENGINES)
def module_store_path(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path | str]:
    """``store_path`` shared by the tests of one module (filled once, read by many)."""
    folder = tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])
    with _store_at(request.param, request, folder / "store.db") as location:
        yield location


@pytest.fixture()
def sqlite_store_path(tmp_path: Path) -> Path:
    """For tests about the SQLite file itself: its bytes, pragmas, WAL, lock file, migrations."""
    return tmp_path / "store.db"
