"""Watching outlets from cron: feeds and sitemaps that grow between runs, locks, kills, reports."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance import ConfigError
from provenance.cli import app
from provenance.watchlist import load_watchlist
from tests import databases
from tests.servers import Route, serve

runner = CliRunner()
WORDS = "quay harbour inquiry engineer council report warning budget river bridge".split()


def body(seed: int, n: int = 260) -> str:
    import random

    rng = random.Random(seed)
    return " ".join(f"{rng.choice(WORDS)}{rng.randint(0, 9999)}" for _ in range(n))


def page(title: str, text: str, extra: str = "", published: str = "2026-06-01") -> bytes:
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><article><h1>{title}</h1><p>{text}</p>{extra}</article></body></html>"
    ).encode()


def rss(items: list[str]) -> bytes:
    entries = "".join(f"<item><title>t</title><link>{u}</link></item>" for u in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{entries}</channel></rss>'.encode()


def sitemap(urls: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode()


class Web:
    """Two outlets: an origin with an RSS feed, a copier with a gzipped sitemap behind robots.txt."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Route] = {}
        self.origin_items: list[str] = []
        self.copy_items: list[str] = []
        self.version = 0
        self.routes[("origin.example", "/")] = Route(
            200,
            b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>home</body></html>',
            {"Content-Type": "text/html"},
        )
        self.routes[("copier.example", "/")] = Route(
            200, b"<html><body>copier home</body></html>", {"Content-Type": "text/html"}
        )
        self.routes[("copier.example", "/robots.txt")] = Route(
            200,
            b"User-agent: *\nAllow: /\nSitemap: http://copier.example/sitemap.xml.gz\n",
            {"Content-Type": "text/plain"},
        )
        self.publish()

    def add_story(self, n: int, copied: bool) -> None:
        text = body(n)
        origin_url = f"http://origin.example/story/{n}"
        self.routes[("origin.example", f"/story/{n}")] = Route(
            200, page(f"Story {n}", text, published="2026-06-01"), {"Content-Type": "text/html"}
        )
        self.origin_items.append(origin_url)
        if copied:
            copy_url = f"http://copier.example/copy/{n}"
            credit = (
                f'<p>The original source of this article is <a href="{origin_url}">Origin</a></p>'
            )
            self.routes[("copier.example", f"/copy/{n}")] = Route(
                200, page(f"Copy {n}", text, credit, "2026-06-03"), {"Content-Type": "text/html"}
            )
            self.copy_items.append(copy_url)

    def publish(self) -> None:
        self.version += 1
        self.routes[("origin.example", "/feed.xml")] = Route(
            200,
            rss(self.origin_items),
            {
                "Content-Type": "application/rss+xml",
                "ETag": f'"o{self.version}-{len(self.origin_items)}"',
            },
        )
        self.routes[("copier.example", "/sitemap.xml.gz")] = Route(
            200,
            gzip.compress(sitemap(self.copy_items)),
            {"Content-Type": "application/x-gzip", "ETag": f'"c{len(self.copy_items)}"'},
        )


@pytest.fixture()
def web():
    w = Web()
    server, thread = serve(w.routes)
    w.server = server
    yield w
    server.shutdown()
    server.server_close()


def write_watchlist(tmp_path: Path, store: Path | str, extra: str = "") -> Path:
    """watch.toml in tmp_path; a SQLite store in tmp_path is named relative to it, as users do."""
    if databases.is_sqlite(store):
        assert Path(store).parent == tmp_path
        store = Path(store).name
    path = tmp_path / "watch.toml"
    path.write_text(f"""
store = "{store}"
report = "reports/new.jsonl"

[[outlet]]
name = "Origin"
home = "http://origin.example/"

[[outlet]]
name = "Copier"
home = "http://copier.example/"
robots = true
{extra}""")
    return path


def watch_args(config: Path, proxy: str, *args: str) -> list[str]:
    return ["watch", "--config", str(config), "--proxy", proxy, "--delay", "0", *args]


def watch(config: Path, proxy: str, *args: str):
    return runner.invoke(app, watch_args(config, proxy, *args))


def watch_process(config: Path, proxy: str, *args: str) -> list[str]:
    """The command line of a ``watch`` run in a process of its own."""
    return [sys.executable, "-m", "provenance", *watch_args(config, proxy, *args)]


def report_lines(tmp_path: Path) -> list[dict]:
    path = tmp_path / "reports" / "new.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_runs_report_only_what_is_new(web, tmp_path, store_path):
    config = write_watchlist(tmp_path, store_path)
    web.add_story(1, copied=True)
    web.add_story(2, copied=False)
    web.publish()

    first = watch(config, web.server.url)
    assert first.exit_code == 5, first.output  # new copies found
    records = report_lines(tmp_path)
    assert [(r["source"], r["target"]) for r in records] == [
        ("http://origin.example/story/1", "http://copier.example/copy/1")
    ]
    assert (
        records[0]["run_id"] == 1
        and records[0]["detected_at"]
        and records[0]["evidence"][0]["kind"] == "attribution"
    )
    assert "1 new republication(s)" in first.stderr

    web.add_story(3, copied=True)
    web.publish()
    second = watch(config, web.server.url)
    assert second.exit_code == 5, second.output
    records = report_lines(tmp_path)
    assert [(r["target"], r["run_id"]) for r in records] == [
        ("http://copier.example/copy/1", 1),
        ("http://copier.example/copy/3", 2),
    ]
    fetched = [path for _, path, _ in web.server.requests]
    assert fetched.count("/story/1") == 1  # stored URLs are not fetched again

    before = web.server.not_modified
    started = time.monotonic()
    third = watch(config, web.server.url)
    assert third.exit_code == 0, third.output  # nothing new
    assert time.monotonic() - started < 5
    assert web.server.not_modified - before == 2  # the feed and the sitemap answered 304
    assert len(report_lines(tmp_path)) == 2
    assert "0 new republication(s)" in third.stderr

    listed = runner.invoke(
        app,
        ["watch", "--store", str(store_path), "--since", "2000-01-01", "--report", "-"],
    )
    assert listed.exit_code == 0, listed.output
    assert [json.loads(line)["target"] for line in listed.stdout.splitlines()] == [
        "http://copier.example/copy/1",
        "http://copier.example/copy/3",
    ]
    empty = runner.invoke(app, ["watch", "--store", str(store_path), "--since", "2999-01-01"])
    assert empty.exit_code == 0 and empty.stdout == ""


