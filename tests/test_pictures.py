"""Pictures (timeline, outlet network), the HTML report and the terminal tree: drawn, read back, checked."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from lxml import etree
from lxml import html as lxml_html
from PIL import Image

from provenance.draw import draw_outlets, draw_tree
from provenance.export import STRENGTH_COLORS, annotate, strength
from provenance.graph import Node, build_graph, provenance_tree
from provenance.models import Edge, Evidence
from provenance.outlets_graph import build_outlet_graph
from provenance.pipeline import LookupResult
from provenance.render import render_tree, use_color
from provenance.report import render_html
from tests.graph_samples import (
    HOSTILE_OUTLET,
    HOSTILE_TITLE,
    QUERY,
    hostile_graph,
    ingest_sample,
    runner,
    synthetic_graph,
)
from tests.servers import SAMPLES

from provenance.cli import app  # isort: skip

SVG = "{http://www.w3.org/2000/svg}"
OUTLETS = [
    "northwind-dispatch.example",
    "briefs-daily.example",
    "globalreview.example",
    "mirror-one.example",
    "newsflow-mirror.example",
    "quietcopy.example",
]


@pytest.fixture(scope="module")
def sample_store(module_store_path: Path | str) -> Path | str:
    return ingest_sample(module_store_path)


@pytest.fixture(scope="module")
def drawn(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One lookup drawing every picture at once (the slow part, shared by the tests)."""
    folder = tmp_path_factory.mktemp("drawn")
    files = {k: folder / f"lookup.{k}" for k in ("png", "svg", "html")}
    result = runner.invoke(
        app,
        [
            "lookup",
            "--store",
            str(sample_store),
            "--archive",
            str(SAMPLES / "sample-web.warc.gz"),
            *(arg for k, path in files.items() for arg in (f"--{k}", str(path))),
            QUERY,
        ],
    )
    assert result.exit_code == 0, result.output
    files["stdout"] = folder / "stdout.txt"
    files["stdout"].write_text(result.stdout, encoding="utf-8")
    as_json = runner.invoke(
        app,
        [
            "lookup",
            "--store",
            str(sample_store),
            "--archive",
            str(SAMPLES / "sample-web.warc.gz"),
            "--json",
            QUERY,
        ],
    )
    assert as_json.exit_code == 0, as_json.output
    files["json"] = folder / "lookup.json"
    files["json"].write_text(as_json.stdout, encoding="utf-8")
    return files


