"""Every export format read back by its own parser: nodes, edges and typed attributes survive."""

from __future__ import annotations

import csv
import json
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

import networkx as nx
import pydot
import pytest
from lxml import etree

from provenance.config import Settings
from provenance.export import (
    Selection,
    csv_paths,
    format_for,
    store_graph,
    unescape_csv_cell,
    write_graph,
)
from provenance.store import Store
from tests.graph_samples import ORIGIN, QUERY, hostile_graph, ingest_sample, runner

from provenance.cli import app  # isort: skip

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GEXF_NS = "{http://www.gexf.net/1.2draft}"
SCHEMA = Path(__file__).parent / "fixtures" / "graphml-subset.xsd"
FORMATS = ["graphml", "gexf", "json", "csv", "dot"]


@pytest.fixture(scope="module")
def sample_store(module_store_path: Path | str) -> Path | str:
    return ingest_sample(module_store_path)


@pytest.fixture(scope="module")
def sample_graph(sample_store: Path) -> nx.DiGraph:
    with Store.open(sample_store, Settings(), create=False) as db:
        return store_graph(db)


def export(store: Path, *args: str) -> Any:
    result = runner.invoke(app, ["export", "--store", str(store), *args])
    return result


# -- readers: each format read back by a parser of that format --------------------------


def read_gexf(path: Path) -> tuple[dict[str, Any], nx.DiGraph]:
    """A GEXF 1.2 reader (lxml): graph attributes, and a graph with typed attributes and times."""
    root = etree.parse(str(path)).getroot()
    graph_element = root.find(f"{GEXF_NS}graph")
    types: dict[tuple[str, str], tuple[str, str]] = {}
    for attributes in graph_element.findall(f"{GEXF_NS}attributes"):
        for attribute in attributes.findall(f"{GEXF_NS}attribute"):
            types[(attributes.get("class"), attribute.get("id"))] = (
                attribute.get("title"),
                attribute.get("type"),
            )
    cast = {"double": float, "float": float, "long": int, "integer": int, "string": str}

    def values(element: Any, klass: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for value in element.iterfind(f"{GEXF_NS}attvalues/{GEXF_NS}attvalue"):
            title, kind = types[(klass, value.get("for"))]
            raw = value.get("value")
            out[title] = raw == "true" if kind == "boolean" else cast[kind](raw)
        if element.get("start"):
            out["start"] = element.get("start")
        return out

    graph = nx.DiGraph()
    for node in graph_element.iterfind(f"{GEXF_NS}nodes/{GEXF_NS}node"):
        graph.add_node(node.get("id"), label=node.get("label"), **values(node, "node"))
    for edge in graph_element.iterfind(f"{GEXF_NS}edges/{GEXF_NS}edge"):
        data = values(edge, "edge")
        if edge.get("weight") is not None:
            data["weight"] = float(edge.get("weight"))
        graph.add_edge(edge.get("source"), edge.get("target"), **data)
    return dict(graph_element.attrib), graph


def read_csv(path: Path) -> nx.DiGraph:
    edges_path, nodes_path = csv_paths(path)
    graph = nx.DiGraph()
    with nodes_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            graph.add_node(unescape_csv_cell(row.pop("Id")), **row)
    with edges_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            source, target = (
                unescape_csv_cell(row.pop("Source")),
                unescape_csv_cell(row.pop("Target")),
            )
            assert row.pop("Type") == "Directed"
            graph.add_edge(source, target, **row)
    return graph


def dot_unquote(text: str) -> str:
    assert text.startswith('"') and text.endswith('"'), text
    out, i, body = [], 0, text[1:-1]
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"n": "\n", "\\": "\\", '"': '"'}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def read_dot(path: Path) -> nx.DiGraph:
    with warnings.catch_warnings():  # pydot 4 still calls pyparsing's pre-3.0 names
        warnings.simplefilter("ignore", DeprecationWarning)
        (parsed,) = pydot.graph_from_dot_data(path.read_text(encoding="utf-8"))
    graph = nx.DiGraph()
    for node in parsed.get_nodes():
        if node.get_name() in ("node", "edge", "graph"):  # the defaults statements
            continue
        name = dot_unquote(node.get_name())
        graph.add_node(name, **{k: dot_unquote(v) for k, v in node.get_attributes().items()})
    for edge in parsed.get_edges():
        graph.add_edge(
            dot_unquote(edge.get_source()),
            dot_unquote(edge.get_destination()),
            **{k: dot_unquote(v) for k, v in edge.get_attributes().items()},
        )
    return graph