def test_a_second_run_exits_at_once_while_the_lock_is_held(web, tmp_path, sqlite_store_path):
    # the lock file beside a SQLite store (how a PostgreSQL store locks is its own test)
    config = write_watchlist(tmp_path, sqlite_store_path)
    lock_path = tmp_path / (sqlite_store_path.name + ".lock")
    with lock_path.open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        started = time.monotonic()
        result = watch(config, web.server.url)
        assert time.monotonic() - started < 3
    assert result.exit_code == 4
    assert "holds" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_partial_failures_have_their_own_code(web, tmp_path, store_path):
    config = write_watchlist(
        tmp_path,
        store_path,
        extra='\n[[outlet]]\nname = "Gone"\nfeeds = ["http://gone.example/feed.xml"]\n',
    )
    result = watch(config, web.server.url)
    assert result.exit_code == 3, result.output  # nothing new, one feed failed
    assert "http://gone.example/feed.xml" in result.stderr


def test_killed_run_loses_nothing_and_the_next_finishes(web, tmp_path, store_path):
    for n in range(40):
        web.add_story(n, copied=n % 2 == 0)
    web.publish()
    for key, route in list(web.routes.items()):
        if "/story/" in key[1] or "/copy/" in key[1]:
            route.delay = 0.05
    config = write_watchlist(tmp_path, store_path)
    env = {**os.environ}
    command = watch_process(config, web.server.url, "-q")
    process = subprocess.Popen(command, env=env)
    time.sleep(2.0)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode in (5, 0), done.stderr
    check = runner.invoke(app, ["store", "check", "--store", str(store_path)])
    assert check.exit_code == 0, check.output
    listed = runner.invoke(app, ["watch", "--store", str(store_path), "--since", "2000-01-01"])
    assert listed.exit_code == 0, listed.output
    targets = sorted(json.loads(line)["target"] for line in listed.stdout.splitlines())
    assert targets == sorted(f"http://copier.example/copy/{n}" for n in range(0, 40, 2))


def test_max_runtime_stops_in_time_and_commits_what_was_done(web, tmp_path, store_path):
    for n in range(30):
        web.add_story(n, copied=False)
    web.publish()
    for key, route in list(web.routes.items()):
        if "/story/" in key[1]:
            route.delay = 0.3
    config = write_watchlist(tmp_path, store_path)
    started = time.monotonic()
    result = watch(config, web.server.url, "--max-runtime", "2")
    assert time.monotonic() - started < 8
    assert "stopped at --max-runtime" in result.stderr
    finished = watch(config, web.server.url)
    assert finished.exit_code in (0, 5), finished.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[outlet]]\nname = "A"\nfeeds = ["ftp://x.example/f"]\n',
            "watch.toml:3: feeds: not an http(s) URL",
        ),
        (
            '[[outlet]]\nname = "A"\nhome = "http://a.example/"\n\n[[outlet]]\nhome = "http://b.example/"\n',
            "watch.toml:5: an outlet needs a 'name'",
        ),
        ('colour = "blue"\n', "watch.toml:1: unknown setting 'colour'"),
        (
            '[[outlet]]\nname = "A"\nrobots = "yes"\nhome = "http://a.example/"\n',
            "watch.toml:3: 'robots' must be true or false",
        ),
        ("[[outlet]\n", "watch.toml: Expected ']]'"),
        (
            'max_runtime = -5\n[[monitor]]\nurl = "http://a.example/x"\n',
            "watch.toml:1: 'max_runtime' must be a positive",
        ),
    ],
)
def test_watchlist_errors_name_the_line(tmp_path, text, message):
    path = tmp_path / "watch.toml"
    path.write_text(text)
    with pytest.raises(
        ConfigError,
        match=message.replace("(", r"\(")
        .replace(")", r"\)")
        .replace("[", r"\[")
        .replace("]", r"\]"),
    ):
        load_watchlist(path)
    result = runner.invoke(app, ["watch", "--config", str(path)])
    assert result.exit_code == 2 and "watch.toml" in result.stderr


def test_an_unchanged_robots_txt_still_leads_to_its_sitemap(web, tmp_path, store_path):
    robots = web.routes[("copier.example", "/robots.txt")]
    robots.headers["ETag"] = '"robots-1"'  # it never changes; the sitemap it names does
    config = write_watchlist(tmp_path, store_path)
    web.add_story(1, copied=True)
    web.publish()
    assert watch(config, web.server.url).exit_code == 5
    web.add_story(2, copied=True)
    web.publish()
    second = watch(config, web.server.url)
    assert second.exit_code == 5, second.output
    assert [r["target"] for r in report_lines(tmp_path)][-1] == "http://copier.example/copy/2"