def tree_edges(drawn: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """The lookup's tree edges by copy outlet (expected values come from the lookup itself)."""
    data = json.loads(drawn["json"].read_text(encoding="utf-8"))
    outlet = {n["id"]: n["outlet"] for n in data["nodes"]}
    return {outlet[e["target"]]: e for e in data["edges"]}


def svg_texts(content: bytes) -> list[str]:
    root = etree.fromstring(content)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def marker_count(content: bytes) -> int:
    """Points drawn by scatter: <use> marks (one shape repeated) or paths (one per size)."""
    root = etree.fromstring(content)
    count = 0
    for group in root.iter(f"{SVG}g"):
        if (group.get("id") or "").startswith("PathCollection"):
            uses = list(group.iter(f"{SVG}use"))
            count += len(uses) if uses else len(group.findall(f"{SVG}path"))
    return count


def pixels_near(image: Image.Image, hex_color: str, tolerance: int = 30) -> int:
    target = tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    rgb = image.convert("RGB")
    return sum(
        count
        for count, color in rgb.getcolors(maxcolors=rgb.width * rgb.height) or []
        if all(abs(c - t) <= tolerance for c, t in zip(color, target, strict=True))
    )


# -- the timeline of a lookup -------------------------------------------------------------


def test_lookup_png_shows_the_tree_coloured_by_evidence(drawn):
    image = Image.open(drawn["png"])
    assert image.format == "PNG"
    assert image.width >= 800 and 300 <= image.height <= 1200
    classes = [strength(e["confidence"]) for e in tree_edges(drawn).values()]
    for klass, color in STRENGTH_COLORS.items():
        if klass in classes:  # each link class drawn in its colour (about 150+ px a link)
            assert pixels_near(image, color) > 150 * classes.count(klass), klass
        else:
            assert pixels_near(image, color, tolerance=10) < 150, klass  # the legend's only
    assert pixels_near(image, "#1f4e79") > 50  # the origin's marker


def test_lookup_svg_has_a_node_and_a_label_per_article(drawn):
    content = drawn["svg"].read_bytes()
    texts = svg_texts(content)
    for outlet in OUTLETS:
        assert sum(1 for t in texts if t.startswith(outlet)) == 1, outlet
    edges = tree_edges(drawn)
    quiet = next(t for t in texts if t.startswith("quietcopy.example"))
    assert "undated (first seen 2026-05-21 08:05)" in quiet
    assert f"conf {edges['quietcopy.example']['confidence']:.2f}" in quiet
    brief = next(t for t in texts if t.startswith("briefs-daily.example"))
    assert "2026-05-17 05:45  +22h" in brief
    assert f"sim {edges['briefs-daily.example']['similarity']:.2f}" in brief
    assert any("times in UTC" in t for t in texts)
    assert "strong evidence" in texts
    # six articles (five dated, filled; one hollow), and the ring round the queried one
    assert marker_count(content) == 6 + 1


def test_lookup_without_picture_options_is_unchanged(drawn):
    text = drawn["stdout"].read_text(encoding="utf-8")
    assert text.startswith("Origin: northwind-dispatch.example")
    assert "5 copies known." in text
    assert "\x1b[" not in text


def test_forest_and_outlet_network_from_export(sample_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        app, ["export", "--store", str(sample_store), "--svg", "forest.svg", "--png", "forest.png"]
    )
    assert result.exit_code == 0, result.output
    assert "drew forest.svg" in result.stderr
    assert not (tmp_path / "graphs").exists()  # only pictures asked for: no graph file
    texts = svg_texts((tmp_path / "forest.svg").read_bytes())
    assert any("2 article(s) with no known copy not drawn" in t for t in texts)
    assert Image.open(tmp_path / "forest.png").width > 600

    result = runner.invoke(
        app, ["export", "--store", str(sample_store), "--outlet-graph", "--svg", "o.svg"]
    )
    assert result.exit_code == 0, result.output
    content = (tmp_path / "o.svg").read_bytes()
    texts = svg_texts(content)
    assert set(OUTLETS) <= set(texts)
    assert "harbour-times.example" not in texts  # no link: not drawn, and said so
    assert any("1 outlet(s) with no link not drawn" in t for t in texts)
    assert "mirror community" in texts
    assert marker_count(content) == 6
    edge_labels = [t for t in texts if t.startswith("1 · ") or t == "1"]
    assert len(edge_labels) == 5 and "1 · +22h" in edge_labels


def test_outlets_command_draws_png(sample_store, tmp_path):
    out = tmp_path / "outlets.png"
    result = runner.invoke(app, ["outlets", "--store", str(sample_store), "--png", str(out)])
    assert result.exit_code == 0, result.output
    image = Image.open(out)
    assert image.width >= 700 and image.height >= 500
    assert pixels_near(image, "#e08214") > 500  # copiers
    assert pixels_near(image, "#1f4e79") > 200  # the origin


def test_hostile_text_is_drawn_literally_and_escaped():
    graph = hostile_graph()
    nx.set_node_attributes(graph, {"http://copy.example/b": HOSTILE_OUTLET}, "outlet")
    picture = draw_tree(graph, None, fmt="svg")
    content = picture.content
    assert b"<script" not in content and b"<img" not in content
    texts = svg_texts(content)  # the parser gives back the very text: escaped, not stripped
    assert any(t.startswith(HOSTILE_OUTLET) for t in texts)
    assert any('<script>alert("t")</script> =HYPERLINK' in t for t in texts)  # $ is no math
    assert picture.nodes == 3
    # a dollar sign is text, not mathtext (which would also fail on unbalanced ones)
    nx.set_node_attributes(graph, {"http://copy.example/b": "cash$5$-$x^2$.example"}, "outlet")
    texts = svg_texts(draw_tree(graph, None, fmt="svg").content)
    assert any(t.startswith("cash$5$-$x^2$.example  2026-05-17") for t in texts)
    assert any(t.startswith("undated.example  undated  sim") for t in texts)
    nx.set_node_attributes(graph, {"http://copy.example/b": "one $ alone"}, "outlet")
    png = draw_tree(graph, None, fmt="png")
    assert Image.open(io.BytesIO(png.content)).height > 100


def test_empty_graphs_still_draw():
    for draw in (draw_tree, draw_outlets):
        picture = draw(nx.DiGraph(), None, fmt="svg")
        assert picture.nodes == 0
        assert any("no republication" in t for t in svg_texts(picture.content))


# -- a few hundred nodes --------------------------------------------------------------------


def test_three_hundred_articles_stay_legible():
    graph = synthetic_graph(articles=300, outlets=120)
    started = time.perf_counter()
    picture = draw_tree(graph, None, fmt="png")
    elapsed = time.perf_counter() - started
    assert elapsed < 20, elapsed
    linked = sum(1 for n in graph if graph.degree(n))  # a story nobody copied is left out
    assert 290 <= picture.nodes == linked
    assert len(picture.labels) == linked  # every article named
    image = Image.open(io.BytesIO(picture.content))
    assert image.height >= 300 * 12  # rows grow with the tree: at least 12 px each
    assert image.width <= 1600

    outlets = build_outlet_graph(graph)
    started = time.perf_counter()
    network = draw_outlets(outlets, None, fmt="png", max_labels=60)
    elapsed = time.perf_counter() - started
    assert elapsed < 20, elapsed
    assert network.nodes == sum(1 for n in outlets if outlets.degree(n))
    assert 10 <= len(network.labels) < 60  # the most linked are named, none overlapping
    boxes = network.label_boxes
    assert len(boxes) == len(network.labels)
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        for a0, b0, a1, b1 in boxes[i + 1 :]:
            assert x1 <= a0 or a1 <= x0 or y1 <= b0 or b1 <= y0, "labels overlap"
    ranked = sorted(
        outlets.nodes,
        key=lambda n: -(outlets.nodes[n]["out_weight"] + outlets.nodes[n]["in_weight"]),
    )
    assert ranked[0] in network.labels


# -- the HTML report -------------------------------------------------------------------------


def test_html_report_is_self_contained_with_tree_and_evidence(drawn):
    text = drawn["html"].read_text(encoding="utf-8")
    document = lxml_html.fromstring(text)
    assert not document.xpath("//script | //link | //iframe | //object | //embed")
    assert not document.xpath("//*[@src]")  # nothing to fetch
    assert not [a for el in document.iter() for a in el.attrib if a.lower().startswith("on")]
    csp = document.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]
    svg = document.xpath("//figure/*[local-name()='svg']")
    assert len(svg) == 1
    figure_text = " ".join(svg[0].itertext())
    assert all(outlet in figure_text for outlet in OUTLETS)
    tables = document.xpath("//table")
    assert len(tables) == 2  # the tree's copies, then the other verified pairs
    rows = tables[0].xpath(".//tr[td]")
    assert len(rows) == 5
    copies = [row.xpath("./td[1]/b/text()")[0] for row in rows]
    assert sorted(copies) == sorted(OUTLETS[1:])
    edges = tree_edges(drawn)
    for copy, row in zip(copies, rows, strict=True):
        expected = edges[copy]
        assert row.xpath("./td[7]/@class")[0] == f"num {strength(expected['confidence'])}"
        assert row.xpath("./td[7]/text()")[0] == f"{expected['confidence']:.2f}"
        assert expected["explanation"] in row.text_content()
        kinds = [li.xpath("./b/text()")[0] for li in row.xpath(".//ul[@class='ev']/li")]
        assert kinds == [e["kind"] for e in expected["evidence"]]
    assert len(tables[1].xpath(".//tr[td]")) == 10
    assert "5 copies known." in document.xpath("//pre")[0].text_content()


