"""The outlet graph: who republishes whom, outlet by outlet, and who matters as origin or amplifier.

Built from an article graph (see :func:`provenance.export.store_graph`). Each copy
counts once, under its most likely immediate source (the provenance tree), so a
mirror of an aggregator adds to the aggregator -> mirror edge and not also to the
origin -> mirror one. An edge A -> B means B republished A; it carries:

* ``weight``: how many articles B republished from A (long);
* ``median_lag_hours`` and ``min_lag_hours``: publication lag of those copies, over
  the pairs where both are dated (absent when none is); ``dated`` counts them;
* ``mean_confidence``: the mean confidence of those links;
* ``first_copy``: when the first of those copies appeared (UTC; GEXF starts the edge there).

Each outlet (node, keyed by domain) carries its ``name`` and ``networks`` (from the
registry when one is given, else the pages' site name), ``articles``, and the scores
the ``outlets`` command ranks by. Counts are exact and read as sentences:

* ``reach``: copies in the selection that descend, at any depth, from articles this
  outlet published first. This ranks *originals*.
* ``copies``: articles it republished from other outlets (its in-weight); ``relayed``:
  copies other outlets then made of those. ``spread = copies + relayed`` is the part
  of the spread that went through this outlet. This ranks *amplifiers*.
* ``pagerank``: PageRank on the reversed graph (B -> A when B copied A), for
  comparison with the literature. It also credits sources transitively, but damped
  and normalised over the whole graph, so it is harder to read than ``reach``.

*Mirror communities* are groups of outlets that carry near-identical copies
(Jaccard >= 0.9) of the same articles: Louvain communities (fixed seed) of the
undirected graph whose edge weight counts such article pairs, over every verified
pair (not only the tree, since two mirrors of one aggregator are linked only to
each other's text). Each community of two or more outlets gets a number in the
node attribute ``community`` (-1: none).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from .evidence import parse_date
from .export import OutletRegistry, iso_utc, lags, outlet_label
from .graph import provenance_tree

__all__ = [
    "MIRROR_SIMILARITY",
    "OutletRanking",
    "build_outlet_graph",
    "mirror_communities",
    "outlets_json",
    "rank_outlets",
]

MIRROR_SIMILARITY = 0.9


def _outlet(data: Mapping[str, object], node: str) -> str:
    return str(data.get("outlet") or node)


def build_outlet_graph(
    articles: nx.DiGraph,
    *,
    registry: OutletRegistry | None = None,
    mirror_similarity: float = MIRROR_SIMILARITY,
) -> nx.DiGraph:
    """Outlets as nodes, B republished A as the edge A -> B, with the scores described above."""
    tree = provenance_tree(articles)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for node, data in articles.nodes(data=True):
        outlet = _outlet(data, node)
        if data.get("kind", "article") == "article":
            counts[outlet] += 1
        name = str(data.get("outlet_name") or "")
        if name:
            names[outlet][name] += 1
        when = parse_date(str(data.get("published") or "")) or parse_date(
            str(data.get("first_seen") or "")
        )
        if when is not None:
            stamp = iso_utc(when)
            first[outlet] = min(first.get(outlet, stamp), stamp)

    graph = nx.DiGraph(level="outlets")
    for node, data in articles.nodes(data=True):
        outlet = _outlet(data, node)
        if outlet in graph:
            continue
        site = {outlet: names[outlet].most_common(1)[0][0]} if names[outlet] else {}
        name, networks = outlet_label(outlet, site, registry)
        graph.add_node(
            outlet,
            name=name,
            networks=networks,
            label=outlet,
            articles=counts[outlet],
            originals=0,
            copies=0,
            self_copies=0,
            reach=0,
            relayed=0,
            spread=0,
            first_appeared=first.get(outlet, ""),
        )

    links: dict[tuple[str, str], list[tuple[float | None, float]]] = defaultdict(list)
    first_copy: dict[tuple[str, str], str] = {}
    for source, target, data in tree.edges(data=True):
        a, b = _outlet(tree.nodes[source], source), _outlet(tree.nodes[target], target)
        if a == b:
            graph.nodes[a]["self_copies"] += 1
            continue
        before = parse_date(str(tree.nodes[source].get("published") or ""))
        after = parse_date(str(tree.nodes[target].get("published") or ""))
        lag = (after - before).total_seconds() / 3600 if before and after else None
        links[(a, b)].append((lag, float(data.get("confidence", 0.0))))
        seen = after or parse_date(str(tree.nodes[target].get("first_seen") or ""))
        if seen is not None:
            stamp = iso_utc(seen)
            first_copy[(a, b)] = min(first_copy.get((a, b), stamp), stamp)
        graph.nodes[b]["copies"] += 1

    for node in tree.nodes:
        outlet = _outlet(tree.nodes[node], node)
        below = [d for d in nx.descendants(tree, node) if _outlet(tree.nodes[d], d) != outlet]
        if tree.in_degree(node) == 0:
            if tree.out_degree(node):
                graph.nodes[outlet]["originals"] += 1
            graph.nodes[outlet]["reach"] += len(below)
        else:
            parent = next(iter(tree.predecessors(node)))
            if _outlet(tree.nodes[parent], parent) != outlet:
                graph.nodes[outlet]["relayed"] += len(below)
    for _, data in graph.nodes(data=True):
        data["spread"] = data["copies"] + data["relayed"]

    copy_lags: dict[str, list[float]] = defaultdict(list)
    for (_, b), items in links.items():
        copy_lags[b].extend(lag for lag, _ in items if lag is not None)
    for outlet, values in copy_lags.items():
        median, _ = lags(values)
        if median is not None:
            graph.nodes[outlet]["median_copy_lag_hours"] = median

    for (a, b), items in sorted(links.items()):
        median, minimum = lags(lag for lag, _ in items if lag is not None)
        attributes: dict[str, object] = {
            "weight": len(items),
            "dated": sum(1 for lag, _ in items if lag is not None),
            "mean_confidence": round(sum(c for _, c in items) / len(items), 4),
        }
        if (a, b) in first_copy:
            attributes["first_copy"] = first_copy[(a, b)]
        if median is not None and minimum is not None:
            attributes["median_lag_hours"] = median
            attributes["min_lag_hours"] = minimum
        graph.add_edge(a, b, **attributes)
    for node, data in graph.nodes(data=True):
        data["out_weight"] = int(graph.out_degree(node, weight="weight"))
        data["in_weight"] = int(graph.in_degree(node, weight="weight"))

    ranks = (
        nx.pagerank(graph.reverse(copy=True), weight="weight") if graph.number_of_nodes() else {}
    )
    for node, data in graph.nodes(data=True):
        data["pagerank"] = round(float(ranks.get(node, 0.0)), 6)

    for node in graph.nodes:
        graph.nodes[node]["community"] = -1
    for number, members in enumerate(mirror_communities(articles, mirror_similarity)):
        for outlet in members:
            if outlet in graph:
                graph.nodes[outlet]["community"] = number
    return graph


def mirror_communities(
    articles: nx.DiGraph, threshold: float = MIRROR_SIMILARITY
) -> list[list[str]]:
    """Groups of outlets linked by near-identical copies, largest first (see the module doc)."""
    pairs = nx.Graph()
    for source, target, data in articles.edges(data=True):
        if float(data.get("similarity", 0.0)) < threshold:
            continue
        a = _outlet(articles.nodes[source], source)
        b = _outlet(articles.nodes[target], target)
        if a == b:
            continue
        weight = pairs.edges[a, b]["weight"] + 1 if pairs.has_edge(a, b) else 1
        pairs.add_edge(a, b, weight=weight)
    if not pairs.number_of_edges():
        return []
    found = nx.community.louvain_communities(pairs, weight="weight", seed=7)
    groups = [sorted(c) for c in found if len(c) >= 2]
    return sorted(groups, key=lambda g: (-len(g), g))


@dataclass(frozen=True)
class OutletRanking:
    """Outlets ranked as originals and as amplifiers, and the mirror communities."""

    originals: list[str]
    amplifiers: list[str]
    communities: list[list[str]]


def rank_outlets(graph: nx.DiGraph, *, top: int | None = None) -> OutletRanking:
    """Rank the outlets of :func:`build_outlet_graph` (ties: direct weight, PageRank, domain)."""
    nodes = graph.nodes
    originals = sorted(
        (n for n in nodes if nodes[n]["reach"] > 0),
        key=lambda n: (-nodes[n]["reach"], -nodes[n]["out_weight"], -nodes[n]["pagerank"], n),
    )
    amplifiers = sorted(
        (n for n in nodes if nodes[n]["spread"] > 0),
        key=lambda n: (-nodes[n]["spread"], -nodes[n]["relayed"], -nodes[n]["in_weight"], n),
    )
    groups: dict[int, list[str]] = defaultdict(list)
    for node in sorted(nodes):
        if nodes[node]["community"] >= 0:
            groups[int(nodes[node]["community"])].append(node)
    communities = [groups[k] for k in sorted(groups)]
    return OutletRanking(originals[:top], amplifiers[:top], communities)


def outlets_json(graph: nx.DiGraph, ranking: OutletRanking) -> dict[str, object]:
    """The ``outlets --json`` document: every outlet and link, the rankings and the communities."""
    return {
        "outlets": [{"domain": n, **graph.nodes[n]} for n in sorted(graph.nodes)],
        "links": [
            {"source": a, "target": b, **data} for a, b, data in sorted(graph.edges(data=True))
        ],
        "originals": ranking.originals,
        "amplifiers": ranking.amplifiers,
        "communities": ranking.communities,
    }
