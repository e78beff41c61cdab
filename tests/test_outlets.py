"""The outlet graph: edges, weights and lags, names and networks, rankings, mirror communities."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

from provenance.config import Settings
from provenance.export import annotate, store_graph, write_graph
from provenance.graph import Node, build_graph, provenance_tree
from provenance.models import Edge
from provenance.outlets_graph import build_outlet_graph, mirror_communities, rank_outlets
from provenance.store import Store
from tests.graph_samples import ingest_sample, runner
from tests.test_exports import read_csv, read_dot, read_gexf

from provenance.cli import app  # isort: skip

NORTHWIND, GLOBAL = "northwind-dispatch.example", "globalreview.example"
MIRRORS = ["mirror-one.example", "newsflow-mirror.example", "quietcopy.example"]


@pytest.fixture(scope="module")
def sample_store(module_store_path: Path | str) -> Path | str:
    return ingest_sample(module_store_path)


@pytest.fixture(scope="module")
def outlets(sample_store: Path) -> nx.DiGraph:
    with Store.open(sample_store, Settings(), create=False) as db:
        return build_outlet_graph(store_graph(db))


def test_each_copy_counts_once_under_its_likeliest_source(outlets):
    assert set(outlets.edges) == {
        (NORTHWIND, "briefs-daily.example"),
        (NORTHWIND, GLOBAL),
        *((GLOBAL, m) for m in MIRRORS),
    }
    # the mirrors also match the origin's text, but they copied the aggregator
    assert not outlets.has_edge(NORTHWIND, "mirror-one.example")
    assert all(d["weight"] == 1 for *_, d in outlets.edges(data=True))
    assert outlets.number_of_nodes() == 7  # harbour-times: an outlet with no link
    assert outlets.nodes["harbour-times.example"]["articles"] == 1
    assert outlets.nodes[NORTHWIND]["articles"] == 2


def test_lags_are_carried_where_both_are_dated(sample_store, outlets):
    brief = outlets.edges[NORTHWIND, "briefs-daily.example"]
    # 16 May 09:10 +01:00 -> 17 May 05:45 UTC
    assert brief["median_lag_hours"] == brief["min_lag_hours"] == pytest.approx(21.583, abs=1e-3)
    assert brief["dated"] == 1
    quiet = outlets.edges[GLOBAL, "quietcopy.example"]
    assert quiet["dated"] == 0 and "median_lag_hours" not in quiet
    quiet_url = "http://quietcopy.example/read/port-authority-shelved-quay-warnings"
    with Store.open(sample_store, Settings(), create=False) as db:
        articles = store_graph(db)
    source = next(iter(provenance_tree(articles).predecessors(quiet_url)))
    assert quiet["mean_confidence"] == pytest.approx(
        articles.edges[source, quiet_url]["confidence"], abs=1e-4
    )


def test_names_come_from_the_pages_or_the_registry(sample_store, outlets):
    assert outlets.nodes[GLOBAL]["name"] == "Global Review Centre"
    assert outlets.nodes[GLOBAL]["networks"] == ""

    @dataclass(frozen=True)
    class Info:
        name: str
        networks: tuple[str, ...]

    class Registry:
        def lookup(self, domain: str) -> Info | None:
            if domain == GLOBAL:
                return Info("Global Review (registry)", ("aggregators", "network-x"))
            return None

    with Store.open(sample_store, Settings(), create=False) as db:
        graph = build_outlet_graph(store_graph(db, registry=Registry()), registry=Registry())
    assert graph.nodes[GLOBAL]["name"] == "Global Review (registry)"
    assert graph.nodes[GLOBAL]["networks"] == "aggregators|network-x"
    assert graph.nodes[NORTHWIND]["name"] == "Northwind Dispatch"


def test_originals_and_amplifiers(outlets):
    northwind, aggregator = outlets.nodes[NORTHWIND], outlets.nodes[GLOBAL]
    assert northwind["reach"] == 5 and northwind["out_weight"] == 2 and northwind["originals"] == 1
    assert aggregator["copies"] == 1 and aggregator["relayed"] == 3 and aggregator["spread"] == 4
    assert aggregator["reach"] == 0
    ranking = rank_outlets(outlets)
    assert ranking.originals == [NORTHWIND]
    assert ranking.amplifiers[0] == GLOBAL
    assert set(ranking.amplifiers[1:]) == {"briefs-daily.example", *MIRRORS}
    assert max(outlets.nodes, key=lambda n: outlets.nodes[n]["pagerank"]) == NORTHWIND
    assert rank_outlets(outlets, top=2).amplifiers == ranking.amplifiers[:2]


def test_mirror_community(outlets):
    assert rank_outlets(outlets).communities == [sorted([GLOBAL, *MIRRORS])]
    assert outlets.nodes[NORTHWIND]["community"] == -1
    assert len({outlets.nodes[m]["community"] for m in [GLOBAL, *MIRRORS]}) == 1


def _article(url: str, outlet: str, published: str | None) -> Node:
    return Node(url, url, outlet, "t", published, "2026-06-01T00:00:00+00:00")


def test_weights_and_lags_aggregate_over_articles():
    nodes = [
        _article("http://a.example/1", "a.example", "2026-05-01T00:00:00+00:00"),
        _article("http://a.example/2", "a.example", "2026-05-02T00:00:00+00:00"),
        _article("http://a.example/3", "a.example", "2026-05-03T00:00:00+00:00"),
        _article("http://b.example/1", "b.example", "2026-05-01T02:00:00+00:00"),
        _article("http://b.example/2", "b.example", "2026-05-02T10:00:00+00:00"),
        _article("http://b.example/3", "b.example", "2026-05-03T06:00:00+00:00"),
        _article("http://a.example/1-again", "a.example", "2026-05-01T05:00:00+00:00"),
    ]
    edges = [
        Edge("http://a.example/1", "http://b.example/1", 0.9, 0.9, 1.0),
        Edge("http://a.example/2", "http://b.example/2", 0.8, 0.6, 1.0),
        Edge("http://a.example/3", "http://b.example/3", 0.7, 0.7, 1.0),
        Edge("http://a.example/1", "http://a.example/1-again", 0.9, 1.0, 1.0),
    ]
    graph = build_outlet_graph(annotate(build_graph(nodes, edges)))
    edge = graph.edges["a.example", "b.example"]
    assert edge["weight"] == 3 and edge["dated"] == 3
    assert edge["median_lag_hours"] == 6.0 and edge["min_lag_hours"] == 2.0
    assert edge["mean_confidence"] == pytest.approx(0.8)
    assert not graph.has_edge("a.example", "a.example")  # a site reposting itself is no link
    assert graph.nodes["a.example"]["self_copies"] == 1
    assert graph.nodes["a.example"]["articles"] == 4
    # two near-identical pairs make a and b a mirror community; the 0.6 one does not count
    assert mirror_communities(annotate(build_graph(nodes, edges))) == [["a.example", "b.example"]]


def test_outlets_command_ranks_and_lists_communities(sample_store):
    result = runner.invoke(app, ["outlets", "--store", str(sample_store)])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "\x1b[" not in text  # not a terminal: no colour
    originals = text[text.index("As originals") : text.index("As amplifiers")]
    amplifiers = text[text.index("As amplifiers") : text.index("Mirror communities")]
    assert "1  northwind-dispatch.example  Northwind Dispatch" in originals
    assert amplifiers.splitlines()[2].split()[:2] == ["1", GLOBAL]
    assert ", ".join(sorted([GLOBAL, *MIRRORS])) in text[text.index("Mirror communities") :]
    result = runner.invoke(app, ["outlets", "--store", str(sample_store), "--top", "2"])
    amplifiers = result.stdout[result.stdout.index("As amplifiers") :].split("Mirror")[0]
    rows = [line.split()[0] for line in amplifiers.strip().splitlines()[2:]]
    assert rows == ["1", "2"]


def test_outlets_json(sample_store):
    result = runner.invoke(app, ["outlets", "--store", str(sample_store), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["originals"] == [NORTHWIND]
    assert data["amplifiers"][0] == GLOBAL
    assert data["communities"] == [sorted([GLOBAL, *MIRRORS])]
    by_domain = {o["domain"]: o for o in data["outlets"]}
    assert by_domain[GLOBAL]["name"] == "Global Review Centre"
    assert {(e["source"], e["target"]) for e in data["links"]} == {
        (NORTHWIND, "briefs-daily.example"),
        (NORTHWIND, GLOBAL),
        *((GLOBAL, m) for m in MIRRORS),
    }


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv", "dot"])
def test_outlet_graph_exports_in_every_format(fmt, sample_store, outlets, tmp_path):
    out = tmp_path / f"outlets.{fmt}"
    result = runner.invoke(
        app, ["export", "--store", str(sample_store), "--outlet-graph", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    if fmt == "graphml":
        back = nx.read_graphml(out)
        assert dict(back.nodes(data=True)) == dict(outlets.nodes(data=True))
        assert isinstance(back.nodes[GLOBAL]["articles"], int)
        assert isinstance(back.edges[NORTHWIND, GLOBAL]["median_lag_hours"], float)
    elif fmt == "gexf":
        header, back = read_gexf(out)
        assert header["mode"] == "dynamic"
        assert back.nodes[GLOBAL]["start"] == outlets.nodes[GLOBAL]["first_appeared"]
        assert back.nodes[GLOBAL]["spread"] == 4
        assert back.edges[NORTHWIND, GLOBAL]["weight"] == 1.0
    elif fmt == "json":
        back = nx.node_link_graph(json.loads(out.read_text()), edges="edges")
        assert dict(back.nodes(data=True)) == dict(outlets.nodes(data=True))
        assert back.graph["level"] == "outlets"
    elif fmt == "csv":
        back = read_csv(out)
        assert int(back.nodes[NORTHWIND]["reach"]) == 5
        assert back.nodes[NORTHWIND]["community"] == "-1"  # numbers are not formula-guarded
        assert int(back.edges[NORTHWIND, GLOBAL]["weight"]) == 1
    else:
        back = read_dot(out)
        assert back.edges[NORTHWIND, GLOBAL]["weight"] == "1"
        assert back.nodes[GLOBAL]["outlet_name"] == "Global Review Centre"
    assert set(back.edges) == set(outlets.edges)
    assert set(back.nodes) == set(outlets.nodes)


def test_outlets_out_writes_the_graph(sample_store, tmp_path):
    out = tmp_path / "o.graphml"
    result = runner.invoke(app, ["outlets", "--store", str(sample_store), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert set(nx.read_graphml(out).edges) == {
        (NORTHWIND, "briefs-daily.example"),
        (NORTHWIND, GLOBAL),
        *((GLOBAL, m) for m in MIRRORS),
    }


def test_empty_selection_gives_an_empty_ranking(sample_store, tmp_path):
    result = runner.invoke(app, ["outlets", "--store", str(sample_store), "--since", "2030-01-01"])
    assert result.exit_code == 0, result.output
    assert "0 outlet(s)" in result.stdout and "(none" in result.stdout
    graph = build_outlet_graph(annotate(nx.DiGraph()))
    assert graph.number_of_nodes() == 0
    write_graph(graph, tmp_path / "empty.graphml")
    assert nx.read_graphml(tmp_path / "empty.graphml").number_of_nodes() == 0
