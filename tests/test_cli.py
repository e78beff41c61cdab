"""The command line end to end: real HTTP through --proxy, WARC replay, exit codes, output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.config import Settings
from provenance.store import Store
from tests.servers import Route, serve

runner = CliRunner()


def run(*args: str, input: str | None = None) -> Any:
    return runner.invoke(app, list(args), input=input)


def all_sample_urls(key: dict[str, Any]) -> list[str]:
    return [key["origin"], *key["copies"], *key["not_copies"]]


def test_ingest_then_lookup_through_proxy(outlet_web, store_path, answer_key):
    result = run(
        "ingest",
        "--store",
        str(store_path),
        "--proxy",
        outlet_web.url,
        *all_sample_urls(answer_key),
    )
    assert result.exit_code == 0, result.output
    assert "8 new" in result.output
    # every request went through our proxy, each outlet under its own host name
    hosts = {host for host, _, _ in outlet_web.requests}
    assert {"northwind-dispatch.example", "globalreview.example", "quietcopy.example"} <= hosts

    result = run(
        "lookup",
        "--store",
        str(store_path),
        "--proxy",
        outlet_web.url,
        "--json",
        answer_key["query"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == answer_key["query"]
    assert data["origin"]["url"] == answer_key["origin"]
    assert data["origin"]["outlet"] == answer_key["origin_outlet"]
    assert data["origin"]["published"].startswith("2026-05-16")
    assert 0.9 <= data["origin"]["confidence"] <= 1.0
    parents = {e["target"]: e["source"] for e in data["edges"]}
    assert parents == answer_key["copies"]
    urls = {n["url"] for n in data["nodes"]}
    assert not urls & set(answer_key["not_copies"])
    for edge in data["edges"]:
        assert set(edge) >= {
            "source",
            "target",
            "confidence",
            "similarity",
            "containment",
            "evidence",
            "explanation",
        }
        assert 0.0 <= edge["confidence"] <= 1.0
        assert all(set(e) >= {"kind", "detail"} for e in edge["evidence"])
        assert edge["explanation"]
    aggregator = next(e for e in data["edges"] if e["target"] == answer_key["query"])
    kinds = [e["kind"] for e in aggregator["evidence"]]
    assert kinds[0] == "attribution"
    assert (
        "The original source of this article is Northwind Dispatch"
        in aggregator["evidence"][0]["detail"]
    )


def test_lookup_on_empty_store_follows_the_credit_to_the_origin(outlet_web, store_path, answer_key):
    result = run(
        "lookup",
        "--store",
        str(store_path),
        "--proxy",
        outlet_web.url,
        "--json",
        answer_key["query"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["origin"]["url"] == answer_key["origin"]
    fetched = {path for _, path, _ in outlet_web.requests}
    assert "/2026/05/16/harbour-inquiry.html" in fetched


def test_depth_zero_does_not_follow_credits(outlet_web, store_path, answer_key):
    result = run(
        "lookup",
        "--store",
        str(store_path),
        "--proxy",
        outlet_web.url,
        "--json",
        "--depth",
        "0",
        answer_key["query"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # the origin is not fetched, but it is still named as the credited origin
    assert data["origin"]["url"] == answer_key["origin"]
    assert next(n for n in data["nodes"] if n["url"] == answer_key["origin"])["kind"] == "unfetched"
    assert [p for _, p, _ in outlet_web.requests if p != "/robots.txt"] == [
        "/kaldria-port-authority-shelved-quay-warnings/5619043"
    ]


def test_named_only_outlet_becomes_the_credited_origin(store_path, tmp_path):
    body = " ".join(f"word{i % 97} filler{i % 89} text{i}" for i in range(300))
    page = (
        f"<html><body><article><h1>Wire story</h1><p>{body}</p>"
        "<p>The original source of this article is Kestrel Wire Service</p></article></body></html>"
    )
    server, thread = serve(
        {("reposter.example", "/a"): Route(200, page.encode(), {"Content-Type": "text/html"})}
    )
    try:
        result = run(
            "lookup",
            "--store",
            str(store_path),
            "--proxy",
            server.url,
            "--json",
            "http://reposter.example/a",
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["origin"]["url"] is None
    assert data["origin"]["outlet"] == "Kestrel Wire Service"
    assert data["edges"][0]["source"] == "outlet:Kestrel Wire Service"


def test_warc_replay_gives_the_same_tree(sample_warc, store_path, answer_key):
    result = run("ingest", "--store", str(store_path), "--warc", str(sample_warc), "--workers", "1")
    assert result.exit_code == 0, result.output
    result = run(
        "lookup",
        "--store",
        str(store_path),
        "--archive",
        str(sample_warc),
        "--json",
        answer_key["redirect"]["from"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == answer_key["redirect"]["to"]
    assert {e["target"]: e["source"] for e in data["edges"]} == answer_key["copies"]


def test_a_second_ingest_in_the_same_second_fetches_again(outlet_web, store_path, answer_key):
    """A run that starts in the second the last one finished still fetches (to check for
    changes); it is not mistaken for a worker that ran beside it ("elsewhere")."""
    url = answer_key["origin"]
    args = ["ingest", "--store", str(store_path), "--proxy", outlet_web.url, url]
    assert run(*args).exit_code == 0  # creates the store first: the timed runs are quick
    time.sleep(1.02 - time.time() % 1)  # at the start of a second
    first, second = run(*args), run(*args)
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert "unchanged" in second.output and "elsewhere" not in second.output
    fetched = [path for _, path, _ in outlet_web.requests if path != "/robots.txt"]
    assert len(fetched) == 3, fetched


def test_ingest_twice_adds_nothing(sample_warc, store_path, sample_articles):
    assert (
        run(
            "ingest", "--store", str(store_path), "--warc", str(sample_warc), "--workers", "1"
        ).exit_code
        == 0
    )
    counts = []
    for _ in range(2):
        with Store.open(store_path, Settings(), create=False) as db:
            counts.append(db.counts())
        result = run(
            "ingest", "--store", str(store_path), "--warc", str(sample_warc), "--workers", "1"
        )
        assert result.exit_code == 0
        assert f"{sample_articles} unchanged" in result.output
    assert counts[0] == counts[1]


def test_graphml_written_by_lookup_and_export_round_trips(
    sample_warc, store_path, tmp_path, answer_key, sample_articles
):
    assert (
        run(
            "ingest", "--store", str(store_path), "--warc", str(sample_warc), "--workers", "1"
        ).exit_code
        == 0
    )
    out = tmp_path / "lookup.graphml"
    result = run(
        "lookup",
        "--store",
        str(store_path),
        "--archive",
        str(sample_warc),
        "--graphml",
        str(out),
        answer_key["query"],
    )
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert graph.has_edge(answer_key["origin"], answer_key["query"])
    data = graph.edges[answer_key["origin"], answer_key["query"]]
    assert isinstance(data["confidence"], float) and data["confidence"] > 0.9
    assert "attribution" in data["evidence_kinds"].split(",")
    assert json.loads(data["evidence"])[0]["kind"] == "attribution"
    assert graph.nodes[answer_key["origin"]]["outlet"] == "northwind-dispatch.example"

    whole = tmp_path / "all.graphml"
    result = run("export", "--store", str(store_path), "--out", str(whole))
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(whole)
    assert graph.number_of_nodes() == sample_articles
    assert set(answer_key["not_copies"]) <= set(graph.nodes)
    assert all(graph.degree(u) == 0 for u in answer_key["not_copies"])

    as_json = tmp_path / "part.json"
    result = run(
        "export", "--store", str(store_path), "--out", str(as_json), "--url", answer_key["query"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(as_json.read_text())
    assert len(data["nodes"]) == 6


def test_export_defaults_into_graphs_folder(sample_warc, store_path, tmp_path, monkeypatch):
    assert (
        run(
            "ingest", "--store", str(store_path), "--warc", str(sample_warc), "--workers", "1"
        ).exit_code
        == 0
    )
    monkeypatch.chdir(tmp_path)
    result = run("export", "--store", str(store_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graphs" / "provenance.graphml").exists()


def test_lookup_of_a_saved_page_and_of_stdin_text(
    sample_warc, store_path, answer_key, tmp_path, sample_articles
):
    assert (
        run(
            "ingest", "--store", str(store_path), "--warc", str(sample_warc), "--workers", "1"
        ).exit_code
        == 0
    )
    from tests.servers import SAMPLES

    manifest = json.loads((SAMPLES / "manifest.json").read_text())["records"]
    page = next(r["file"] for r in manifest if r["url"] == answer_key["query"])
    saved = tmp_path / "saved.html"
    saved.write_bytes((SAMPLES / page).read_bytes())
    result = run(
        "lookup", "--store", str(store_path), "--archive", str(sample_warc), "--json", str(saved)
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["origin"]["url"] == answer_key["origin"]
    assert data["query"] == saved.resolve().as_uri()

    from provenance.extract import extract

    text = extract((SAMPLES / page).read_text(encoding="utf-8"), answer_key["query"]).text
    result = run(
        "lookup",
        "--store",
        str(store_path),
        "--archive",
        str(sample_warc),
        "--json",
        "-",
        input=text,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["origin"]["url"] == answer_key["origin"]
    # a text held only as a copy is matched, never stored
    assert (
        run("export", "--store", str(store_path), "--out", str(tmp_path / "g.json")).exit_code == 0
    )
    assert len(json.loads((tmp_path / "g.json").read_text())["nodes"]) == sample_articles


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["lookup", "ftp://example.org/x"], 2, "not an http(s) URL"),
        (["lookup", "http://user:pw@example.org/x"], 2, "credentials"),
        (["lookup", "http://no-such-outlet.example/x"], 1, "not in the archive"),
        (["lookup", "http://northwind-dispatch.example/report.pdf"], 1, "not an HTML page"),
        (["ingest"], 2, "nothing to ingest"),
        (["export", "--format", "xls"], 2, "unknown format"),
    ],
)
def test_errors_are_one_line_with_documented_exit_codes(
    args, code, message, store_path, sample_warc
):
    full = [args[0], "--store", str(store_path), "--archive", str(sample_warc), *args[1:]]
    if args[0] == "export":
        run("ingest", "--store", str(store_path), "--warc", str(sample_warc), "--workers", "1")
        full = [args[0], "--store", str(store_path), *args[1:]]
    result = run(*full)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_ingest_batch_carries_on_past_bad_items(outlet_web, store_path, answer_key, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "\n".join(
            [
                answer_key["origin"],
                "not a url",
                answer_key["non_html"],
                "http://gone.example/404",
                answer_key["query"],
            ]
        )
    )
    result = run(
        "ingest", "--store", str(store_path), "--proxy", outlet_web.url, "--from-file", str(listing)
    )
    assert result.exit_code == 3, result.output
    assert "2 new" in result.stderr and "3 failed" in result.stderr
    assert "not an HTML page" in result.stderr and "HTTP 404" in result.stderr
    with Store.open(store_path, Settings(), create=False) as db:
        reasons = [reason for _, reason, _ in db.failures()]
    assert any("HTTP 404" in r for r in reasons)


def test_a_store_that_is_not_a_store(tmp_path, answer_key, sample_warc):  # a file's bytes
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    result = run(
        "lookup", "--store", str(bogus), "--archive", str(sample_warc), answer_key["query"]
    )
    assert result.exit_code == 1
    assert "not a provenance store" in result.stderr
    assert bogus.read_bytes() == b"this is not sqlite" * 100


def test_every_command_has_help_with_an_example():
    for command in ("ingest", "lookup", "export"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example: provenance " + command in " ".join(result.output.split())
        for option in ("--store", "--proxy", "--archive", "--verbose", "--quiet"):
            assert option in result.output


def test_python_dash_m_and_console_script(store_path, sample_warc, answer_key, sample_articles):
    env = {**os.environ, "PROVENANCE_STORE": str(store_path)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "provenance",
            "ingest",
            "--warc",
            str(sample_warc),
            "--workers",
            "1",
            "-q",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with Store.open(store_path, Settings(), create=False) as db:  # PROVENANCE_STORE chose it
        assert db.count_articles() == sample_articles
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "provenance",
            "lookup",
            "--archive",
            str(sample_warc),
            answer_key["query"],
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Origin: northwind-dispatch.example")
    assert "\x1b[" not in done.stdout  # no colours when not on a terminal
    assert "mirror-one.example" in done.stdout and "5 copies known." in done.stdout


def test_proxy_environment_variable_is_honoured(outlet_web, store_path, answer_key, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", outlet_web.url)
    result = run(
        "lookup", "--store", str(store_path), "--json", "--depth", "0", answer_key["query"]
    )
    assert result.exit_code == 0, result.output
    assert outlet_web.requests


def test_user_agent_is_configurable(outlet_web, store_path, answer_key):
    run(
        "lookup",
        "--store",
        str(store_path),
        "--proxy",
        outlet_web.url,
        "--depth",
        "0",
        "--user-agent",
        "ResearchBot/9",
        answer_key["query"],
    )
    assert outlet_web.requests[0][2]["User-Agent"] == "ResearchBot/9"


def test_index_parameters_are_checked_when_the_store_is_opened(store_path, sample_warc):
    from provenance import ConfigError

    Store.open(store_path, Settings()).close()
    with pytest.raises(ConfigError, match="num_perm=128"):
        Store.open(store_path, Settings(num_perm=256, lsh_bands=64, lsh_rows=4))


@pytest.mark.parametrize("command", ["ingest", "lookup"])
def test_a_bad_proxy_is_a_usage_error_before_any_work(command, tmp_path):
    """Caught when the fetcher is made, not at its first request (made late, to spare
    lookups answered from the store its TLS set-up)."""
    store = tmp_path / "store.db"
    result = run(command, "--store", str(store), "--proxy", "ftp://x", "http://127.0.0.1:9/x")
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        "provenance: error: invalid proxy URL: Unknown scheme for proxy URL URL('ftp://x')"
    )


def test_a_user_agent_httpx_cannot_send_is_a_usage_error(tmp_path):
    """Not a failure of every URL (and of its robots.txt) once the client is made."""
    store = tmp_path / "store.db"
    result = run("ingest", "--store", str(store), "--user-agent", "botée", "http://127.0.0.1:9/x")
    assert result.exit_code == 2, result.output
    assert "user agent must be printable ASCII" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
