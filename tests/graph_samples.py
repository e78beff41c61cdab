"""Graphs for the export, outlet and picture tests: the ingested sample web, a hostile graph, a big one."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from provenance.cli import app
from provenance.export import annotate
from provenance.graph import Node, build_graph
from provenance.models import Edge, Evidence
from tests.servers import SAMPLES

runner = CliRunner()

QUERY = "http://globalreview.example/kaldria-port-authority-shelved-quay-warnings/5619043"
ORIGIN = "http://northwind-dispatch.example/2026/05/16/harbour-inquiry.html"

# What a hostile page can put in its title or site name.
HOSTILE_TITLE = '<script>alert("t")</script> =HYPERLINK("http://evil.example") \\ "q" $5 & $x^2$'
HOSTILE_OUTLET = "<img src=x onerror=alert(1)>.example"


def ingest_sample(path: Path | str) -> Path | str:
    """A store holding scenario 1 of the sample web (8 articles, 15 verified pairs)."""
    import json

    warc = SAMPLES / "sample-web.warc.gz"
    key = json.loads((SAMPLES / "answer-key.json").read_text(encoding="utf-8"))
    urls = [key["origin"], *key["copies"], *key["not_copies"]]
    result = runner.invoke(app, ["ingest", "--store", str(path), "--archive", str(warc), *urls])
    assert result.exit_code == 0, result.output
    return path


def hostile_graph() -> nx.DiGraph:
    """Three articles whose texts try quotes, backslashes, formulas, markup and control characters."""
    a = Node(
        'http://origin.example/a?x=1&y="2"',
        'http://origin.example/a?x=1&y="2"',
        "origin.example",
        HOSTILE_TITLE + "\x0b\x1b[31m",
        "2026-05-16T09:10:00+01:00",
        "2026-05-21T08:00:00+00:00",
    )
    b = Node(
        "http://copy.example/b",
        "http://copy.example/b",
        "copy.example",
        "Zürich — 東京\nsecond line",
        "2026-05-17",
        "2026-05-21T08:01:00+00:00",
    )
    c = Node("http://undated.example/c", "http://undated.example/c", "undated.example", "-1 + 2")
    edges = [
        Edge(
            a.id,
            b.id,
            0.93,
            0.61,
            0.99,
            (Evidence("attribution", 'Source: "Origin" \\ <b>', a.id), Evidence("dateline", "X")),
            'copy.example copied origin.example: attribution "Source"',
        ),
        Edge(b.id, c.id, 0.2, 0.95, 1.0, (Evidence("first_seen", "later"),), "weak"),
    ]
    return annotate(build_graph([a, b, c], edges), names={"origin.example": "=Origin"})


def synthetic_graph(
    articles: int = 300, outlets: int = 120, roots: int = 12, seed: int = 3
) -> nx.DiGraph:
    """A forest of ``articles`` copies spread over ``outlets`` outlets, a tenth undated."""
    rng = random.Random(seed)
    names = [f"outlet{i:03d}.example" for i in range(outlets)]
    start = datetime(2026, 5, 1, tzinfo=UTC)
    nodes: list[Node] = []
    edges: list[Edge] = []
    pool: list[tuple[str, datetime]] = []
    for r in range(roots):
        when = start + timedelta(hours=rng.uniform(0, 24 * 20))
        url = f"http://{names[r % 8]}/story{r}"
        nodes.append(Node(url, url, names[r % 8], f"Story {r}", when.isoformat(), when.isoformat()))
        pool.append((url, when))
    i = 0
    while len(nodes) < articles:
        parent, then = rng.choice(pool)
        outlet = rng.choice(names[8:])
        when = then + timedelta(hours=rng.expovariate(1 / 20))
        url = f"http://{outlet}/copy{i}"
        i += 1
        published = when.isoformat() if rng.random() > 0.1 else None
        seen = (when + timedelta(hours=2)).isoformat()
        nodes.append(Node(url, url, outlet, f"Copy {i}", published, seen))
        edges.append(
            Edge(
                parent,
                url,
                rng.choice([0.95, 0.6, 0.2]),
                rng.uniform(0.5, 1.0),
                0.9,
                (Evidence("attribution", "x"),),
                "copied",
            )
        )
        pool.append((url, when))
    return annotate(build_graph(nodes, edges))