def as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


# -- GraphML, the reference ----------------------------------------------------------------


def test_graphml_round_trips_with_typed_attributes(sample_store, sample_graph, tmp_path):
    out = tmp_path / "all.graphml"
    result = export(sample_store, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and "(8 nodes, 15 edges)" in result.stderr
    back = nx.read_graphml(out)
    assert set(back.nodes) == set(sample_graph.nodes)
    assert set(back.edges) == set(sample_graph.edges)
    for node, data in sample_graph.nodes(data=True):
        assert back.nodes[node] == data
    for source, target, data in sample_graph.edges(data=True):
        got = back.edges[source, target]
        assert got == data
        assert isinstance(got["confidence"], float) and isinstance(got["similarity"], float)
        assert isinstance(got["tree"], bool)
        kinds = [e["kind"] for e in json.loads(got["evidence"])]
        assert got["evidence_kinds"] == ",".join(dict.fromkeys(kinds))
    edge = back.edges[ORIGIN, QUERY]
    assert edge["tree"] is True and edge["lag_hours"] == pytest.approx(47.333, abs=0.01)
    assert back.nodes[ORIGIN]["role"] == "origin"
    assert back.nodes[ORIGIN]["outlet_name"] == "Northwind Dispatch"
    assert back.nodes[ORIGIN]["appeared"] == "2026-05-16T08:10:00Z"
    assert datetime.fromisoformat(back.nodes[ORIGIN]["published"]).utcoffset() is not None
    # 5 copies in the tree, 10 further verified pairs (mirrors also match the origin, each other)
    assert sum(1 for *_, d in back.edges(data=True) if d["tree"]) == 5


def test_graphml_is_valid_against_the_schema_and_typed(sample_store, tmp_path):
    out = tmp_path / "all.graphml"
    assert export(sample_store, "--out", str(out)).exit_code == 0
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = etree.parse(str(out))
    schema.assertValid(document)
    keys = {
        k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type"))
        for k in document.iterfind(f"{GRAPHML_NS}key")
    }
    expected = {
        ("edge", "confidence"): "double",
        ("edge", "similarity"): "double",
        ("edge", "containment"): "double",
        ("edge", "lag_hours"): "double",
        ("edge", "tree"): "boolean",
        ("edge", "evidence_kinds"): "string",
        ("edge", "evidence"): "string",
        ("node", "published"): "string",
        ("node", "first_seen"): "string",
        ("node", "appeared"): "string",
    }
    declared = {(domain, name): kind for domain, name, kind in keys.values()}
    for key, kind in expected.items():
        assert declared[key] == kind, key
    parse = {"double": float, "float": float, "long": int, "int": int, "string": str}
    for data in document.iter(f"{GRAPHML_NS}data"):
        domain, name, kind = keys[data.get("key")]
        owner = etree.QName(data.getparent()).localname
        assert domain in (owner, "all"), (name, owner)
        text = data.text or ""
        if kind == "boolean":
            assert text in ("true", "false")
        else:
            parse[kind](text)
        if name in ("published", "first_seen", "appeared") and text:
            datetime.fromisoformat(text)


def test_the_schema_check_is_not_vacuous(sample_store, tmp_path):
    out = tmp_path / "all.graphml"
    assert export(sample_store, "--out", str(out)).exit_code == 0
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    for breakage in (
        lambda doc: doc.find(f".//{GRAPHML_NS}data").set("key", "undeclared"),
        lambda doc: doc.find(f".//{GRAPHML_NS}edge").set("target", "http://nowhere.example/"),
        lambda doc: doc.find(f"{GRAPHML_NS}key").set("attr.type", "number"),
    ):
        document = etree.parse(str(out))
        breakage(document)
        assert not schema.validate(document)


# -- the other formats ---------------------------------------------------------------------


def test_gexf_is_dynamic_and_round_trips(sample_store, sample_graph, tmp_path):
    out = tmp_path / "all.gexf"
    assert export(sample_store, "--out", str(out)).exit_code == 0
    header, back = read_gexf(out)
    assert header["mode"] == "dynamic" and header["timeformat"] == "dateTime"
    assert header["defaultedgetype"] == "directed"
    assert set(back.edges) == set(sample_graph.edges)
    for node, data in sample_graph.nodes(data=True):
        got = back.nodes[node]
        assert got["start"] == data["appeared"]
        assert {k: v for k, v in got.items() if k != "start"} == data
    for source, target, data in sample_graph.edges(data=True):
        got = back.edges[source, target]
        assert got["start"] == max(data_of(sample_graph, source), data_of(sample_graph, target))
        assert {k: v for k, v in got.items() if k != "start"} == data
    # the timeline: the origin first, the undated copy at the time we first saw it
    starts = {n: back.nodes[n]["start"] for n in back.nodes}
    assert (
        min(starts.values())
        == starts["http://northwind-dispatch.example/2026/05/15/carrow-valley-railway-delay.html"]
    )
    assert starts[ORIGIN] < starts[QUERY]
    quiet = "http://quietcopy.example/read/port-authority-shelved-quay-warnings"
    assert back.nodes[quiet]["time_source"] == "first_seen"
    assert starts[quiet] == "2026-05-21T08:05:00Z"


def data_of(graph: nx.DiGraph, node: str) -> str:
    return str(graph.nodes[node]["appeared"])


def test_json_node_link_round_trips_exactly(sample_store, sample_graph, tmp_path):
    out = tmp_path / "all.json"
    assert export(sample_store, "--out", str(out)).exit_code == 0
    back = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    assert back.is_directed()
    assert dict(back.nodes(data=True)) == dict(sample_graph.nodes(data=True))
    assert {(s, t): d for s, t, d in back.edges(data=True)} == {
        (s, t): d for s, t, d in sample_graph.edges(data=True)
    }
    assert back.graph["level"] == "articles"


def test_csv_edge_and_node_lists_round_trip(sample_store, sample_graph, tmp_path):
    out = tmp_path / "all.csv"
    result = export(sample_store, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "all.nodes.csv") in result.stderr
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:3] == ["Source", "Target", "Type"]  # what Gephi's spreadsheet import reads
    nodes_header = (tmp_path / "all.nodes.csv").read_text().splitlines()[0].split(",")
    assert nodes_header[:2] == ["Id", "Label"]
    back = read_csv(out)
    assert set(back.nodes) == set(sample_graph.nodes)
    assert set(back.edges) == set(sample_graph.edges)
    for source, target, data in sample_graph.edges(data=True):
        got = back.edges[source, target]
        assert float(got["confidence"]) == data["confidence"]
        assert float(got["similarity"]) == data["similarity"]
        assert got["tree"] == ("true" if data["tree"] else "false")
        assert json.loads(got["evidence"]) == json.loads(data["evidence"])
        if "lag_hours" in data:
            assert float(got["lag_hours"]) == data["lag_hours"]
        else:
            assert got["lag_hours"] == ""
    for node, data in sample_graph.nodes(data=True):
        got = back.nodes[node]
        assert got["Label"] == data["label"]
        assert {k: unescape_csv_cell(got[k]) for k in data if k != "label"} == {
            k: v for k, v in data.items() if k != "label"
        }


