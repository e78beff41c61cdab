"""The README's cron line and systemd units, run as written (paths moved into a scratch folder).

SQLite only: as written, they keep their store in the SQLite file /srv/provenance/provenance.db.
"""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
from pathlib import Path

from tests.servers import Route, serve

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def scratch(tmp_path: Path) -> Path:
    """/srv/provenance for the test: a .venv/bin/provenance that runs this checkout."""
    home = tmp_path / "srv" / "provenance"
    (home / ".venv" / "bin").mkdir(parents=True)
    launcher = home / ".venv" / "bin" / "provenance"
    launcher.write_text(f'#!/bin/sh\nexec {sys.executable} -m provenance "$@"\n')
    launcher.chmod(0o755)
    watchlist = blocks("toml")[0]
    watchlist = watchlist.replace(
        "https://northwind-dispatch.example", "http://northwind-dispatch.example"
    )
    (home / "watch.toml").write_text(watchlist)
    return home


def web():
    body = " ".join(f"harbour{i % 50} inquiry{i % 37} word{i}" for i in range(400))
    article = f"<html><body><article><h1>Harbour</h1><p>{body}</p></article></body></html>".encode()
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title><item>'
        b"<link>http://northwind-dispatch.example/2026/05/16/harbour-inquiry.html</link>"
        b"</item></channel></rss>"
    )
    html = {"Content-Type": "text/html"}
    return serve(
        {
            ("northwind-dispatch.example", "/"): Route(
                200, b"<html><body>home</body></html>", html
            ),
            ("northwind-dispatch.example", "/robots.txt"): Route(
                200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"}
            ),
            ("northwind-dispatch.example", "/feed.xml"): Route(
                200, feed, {"Content-Type": "application/rss+xml"}
            ),
            ("northwind-dispatch.example", "/news-sitemap.xml"): Route(
                200,
                b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>',
                {"Content-Type": "application/xml"},
            ),
            ("northwind-dispatch.example", "/2026/05/16/harbour-inquiry.html"): Route(
                200, article, html
            ),
        }
    )


def run_as_written(command: str, home: Path, proxy: str) -> subprocess.CompletedProcess[str]:
    command = command.replace("/srv/provenance", str(home))
    env = {"PATH": "/usr/bin:/bin", "HTTP_PROXY": proxy, "PROVENANCE_CORPORA": "/nonexistent"}
    return subprocess.run(
        ["sh", "-c", command], env=env, cwd=home, capture_output=True, text=True, timeout=300
    )


def test_the_crontab_line_runs_as_written(tmp_path):
    [line] = [b for b in blocks("cron")]
    schedule, command = line.strip().split(" ", 5)[:5], line.strip().split(" ", 5)[5]
    assert len(schedule) == 5 and "%" not in command  # % would need escaping in a crontab
    home = scratch(tmp_path)
    server, _ = web()
    try:
        first = run_as_written(command, home, server.url)
        second = run_as_written(command, home, server.url)
    finally:
        server.shutdown()
        server.server_close()
    assert first.returncode == 0, (
        home / "watch.log"
    ).read_text()  # nothing new: one article, no copy
    assert second.returncode == 0
    log = (home / "watch.log").read_text()
    assert "run 1:" in log and "run 2:" in log and "\x1b[" not in log
    assert (home / "provenance.db").exists()
    assert (home / "reports" / "new-copies.jsonl").exists()


def test_the_systemd_units_are_valid_and_their_command_runs(tmp_path):
    service_text, timer_text = blocks("ini")[:2]
    service = configparser.ConfigParser(strict=True)
    service.optionxform = str  # systemd keys are case-sensitive
    service.read_string(service_text)
    timer = configparser.ConfigParser(strict=True)
    timer.optionxform = str
    timer.read_string(timer_text)
    assert service["Service"]["Type"] == "oneshot"
    assert (
        timer["Timer"]["OnCalendar"] == "hourly" and timer["Install"]["WantedBy"] == "timers.target"
    )
    success = {int(code) for code in service["Service"]["SuccessExitStatus"].split()}
    assert success == {
        3,
        5,
        6,
    }  # partial failures and new copies are not unit failures; 4 (lock) is
    home = scratch(tmp_path)
    workdir = service["Service"]["WorkingDirectory"]
    command = f"cd {workdir} && {service['Service']['ExecStart']}"
    server, _ = web()
    try:
        done = run_as_written(command, home, server.url)
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode in {0} | success, done.stderr
    assert "run 1:" in done.stderr
    listed = subprocess.run(
        [
            sys.executable,
            "-m",
            "provenance",
            "watch",
            "--store",
            str(home / "provenance.db"),
            "--since",
            "2000-01-01",
        ],
        capture_output=True,
        text=True,
    )
    assert listed.returncode == 0 and listed.stdout == ""