def test_html_report_escapes_what_hostile_pages_say():
    evil = "javascript:alert(1)"
    a = Node(evil, evil, HOSTILE_OUTLET, HOSTILE_TITLE, "2026-05-16T09:10:00+01:00")
    b = Node("http://copy.example/b", "http://copy.example/b", "copy.example", "</title><b>x", None)
    edge = Edge(
        evil,
        b.id,
        0.9,
        0.8,
        1.0,
        (Evidence("attribution", "<iframe src=//evil.example>", evil),),
        'copy.example copied "<svg onload=alert(1)>"',
    )
    graph = annotate(build_graph([a, b], [edge]))
    tree = provenance_tree(graph)
    result = LookupResult(b.id, graph, tree, evil, 0.9, [("http://x.example/<script>", "<b>")])
    text = render_html(result)
    document = lxml_html.fromstring(text)
    assert not document.xpath("//script | //iframe | //img | //b[text()='x']")
    assert not [a for el in document.iter() for a in el.attrib if a.lower().startswith("on")]
    assert not [h for h in document.xpath("//a/@href") if not h.startswith("http")]
    assert document.xpath("//title")[0].text == "Provenance: </title><b>x"
    body = document.text_content()
    assert HOSTILE_TITLE in body and HOSTILE_OUTLET in body
    assert "<iframe src=//evil.example>" in body and "<svg onload=alert(1)>" in body


# -- the terminal --------------------------------------------------------------------------


def _tree_result() -> LookupResult:
    graph = hostile_graph()
    tree = provenance_tree(graph)
    origin = next(n for n in graph if "origin" in n)
    return LookupResult("http://copy.example/b", graph, tree, origin, 0.93)


def test_terminal_tree_colours_only_when_asked_and_strips_escapes():
    result = _tree_result()
    plain = render_tree(result, color=False)
    coloured = render_tree(result, color=True)
    assert "\x1b" not in plain and "\x0b" not in plain
    assert "\x1b[32m" in coloured and "\x1b[31m" in coloured  # strong and weak links
    # every escape is one of ours: the page's own ESC never reaches the terminal
    ours = {"\x1b[32m", "\x1b[33m", "\x1b[31m", "\x1b[2m", "\x1b[1m", "\x1b[0m"}
    escapes = re.findall("\x1b\\[[0-9;]*[A-Za-z]", coloured)
    assert set(escapes) <= ours and len(escapes) == coloured.count("\x1b")
    assert re.sub("\x1b\\[[0-9;]*m", "", coloured) == plain
    copy = next(line for line in plain.splitlines() if line.startswith("└── copy.example"))
    assert "2026-05-17" in copy and "sim 0.61" in copy and "conf 0.93" in copy
    assert "+16h" in copy  # 16 May 08:10 UTC -> 17 May 00:00 UTC: 15 h 50 min
    assert "copy.example copied origin.example" in plain  # the one-line explanation
    assert "Zürich — 東京 second line" in plain  # a title's line break does not break the tree


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_colour_only_on_a_terminal(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert use_color(_Stream(True))
    assert not use_color(_Stream(False))
    assert not use_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(_Stream(True))
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not use_color(_Stream(True))
