"""--wayback: earliest captures as evidence, archived copies of gone pages (a local CDX server)."""

from __future__ import annotations

import json
import random
from urllib.parse import parse_qs, urlsplit

from typer.testing import CliRunner

from provenance.cli import app
from tests.servers import Route, running

runner = CliRunner()
HTML = {"Content-Type": "text/html; charset=utf-8"}
ORIGIN = "http://gone-gazette.example/news/2026/05/ferry-strike"
COPY = "http://reposter.example/ferry-strike"
SILENT = "http://silent-copy.example/p/ferry"


def text(seed: int, n: int = 320) -> str:
    rng = random.Random(seed)
    words = "ferry strike harbour union council crossing timetable wage talks island".split()
    return " ".join(f"{rng.choice(words)}{rng.randint(0, 9999)}" for _ in range(n))


BODY = text(1)


def page(title: str, extra: str = "", published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
        f"<p>{BODY}</p>{extra}</article></body></html>"
    ).encode()


class Web(dict):
    """Outlets, plus a Wayback Machine at archive.example (CDX API and id_ replays)."""

    captures = {
        ORIGIN: ["20260516080000", "20260520120000"],
        COPY: ["20260518090000"],
        SILENT: ["20260301090000"],
    }

    def get(self, key, default=None):
        host, path = key
        if host != "archive.example":
            return super().get(key, default)
        parts = urlsplit(path)
        if parts.path == "/cdx/search/cdx":
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            times = self.captures.get(query["url"], [])
            if query.get("limit") == "-1":
                times = times[-1:]
            rows = [["original", "timestamp"], *[[query["url"], t] for t in times[:1]]]
            return Route(200, json.dumps(rows).encode(), {"Content-Type": "application/json"})
        if parts.path.startswith("/web/20260520120000id_/"):
            return Route(200, page("Ferry strike", published="2026-05-16T08:00:00+00:00"), HTML)
        return Route(404, b"no capture", {"Content-Type": "text/plain"})


def web() -> Web:
    credit = f'<p>This article was originally published on <a href="{ORIGIN}">Gone Gazette</a></p>'
    return Web(
        {
            ("gone-gazette.example", "/news/2026/05/ferry-strike"): Route(
                404, b"gone", {"Content-Type": "text/html"}
            ),
            ("reposter.example", "/ferry-strike"): Route(
                200, page("Ferry strike", credit, "2026-05-18"), HTML
            ),
            ("silent-copy.example", "/p/ferry"): Route(200, page("Ferry strike"), HTML),
        }
    )


def lookup(proxy: str, store, *args: str):
    result = runner.invoke(
        app,
        [
            "lookup",
            "--store",
            str(store),
            "--proxy",
            proxy,
            "--delay",
            "0",
            "--wayback-url",
            "http://archive.example",
            "--json",
            *args,
        ],
    )
    return result


def test_a_gone_origin_is_read_from_its_archived_copy(store_path, other_store_path):
    with running(web()) as server:
        plain = lookup(server.url, store_path, COPY)
        assert plain.exit_code == 0, plain.output
        assert (
            next(n for n in json.loads(plain.stdout)["nodes"] if n["id"] == ORIGIN)["kind"]
            == "unfetched"
        )
        archived = lookup(server.url, other_store_path, "--wayback", COPY)
    assert archived.exit_code == 0, archived.output
    data = json.loads(archived.stdout)
    origin = next(n for n in data["nodes"] if n["id"] == ORIGIN)
    assert origin["kind"] == "article" and origin["published"].startswith("2026-05-16")
    assert origin["first_seen"].startswith("2026-05-16T08:00")  # its first capture, not our fetch
    [edge] = data["edges"]
    assert (edge["source"], edge["target"]) == (ORIGIN, COPY) and edge["similarity"] > 0.9
    assert any("/web/" in p for _, p, _ in server.requests)


def test_the_queried_page_itself_gone(store_path):
    with running(web()) as server:
        failed = lookup(server.url, store_path, ORIGIN)
        found = lookup(server.url, store_path, "--wayback", ORIGIN)
    assert failed.exit_code == 1 and "HTTP 404" in failed.stderr
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout)["query"] == ORIGIN


def test_first_captures_order_silent_copies(store_path):
    with running(web()) as server:
        runner.invoke(
            app, ["ingest", "--store", str(store_path), "--proxy", server.url, "--delay", "0", COPY]
        )
        runner.invoke(
            app,
            ["ingest", "--store", str(store_path), "--proxy", server.url, "--delay", "0", SILENT],
        )
        data = json.loads(lookup(server.url, store_path, "--wayback", SILENT).stdout)
    # the undated silent copy was captured in March, months before the repost was published
    silent = next(n for n in data["nodes"] if n["id"] == SILENT)
    assert silent["first_seen"].startswith("2026-03-01")
    edge = next(
        e
        for e in data["edges"] + data["other_edges"]
        if {e["source"], e["target"]} == {SILENT, COPY}
    )
    assert edge["source"] == SILENT
    assert any("not a publication date" in e["detail"] for e in edge["evidence"])
