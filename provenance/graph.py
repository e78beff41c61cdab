"""The republication graph (NetworkX) and the provenance tree drawn from it.

Nodes are articles, keyed by URL, or outlets that are credited but were never
fetched (``outlet:<name>``). Edges run from the original (or earlier) copy to
the later copy. The *tree* keeps, for each copy, its most likely immediate
source: a maximum branching over weight = similarity x (0.75 + 0.25 x confidence),
so a mirror hangs under the aggregator whose version it carries, not under the
origin its copied footer names.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import networkx as nx

from .models import Edge

__all__ = [
    "Node",
    "build_graph",
    "edge_attributes",
    "node_attributes",
    "provenance_tree",
    "root_of",
]


@dataclass(frozen=True)
class Node:
    """A node of the graph: an article, a credited URL we could not fetch, or a named outlet."""

    id: str  # the URL, or "outlet:<name>"
    url: str | None
    outlet: str
    title: str | None = None
    published: str | None = None
    first_seen: str | None = None
    kind: str = "article"  # article | unfetched | outlet


def node_attributes(node: Node) -> dict[str, str]:
    """Scalar attributes for export (None becomes an empty string)."""
    return {k: ("" if v is None else str(v)) for k, v in asdict(node).items() if k != "id"}


def edge_attributes(edge: Edge) -> dict[str, float | str]:
    return {
        "confidence": float(edge.confidence),
        "similarity": float(edge.similarity),
        "containment": float(edge.containment),
        "evidence_kinds": ",".join(dict.fromkeys(e.kind for e in edge.evidence)),
        "evidence": json.dumps(
            [{"kind": e.kind, "detail": e.detail, "target": e.target} for e in edge.evidence],
            ensure_ascii=False,
        ),
        "explanation": edge.explanation,
    }


def build_graph(nodes: Iterable[Node], edges: Iterable[Edge]) -> nx.DiGraph:
    graph = nx.DiGraph()
    for node in nodes:
        graph.add_node(node.id, **node_attributes(node))
    for edge in edges:
        if edge.source in graph and edge.target in graph:
            graph.add_edge(edge.source, edge.target, **edge_attributes(edge))
    return graph


def _tree_weight(data: dict[str, float | str], credited_only: bool) -> float:
    confidence = float(data.get("confidence", 0.0))
    if credited_only:  # a credit to a source we do not hold: only the credit's strength
        return confidence
    similarity = float(data.get("similarity", 0.0))
    return max(similarity, 0.01) * (0.75 + 0.25 * confidence)


def provenance_tree(
    graph: nx.DiGraph, factors: dict[tuple[str, str], float] | None = None
) -> nx.DiGraph:
    """Each node's most likely immediate source: a maximum branching of the graph.

    ``factors`` scale the weight of particular edges (see :mod:`provenance.lineage`).
    """
    factors = factors or {}
    weighted = nx.DiGraph()
    weighted.add_nodes_from(graph.nodes)
    for source, target, data in graph.edges(data=True):
        credited_only = graph.nodes[source].get("kind") in ("unfetched", "outlet")
        weight = _tree_weight(data, credited_only) * factors.get((source, target), 1.0)
        weighted.add_edge(source, target, weight=weight)
    branching = nx.maximum_branching(weighted, attr="weight")
    tree = nx.DiGraph()
    tree.add_nodes_from(graph.nodes(data=True))
    for source, target in branching.edges:
        tree.add_edge(source, target, **graph.edges[source, target])
    return tree


def root_of(tree: nx.DiGraph, node: str) -> str:
    """Climb from ``node`` to the root of its tree."""
    seen = {node}
    while True:
        parents = list(tree.predecessors(node))
        if not parents or parents[0] in seen:
            return node
        node = parents[0]
        seen.add(node)
