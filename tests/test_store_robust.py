"""A store that nothing corrupts: migrations, integrity checks, write errors, SIGKILL and resume."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.pool import Pool
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from provenance import Settings, Store, StoreError
from provenance.cli import app
from provenance.models import Article
from provenance.pipeline import commit, prepare_article
from provenance.store import SCHEMA_VERSION
from tests import databases

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def _words(rng: random.Random, n: int) -> str:
    syllables = ["ka", "lor", "vin", "tes", "mar", "quo", "dri", "sel", "bun", "ap", "zor", "eth"]
    return " ".join(
        "".join(rng.choice(syllables) for _ in range(rng.randint(1, 3))) for _ in range(n)
    )


def write_batch_warc(path: Path, clusters: int = 40, copies: int = 5, seed: int = 7) -> int:
    """A WARC of ``clusters`` stories, each published by ``copies`` outlets with their own footer."""
    rng = random.Random(seed)
    count = 0
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for story in range(clusters):
            body = "</p><p>".join(_words(rng, 60) + "." for _ in range(6))
            for copy in range(copies):
                footer = _words(rng, 30)
                html = (
                    f"<html><head><title>Story {story}</title>"
                    f'<meta property="article:published_time" content="2026-03-{1 + copy:02d}">'
                    f"</head><body><article><h1>Story {story}</h1><p>{body}</p>"
                    f"<p>{footer}</p></article></body></html>"
                ).encode()
                url = f"http://outlet{copy}.example/story/{story}"
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    url, "response", payload=__import__("io").BytesIO(html), http_headers=headers
                )
                writer.write_record(record)
                count += 1
    return count


def table_counts(path: Path | str) -> dict[str, int]:
    return {
        t: databases.count(path, t) for t in ("responses", "articles", "lsh", "anchors", "edges")
    }


# the fixtures are SQLite files written by earlier versions
@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("store-v*.db")))
def test_migrates_every_earlier_version_without_loss(tmp_path, fixture):
    """One store written by each earlier schema version opens, migrates, and keeps everything."""
    old = tmp_path / "old.db"
    shutil.copy(FIXTURES / fixture, old)
    before = table_counts(old)
    with Store.open(old, Settings()) as store:
        assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
        assert store.check() == []
        assert store.counts()["edges"] == before["edges"] == 15
    assert {k: v for k, v in table_counts(old).items()} == before
    result = runner.invoke(app, ["store", "check", "--store", str(old)])
    assert result.exit_code == 0, result.output
    assert "8 articles" in result.output


def test_check_finds_damage(tmp_path):  # damages a copy of a SQLite fixture
    damaged = tmp_path / "damaged.db"
    shutil.copy(FIXTURES / "store-v1.db", damaged)
    with sqlite3.connect(damaged) as db:
        db.execute("DELETE FROM lsh WHERE article_id = (SELECT min(id) FROM articles)")
        db.execute("INSERT INTO anchors VALUES (12345, 999999)")
    result = runner.invoke(app, ["store", "check", "--store", str(damaged)])
    assert result.exit_code == 1
    assert "LSH keys are missing" in result.stderr
    assert "index rows of articles that do not exist" in result.stderr


def test_check_finds_missing_index_rows(tmp_path, store_path):
    warc = tmp_path / "batch.warc.gz"
    write_batch_warc(warc, clusters=3, copies=2)
    done = runner.invoke(app, ["ingest", "--store", str(store_path), "--warc", str(warc)])
    assert done.exit_code == 0, done.output
    healthy = runner.invoke(app, ["store", "check", "--store", str(store_path)])
    assert healthy.exit_code == 0, healthy.output
    databases.execute(
        store_path, "DELETE FROM lsh WHERE article_id = (SELECT min(id) FROM articles)"
    )
    result = runner.invoke(app, ["store", "check", "--store", str(store_path)])
    assert result.exit_code == 1
    assert "1 articles whose LSH keys are missing" in result.stderr


def _article(i: int) -> Article:
    rng = random.Random(i)
    return Article(url=f"http://x{i}.example/a", outlet=f"x{i}.example", text=_words(rng, 200))


@contextmanager
def every_sqlite_connection_runs(statement: str) -> Iterator[None]:
    """Run ``statement`` on every SQLite connection SQLAlchemy opens meanwhile (the store's too)."""

    def on_connect(dbapi_connection: Any, record: Any) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.execute(statement)

    event.listen(Pool, "connect", on_connect)
    try:
        yield
    finally:
        event.remove(Pool, "connect", on_connect)


# SQLite pragmas stand in for a read-only file and a full disk
@pytest.mark.parametrize(
    ("pragma", "message"),
    [("PRAGMA query_only = 1", "read-only"), ("PRAGMA max_page_count = {pages}", "disk is full")],
)
def test_write_errors_are_clear_and_lose_nothing(sqlite_store_path, pragma, message):
    path = sqlite_store_path
    settings = Settings()
    with Store.open(path, settings) as store:
        commit(store, prepare_article(_article(1), settings), settings)
    [(pages,)] = databases.query(path, "PRAGMA page_count")
    with every_sqlite_connection_runs(pragma.format(pages=pages)):
        with Store.open(path, settings) as store:
            with pytest.raises(StoreError, match=message):
                for i in range(2, 40):
                    commit(store, prepare_article(_article(i), settings), settings)
    with Store.open(path, settings) as store:
        assert store.check() == []
        assert store.article_id("http://x1.example/a") is not None


def test_sigkill_at_random_points_then_resume(tmp_path):  # a killed writer on the SQLite file
    warc = tmp_path / "batch.warc.gz"
    pages = write_batch_warc(warc)
    command = [
        sys.executable,
        "-m",
        "provenance",
        "ingest",
        "--warc",
        str(warc),
        "--workers",
        "1",
        "-q",
        "--store",
    ]

    clean = tmp_path / "clean.db"
    subprocess.run([*command, str(clean)], check=True, timeout=300)
    expected = table_counts(clean)
    assert expected["articles"] == pages and expected["edges"] > 0

    killed = tmp_path / "killed.db"
    rng = random.Random(1)
    for _ in range(3):
        process = subprocess.Popen([*command, str(killed)])
        time.sleep(rng.uniform(0.8, 3.0))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if killed.exists():
            with Store.open(killed, Settings()) as store:
                assert store.check() == []  # opens, and every committed record is whole
    subprocess.run([*command, str(killed)], check=True, timeout=300)
    assert table_counts(killed) == expected
    with Store.open(killed, Settings()) as store:
        assert store.check() == []


def test_lookup_reads_while_a_batch_writes(tmp_path, store_path):
    warc = tmp_path / "batch.warc.gz"
    write_batch_warc(warc, clusters=30)
    path = store_path
    first = runner.invoke(
        app, ["ingest", "--store", str(path), "--warc", str(warc), "--workers", "1"]
    )
    assert first.exit_code == 0, first.output
    second = tmp_path / "more.warc.gz"
    write_batch_warc(second, clusters=30, seed=99)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "provenance",
            "ingest",
            "--warc",
            str(second),
            "--workers",
            "1",
            "-q",
            "--store",
            str(path),
        ]
    )
    reads = 0
    try:
        while writer.poll() is None:
            result = runner.invoke(
                app, ["lookup", "--store", str(path), "--json", "http://outlet0.example/story/3"]
            )
            assert result.exit_code == 0, result.output
            reads += 1
    finally:
        writer.wait(timeout=300)
    assert writer.returncode == 0
    assert reads >= 2
