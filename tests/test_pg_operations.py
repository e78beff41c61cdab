"""Running a PostgreSQL store: where the settings come from, pooled connections, clear errors.

Against the real server on 127.0.0.1:5432; the unreachable server is a closed port
on 127.0.0.1.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.config import Settings
from provenance.database import locate
from provenance.errors import ConfigError, StoreError, StoreVersionError
from provenance.store import Store
from tests import databases

runner = CliRunner()


@pytest.fixture()
def new_database(new_pg_store: Callable[..., str]) -> Callable[[], str]:
    """Makes empty PostgreSQL databases; returns their names."""
    return lambda: new_pg_store().rsplit("/", 1)[1]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the block ends


def one_line_error(result: object) -> str:
    stderr = result.stderr  # type: ignore[attr-defined]
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return str(lines[0])


def test_store_urls_are_parsed():
    assert locate("x.db").dialect == "sqlite"
    assert locate("sqlite:////tmp/x.db").path == "/tmp/x.db"  # four slashes: absolute
    assert locate("sqlite:///x.db").path == "x.db"  # three: relative (SQLAlchemy's rule)
    assert locate("postgresql://u:secret@h:5433/db").url.drivername == "postgresql+psycopg"
    assert "secret" not in locate("postgresql://u:secret@h/db").shown
    with pytest.raises(ConfigError, match="unsupported store"):
        locate("mysql://root@127.0.0.1/test")
    with pytest.raises(ConfigError, match="driver"):
        locate("postgresql+asyncpg://u@h/db")


def test_an_unreachable_server_is_one_line_and_exit_1():
    url = f"postgresql://postgres:hunter2@127.0.0.1:{closed_port()}/nothing"
    result = runner.invoke(app, ["export", "--store", url, "--format", "json", "--out", "-"])
    assert result.exit_code == 1
    line = one_line_error(result)
    assert "cannot reach the database server" in line
    assert "hunter2" not in result.stderr  # the password is never shown
    with pytest.raises(StoreError, match="cannot reach"):
        Store.open(url, Settings())


def test_wrong_credentials_and_a_missing_database_are_named(new_database):
    name = new_database()
    result = runner.invoke(
        app, ["ingest", "--store", f"postgresql://nobody_here@127.0.0.1:5432/{name}", "x"]
    )
    assert result.exit_code == 1
    assert "refused our credentials" in one_line_error(result)
    for missing in ("no_such_db_9", "payroll_roles"):  # "role" in a name is not a role
        result = runner.invoke(
            app, ["store", "check", "--store", f"postgresql://postgres@127.0.0.1:5432/{missing}"]
        )
        assert result.exit_code == 1
        line = one_line_error(result)
        assert "does not exist" in line and "createdb" in line
        assert "credentials" not in line


def check_with(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``provenance store check --store postgresql://``: everything else from ``env``."""
    return subprocess.run(
        [sys.executable, "-m", "provenance", "store", "check", "--store", "postgresql://"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_settings_come_from_the_standard_pg_environment(new_database, tmp_path):
    name = new_database()
    Store.open(databases.store_url(name), Settings()).close()
    env = {
        "PGHOST": "127.0.0.1",
        "PGPORT": "5432",
        "PGUSER": "postgres",
        "PGDATABASE": name,
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    done = check_with(env)
    assert done.returncode == 0, done.stderr  # it found the store where PG* pointed
    assert "ok: 0 responses, 0 articles" in done.stdout + done.stderr
    env["PGDATABASE"] = "no_such_db_9"
    done = check_with(env)
    assert done.returncode == 1
    assert 'database "no_such_db_9" does not exist' in done.stderr


def test_the_users_own_connection_options_are_kept(new_database, tmp_path):
    """PGOPTIONS (or ?options=), PGAPPNAME and PGCONNECT_TIMEOUT are not overridden by ours.

    A store kept in a schema of its own through ``search_path`` is created and found there.
    """
    name = new_database()
    databases.execute(databases.store_url(name), "CREATE SCHEMA prov")
    env = {
        "PGHOST": "127.0.0.1",
        "PGPORT": "5432",
        "PGUSER": "postgres",
        "PGDATABASE": name,
        "PGOPTIONS": "-c search_path=prov -c statement_timeout=5000",
        "PGAPPNAME": "nightly-watch",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    show = (
        "from provenance import Settings, Store; s = Store.open('postgresql://', Settings());"
        "print([s.conn.exec_driver_sql(f'SHOW {k}').scalar() for k in"
        " ('search_path', 'statement_timeout', 'lock_timeout', 'application_name')])"
    )
    done = subprocess.run(
        [sys.executable, "-c", show], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['prov', '5s', '1min', 'nightly-watch']"
    assert check_with(env).returncode == 0  # the store was created, and is found, in prov
    tables = databases.query(
        databases.store_url(name),
        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'articles'",
    )
    assert [row[0] for row in tables] == ["prov"]
    del env["PGOPTIONS"], env["PGAPPNAME"]
    url = "postgresql://?options=-c%20search_path%3Dprov%20-c%20lock_timeout%3D2s"
    done = subprocess.run(
        [sys.executable, "-c", show.replace("postgresql://", url)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['prov', '0', '2s', 'provenance']"  # theirs wins
    # a libpq service file (pg_service.conf): its settings win over our defaults too
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[prov]\nhost=127.0.0.1\nport=5432\nuser=postgres\ndbname={name}\n"
        "options=-c search_path=prov -c lock_timeout=3s\napplication_name=from-service\n"
        "connect_timeout=7\n",
        encoding="utf-8",
    )
    env = {"PGSERVICEFILE": str(services), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", show.replace("postgresql://", "postgresql://?service=prov")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['prov', '0', '3s', 'from-service']"


def test_connections_are_pooled_and_returned(new_database):
    url = databases.store_url(new_database())
    with Store.open(url, Settings()) as first:
        engine = first.engine
        assert first.count_articles() == 0
    for _ in range(5):
        with Store.open(url, Settings()) as again:
            assert again.engine is engine  # one engine, one pool per URL and process
            assert again.count_articles() == 0
    assert engine.pool.checkedout() == 0  # every connection went back to the pool
    assert engine.pool.checkedin() >= 1  # ... and is kept for the next store


def test_a_database_with_other_tables_is_not_taken_over(new_database):
    url = databases.store_url(new_database())
    databases.execute(url, "CREATE TABLE articles (id integer)")
    with pytest.raises(StoreVersionError, match="not a provenance store"):
        Store.open(url, Settings())


def test_an_empty_database_is_not_a_store_without_create(new_database):
    url = databases.store_url(new_database())
    with pytest.raises(StoreError, match="no store at"):
        Store.open(url, Settings(), create=False)


def test_four_processes_creating_one_store_at_once(new_database):
    url = databases.store_url(new_database())
    code = (
        "import sys; from provenance.store import Store; from provenance.config import Settings\n"
        "with Store.open(sys.argv[1], Settings()) as s: print(s.meta()['schema_version'])"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code, url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0, 0], [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1
    assert databases.count(url, "meta") == len(Settings().index_params()) + 1


def test_a_new_migration_runs_alike_on_both_engines(store_path, monkeypatch):
    """The next schema version, applied by the same code to a SQLite and a PostgreSQL store."""
    from sqlalchemy import text

    from provenance import schema
    from provenance import store as store_module

    with Store.open(store_path, Settings()) as first:
        first.record_failure("http://a.example/x", "kept across the migration")
    version = schema.SCHEMA_VERSION

    def add_a_column(conn):
        conn.execute(text("ALTER TABLE failures ADD COLUMN attempts INTEGER"))
        conn.execute(text("UPDATE failures SET attempts = 1"))

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", version + 1)
    monkeypatch.setitem(schema.MIGRATIONS, version, add_a_column)
    with Store.open(store_path, Settings()) as migrated:
        assert migrated.meta()["schema_version"] == str(version + 1)
        assert [r[1] for r in migrated.failures()] == ["kept across the migration"]
    assert databases.query(store_path, "SELECT attempts FROM failures") == [(1,)]
    with Store.open(store_path, Settings()) as again:  # nothing left to do the second time
        assert again.meta()["schema_version"] == str(version + 1)


def test_a_store_recovers_when_the_server_drops_its_connections(new_database):
    name = new_database()
    url = databases.store_url(name)
    with Store.open(url, Settings()) as store:
        assert store.count_articles() == 0
        databases.execute(
            databases.ADMIN_URL,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = :name AND pid <> pg_backend_pid()",
            {"name": name},
        )
        with pytest.raises(StoreError, match="could not read"):
            store.count_articles()  # one clear error, then a fresh connection
        assert store.count_articles() == 0
        with pytest.raises(StoreError, match="could not write"):
            store.record_failure("http://a.example/", "the writer's connection was dropped too")
        store.record_failure("http://a.example/", "and it is replaced as well")
        assert [reason for _, reason, _ in store.failures()] == ["and it is replaced as well"]


def test_a_malformed_store_url_is_a_usage_error():
    result = runner.invoke(app, ["store", "check", "--store", "postgresql://u@127.0.0.1:abc/x"])
    assert result.exit_code == 2
    assert "not a store path or database URL" in one_line_error(result)