def test_dot_parses_with_pydot_and_keeps_attributes(sample_store, sample_graph, tmp_path):
    out = tmp_path / "all.gv"
    assert export(sample_store, "--out", str(out)).exit_code == 0
    back = read_dot(out)
    assert set(back.nodes) == set(sample_graph.nodes)
    assert set(back.edges) == set(sample_graph.edges)
    for source, target, data in sample_graph.edges(data=True):
        got = back.edges[source, target]
        assert float(got["confidence"]) == data["confidence"]
        assert got["evidence"] == data["evidence"]
        assert got["style"] == ("solid" if data["tree"] else "dashed")
        assert got["color"].startswith("#")
    for node, data in sample_graph.nodes(data=True):
        got = back.nodes[node]
        assert got["title"] == data["title"] and got["published"] == data["published"]
        assert got["label"].startswith(data["outlet"] + "\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_strings_survive_every_format(fmt, tmp_path):
    graph = hostile_graph()
    path = write_graph(graph, tmp_path / f"hostile.{fmt}", fmt)
    a = next(n for n in graph.nodes if "origin" in n)
    title = graph.nodes[a]["title"]
    if fmt == "graphml":
        back = nx.read_graphml(path)
        assert back.nodes[a]["title"] == title.replace("\x0b", "").replace("\x1b", "")
        assert (
            back.edges[a, "http://copy.example/b"]["evidence"]
            == graph.edges[a, "http://copy.example/b"]["evidence"]
        )
    elif fmt == "gexf":
        _, back = read_gexf(path)
        assert back.nodes[a]["title"] == title.replace("\x0b", "").replace("\x1b", "")
        assert back.nodes["http://copy.example/b"]["title"] == "Zürich — 東京\nsecond line"
    elif fmt == "json":
        back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
        assert back.nodes[a]["title"] == title
    elif fmt == "csv":
        back = read_csv(path)
        raw_names = (tmp_path / "hostile.nodes.csv").read_text(encoding="utf-8")
        assert ",'=Origin," in raw_names  # a spreadsheet would run it as a formula otherwise
        assert ",'-1 + 2," in raw_names
        assert unescape_csv_cell(back.nodes[a]["title"]) == title
        assert unescape_csv_cell(back.nodes[a]["outlet_name"]) == "=Origin"
        assert back.nodes["http://copy.example/b"]["title"] == "Zürich — 東京\nsecond line"
    else:
        back = read_dot(path)
        assert back.nodes[a]["title"] == title
        assert back.nodes["http://copy.example/b"]["title"] == "Zürich — 東京\nsecond line"
        assert json.loads(back.edges[a, "http://copy.example/b"]["evidence"])[0]["detail"] == (
            'Source: "Origin" \\ <b>'
        )


# -- choosing the format, the file and the part of the store -------------------------------


@pytest.mark.parametrize(
    ("name", "explicit", "expected"),
    [
        ("g.graphml", None, "graphml"),
        ("g.GEXF", None, "gexf"),
        ("g.json", None, "json"),
        ("g.csv", None, "csv"),
        ("g.dot", None, "dot"),
        ("g.gv", None, "dot"),
        ("g.xml", None, "graphml"),
        ("g.json", "gexf", "gexf"),
    ],
)
def test_format_from_option_or_extension(name, explicit, expected):
    assert format_for(Path(name), explicit) == expected


def test_default_file_goes_into_graphs_with_the_format_extension(
    sample_store, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    result = export(sample_store, "--format", "gexf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graphs" / "provenance.gexf").exists()
    result = export(sample_store, "--format", "dot", "--outlet-graph")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graphs" / "outlets.dot").exists()


def test_selection_by_url_outlet_and_time_window(sample_store, tmp_path):
    def nodes(*args: str) -> set[str]:
        out = tmp_path / "part.json"
        result = export(sample_store, "--out", str(out), *args)
        assert result.exit_code == 0, result.output
        return {n["id"] for n in json.loads(out.read_text())["nodes"]}

    component = nodes("--url", QUERY)
    assert len(component) == 6 and ORIGIN in component
    assert nodes("--outlet", "briefs-daily.example") == component
    assert nodes("--outlet", "harbour-times.example") == {
        "http://harbour-times.example/news/essly-quay-collapse-hearings-begin"
    }
    # publication time, else first-seen time, in [since, until]: 18 and 19 May
    window = nodes("--since", "2026-05-18", "--until", "2026-05-19")
    assert window == {
        QUERY,
        "http://mirror-one.example/2026/05/19/kaldria-port-authority-shelved-quay-warnings/",
    }
    assert nodes(
        "--url", QUERY, "--since", "2026-05-17T00:00:00+00:00", "--until", "2026-05-17"
    ) == {"http://briefs-daily.example/2026/05/17/port-essly-inquiry-brief.html"}
    with Store.open(sample_store, Settings(), create=False) as db:
        graph = store_graph(
            db, selection=Selection(since=datetime.fromisoformat("2026-05-18T00:00:00+00:00"))
        )
    assert graph.has_edge(
        QUERY, "http://newsflow-mirror.example/world/kaldria-port-inquiry-quay-warnings-4471.html"
    )
    assert ORIGIN not in graph


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--format", "xls"], 2, "unknown format"),
        (["--since", "last tuesday"], 2, "not an ISO-8601 date"),
        (["--outlet", "nowhere.example"], 1, "no article from nowhere.example"),
        (["--url", "http://nowhere.example/x"], 1, "not in the store"),
    ],
)
def test_export_errors_are_one_line(sample_store, args, code, message):
    result = export(sample_store, *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unwritable_destination_is_a_clean_error(sample_store, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = export(sample_store, "--out", str(blocker / "g.graphml"))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr
    assert not list(tmp_path.glob("**/*.tmp"))


def test_lookup_graphml_carries_the_export_attributes(sample_store, tmp_path):
    out = tmp_path / "lookup.graphml"
    result = runner.invoke(
        app,
        [
            "lookup",
            "--store",
            str(sample_store),
            "--archive",
            str(Path(__file__).parent.parent / "samples" / "sample-web.warc.gz"),
            "--graphml",
            str(out),
            QUERY,
        ],
    )
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out)
    assert back.edges[ORIGIN, QUERY]["tree"] is True
    assert back.nodes[QUERY]["role"] == "copy"
