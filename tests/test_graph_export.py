"""graph + export: the republication graph, the provenance tree, and GraphML/JSON files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from provenance.config import Settings
from provenance.errors import ConfigError, StoreError
from provenance.export import format_for, store_graph, write_graph
from provenance.graph import Node, build_graph, provenance_tree, root_of
from provenance.models import Article, Edge, Evidence
from provenance.pipeline import commit, prepare_article
from provenance.store import Store

ORIGIN = "https://northwind-dispatch.example/2026/05/16/bridge"
AGGREGATOR = "https://newshub.example/a/123"
MIRROR = "https://mirror-site.example/newshub/123"
OTHER = "https://globe.example/news/bridge"


def node(url: str, **fields: str) -> Node:
    return Node(url, url, url.split("/")[2], **fields)


def edge(source: str, target: str, confidence: float, similarity: float, **fields: object) -> Edge:
    return Edge(source, target, confidence, similarity, containment=0.95, **fields)


def mirror_graph() -> nx.DiGraph:
    """An origin, an aggregator that copied it, a mirror of the aggregator that still
    carries the origin's credit line, and an unrelated outlet's copy of the origin."""
    nodes = [
        node(ORIGIN, title="Harbour bridge reopens", published="2026-05-16"),
        node(AGGREGATOR, published="2026-05-17"),
        node(MIRROR),
        node(OTHER, published="2026-05-18"),
    ]
    credit = Evidence("attribution", "The original source of this article is X", ORIGIN)
    edges = [
        edge(ORIGIN, AGGREGATOR, 0.9, 0.72, evidence=(credit,), explanation="newshub copied"),
        # the mirror's copied footer names the origin: confident, but less similar ...
        edge(ORIGIN, MIRROR, 0.9, 0.6, evidence=(credit,)),
        # ... than the aggregator's version it actually carries
        edge(AGGREGATOR, MIRROR, 0.5, 0.98, evidence=(Evidence("first_seen", "later"),)),
        edge(ORIGIN, OTHER, 0.55, 0.8, evidence=(Evidence("published", "2 days after"),)),
    ]
    return build_graph(nodes, edges)


# -- graph ------------------------------------------------------------------------------------


def test_build_graph_keeps_nodes_and_edge_attributes() -> None:
    graph = mirror_graph()
    assert set(graph.nodes) == {ORIGIN, AGGREGATOR, MIRROR, OTHER}
    assert graph.number_of_edges() == 4
    assert graph.nodes[ORIGIN] == {
        "url": ORIGIN,
        "outlet": "northwind-dispatch.example",
        "title": "Harbour bridge reopens",
        "published": "2026-05-16",
        "first_seen": "",
        "kind": "article",
    }
    data = graph.edges[ORIGIN, AGGREGATOR]
    assert (data["confidence"], data["similarity"], data["containment"]) == (0.9, 0.72, 0.95)
    assert data["evidence_kinds"] == "attribution"
    assert json.loads(data["evidence"]) == [
        {
            "kind": "attribution",
            "detail": "The original source of this article is X",
            "target": ORIGIN,
        }
    ]
    assert data["explanation"] == "newshub copied"


def test_build_graph_drops_edges_to_unknown_nodes() -> None:
    graph = build_graph([node(ORIGIN)], [edge(ORIGIN, MIRROR, 0.9, 0.9)])
    assert list(graph.nodes) == [ORIGIN] and graph.number_of_edges() == 0


def test_a_mirror_hangs_under_the_aggregator_it_resembles() -> None:
    tree = provenance_tree(mirror_graph())
    assert list(tree.predecessors(MIRROR)) == [AGGREGATOR]
    assert list(tree.predecessors(AGGREGATOR)) == [ORIGIN]
    assert list(tree.predecessors(OTHER)) == [ORIGIN]
    assert list(tree.predecessors(ORIGIN)) == []
    assert not tree.has_edge(ORIGIN, MIRROR)
    assert root_of(tree, MIRROR) == ORIGIN


def test_the_tree_is_a_branching_that_keeps_all_nodes_and_their_data() -> None:
    graph = mirror_graph()
    tree = provenance_tree(graph)
    assert nx.is_branching(tree)
    assert dict(tree.nodes(data=True)) == dict(graph.nodes(data=True))
    for source, target, data in tree.edges(data=True):
        assert data == graph.edges[source, target]


def test_when_the_mirror_is_closer_to_the_origin_it_hangs_there() -> None:
    graph = mirror_graph()
    graph.edges[ORIGIN, MIRROR]["similarity"] = 0.99
    graph.edges[AGGREGATOR, MIRROR]["similarity"] = 0.7
    assert list(provenance_tree(graph).predecessors(MIRROR)) == [ORIGIN]


def test_root_of_a_lone_node_and_a_cycle() -> None:
    tree = nx.DiGraph([("a", "b"), ("b", "a")])
    assert root_of(tree, "a") in {"a", "b"}  # terminates
    lone = nx.DiGraph()
    lone.add_node("x")
    assert root_of(lone, "x") == "x"


# -- export ---------------------------------------------------------------------------------


def test_graphml_round_trips_with_typed_attributes(tmp_path: Path) -> None:
    graph = mirror_graph()
    path = write_graph(graph, tmp_path / "out" / "graph.graphml", "graphml")
    assert path == tmp_path / "out" / "graph.graphml"
    assert not list((tmp_path / "out").glob("*.tmp"))
    again = nx.read_graphml(path)
    assert set(again.nodes) == set(graph.nodes)
    assert set(again.edges) == set(graph.edges)
    assert dict(again.nodes(data=True)) == dict(graph.nodes(data=True))
    for source, target, data in again.edges(data=True):
        assert isinstance(data["confidence"], float)
        assert isinstance(data["similarity"], float)
        assert isinstance(data["containment"], float)
        assert data == graph.edges[source, target]
        assert isinstance(json.loads(data["evidence"]), list)
    assert again.edges[AGGREGATOR, MIRROR]["confidence"] == 0.5


def test_graphml_keeps_non_ascii_text(tmp_path: Path) -> None:
    graph = build_graph(
        [node(ORIGIN, title="\u041c\u043e\u0441\u0442 \u2014 caf\u00e9"), node(OTHER)],
        [
            edge(
                ORIGIN,
                OTHER,
                0.9,
                0.9,
                evidence=(Evidence("attribution", "Quelle: N\u00fcrnberg", None),),
            )
        ],
    )
    again = nx.read_graphml(write_graph(graph, tmp_path / "g.graphml"))
    assert again.nodes[ORIGIN]["title"] == "\u041c\u043e\u0441\u0442 \u2014 caf\u00e9"
    evidence = json.loads(again.edges[ORIGIN, OTHER]["evidence"])
    assert evidence == [{"kind": "attribution", "detail": "Quelle: N\u00fcrnberg", "target": None}]


def test_graphml_survives_control_characters_from_pages(tmp_path: Path) -> None:
    graph = build_graph(
        [node(ORIGIN, title="Bridge\x01reopens"), node(OTHER)],
        [edge(ORIGIN, OTHER, 0.9, 0.9, evidence=(Evidence("attribution", "Source:\x02 X", None),))],
    )
    path = tmp_path / "graph.graphml"
    try:
        write_graph(graph, path)
    finally:
        assert not (tmp_path / "graph.graphml.tmp").exists()
    again = nx.read_graphml(path)
    assert set(again.nodes) == {ORIGIN, OTHER}
    assert again.nodes[ORIGIN]["title"] == "Bridgereopens"
    # JSON text escapes control characters, so the evidence survives exactly
    assert json.loads(again.edges[ORIGIN, OTHER]["evidence"])[0]["detail"] == "Source:\x02 X"


def test_json_node_link_round_trips(tmp_path: Path) -> None:
    graph = mirror_graph()
    path = write_graph(graph, tmp_path / "graph.json", "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"nodes", "edges"} <= set(data)
    again = nx.node_link_graph(data, edges="edges")
    assert again.is_directed()
    assert dict(again.nodes(data=True)) == dict(graph.nodes(data=True))
    assert {(s, t): d for s, t, d in again.edges(data=True)} == {
        (s, t): d for s, t, d in graph.edges(data=True)
    }


def test_write_graph_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    path.write_text("old", encoding="utf-8")
    write_graph(mirror_graph(), path, "json")
    assert json.loads(path.read_text(encoding="utf-8"))["nodes"]


def test_write_graph_refuses_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown format 'pdf'"):
        write_graph(mirror_graph(), tmp_path / "graph.pdf", "pdf")
    assert list(tmp_path.iterdir()) == []


def test_write_graph_reports_a_directory_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "graph.graphml").mkdir()
    with pytest.raises(StoreError, match="cannot write"):
        write_graph(mirror_graph(), tmp_path / "graph.graphml")
    assert not (tmp_path / "graph.graphml.tmp").exists()


def test_write_graph_reports_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot write"):
        write_graph(mirror_graph(), blocker / "graph.graphml")


@pytest.mark.parametrize(
    ("path", "explicit", "expected"),
    [
        ("out.graphml", None, "graphml"),
        ("out.GRAPHML", None, "graphml"),
        ("out.json", None, "json"),
        ("out.JSON", None, "json"),
        ("out.txt", None, "graphml"),
        ("out", None, "graphml"),
        ("out.graphml", "json", "json"),
        ("out.json", "GraphML", "graphml"),
    ],
)
def test_format_for(path: str, explicit: str | None, expected: str) -> None:
    assert format_for(Path(path), explicit) == expected


def test_format_for_refuses_an_unknown_explicit_format() -> None:
    with pytest.raises(ConfigError, match="unknown format 'pdf'; choose one of graphml"):
        format_for(Path("out.graphml"), "pdf")


# -- store_graph ------------------------------------------------------------------------------


@pytest.fixture()
def store(store_path: Path | str) -> Iterator[Store]:
    settings = Settings()
    words = " ".join(f"w{i % 97}x{i % 89}" for i in range(400))
    with Store.open(store_path, settings) as opened:
        for url, published in ((ORIGIN, "2026-05-16"), (OTHER, "2026-05-18")):
            article = Article(url, url.split("/")[2], words, published=published)
            commit(opened, prepare_article(article, settings), settings)
        lone = Article(AGGREGATOR, "newshub.example", "a different story " * 100)
        commit(opened, prepare_article(lone, settings), settings)
        yield opened


def test_store_graph_of_the_whole_store(store: Store) -> None:
    graph = store_graph(store)
    assert set(graph.nodes) == {ORIGIN, OTHER, AGGREGATOR}
    assert list(graph.edges) == [(ORIGIN, OTHER)]


def test_store_graph_of_one_component(store: Store) -> None:
    graph = store_graph(store, OTHER)
    assert set(graph.nodes) == {ORIGIN, OTHER}


def test_store_graph_of_an_unknown_url(store: Store) -> None:
    with pytest.raises(StoreError, match="not in the store"):
        store_graph(store, "https://nowhere.example/x")
