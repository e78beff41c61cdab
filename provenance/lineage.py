"""Lineage: each copy's most likely immediate source, from the verified pairs and the credits.

Three rules shape the tree beyond each pair's own verdict:

* **Credited sources that are not in the graph are nodes.** Every copy that credits
  a URL we could not fetch, or names an outlet we never saw (a wire agency), gets an
  edge from that source, weighted by the credit's own strength.
* **A copy holds only what its source had.** If a copy carries text that another
  candidate source has and this one lacks (an aggregator's added lead or dateline,
  a paragraph another copy cut), this one is unlikely to be its source: its weight
  is cut steeply with the share of such borrowed text (a sentence or more). Text
  no other member has is the copy's own addition and counts for no one.
* **Copies that credit the same absent source are siblings.** When two copies both
  credit a source that is not in the graph and neither credits the other, the edge
  between them (decided by dates alone) is only half as likely as each one's credit.
"""

from __future__ import annotations

import re

import networkx as nx

from .evidence import WEIGHTS, names_outlet
from .fingerprint import shingles
from .graph import Node, edge_attributes, node_attributes, provenance_tree
from .models import Article, Edge, Evidence
from .registry import Registry
from .urls import outlet_of

__all__ = [
    "CREDIT_KINDS",
    "FOLLOWED_KINDS",
    "add_credited_sources",
    "canonical_name",
    "credited",
    "is_acronym_of",
    "lineage_tree",
]

#: Signals whose target is worth fetching when following credits from a page.
FOLLOWED_KINDS = frozenset(
    {
        "attribution",
        "canonical",
        "og_url",
        "original_source",
        "syndication_source",
        "is_based_on",
        "dateline",
    }
)
#: Signals that credit a source, fetched or not.
CREDIT_KINDS = FOLLOWED_KINDS | {"wire", "source_organization", "republish_pixel"}
_SHINGLE_SIZE = 5
_MAX_CANDIDATES = 50  # in-edges per copy beyond which the material rule is skipped (cost)
_BORROWED_MIN = 8  # shingles (a sentence or so): fewer may be stock phrases
_BORROWED_SHARE = 0.02  # ... and 2% of the copy: a heading or two may be an extraction accident
_BORROWED_PENALTY = 10.0  # 8% of the copy borrowed from elsewhere rules this source out


def credited(article: Article) -> list[Evidence]:
    """The credits a page gives, strongest first."""
    found = [s for s in article.signals if s.kind in CREDIT_KINDS and s.target]
    return sorted(found, key=lambda s: -WEIGHTS.get(s.kind, 0.5))


def _absent_source(
    signal: Evidence,
    article: Article,
    graph: nx.DiGraph,
    articles: dict[str, Article],
    registry: Registry,
) -> Node | None:
    """The node for what ``signal`` credits, if that source is not in the graph already."""
    target = signal.target or ""
    if signal.kind == "republish_pixel":  # names the outlet, not an article
        domain = outlet_of(target)
        if not domain or any(domain == a.outlet for a in articles.values()):
            return None
        return Node(f"outlet:{domain}", None, domain, title=domain, kind="outlet")
    if target.startswith(("http://", "https://")):
        if target in graph and graph.nodes[target].get("kind") not in ("unfetched", "outlet"):
            return None  # we hold the credited page: the verified pair decides
        if outlet_of(target) == article.outlet:
            return None
        if any(target in {a.url, a.canonical, a.og_url} for a in articles.values()):
            return None
        if signal.kind in ("canonical", "og_url") and any(
            outlet_of(target) == a.outlet for a in articles.values()
        ):
            return None  # points at a page of an outlet we have: a variant URL, not a source
        return Node(target, target, outlet_of(target), kind="unfetched")
    if signal.kind == "dateline":  # "KYIV, 16 May" names a place as often as an outlet
        return None
    if any(names_outlet(target, a, registry) for a in articles.values()):
        return None
    name = canonical_name(target, registry)
    return Node(f"outlet:{name}", None, name, title=name, kind="outlet")


_LEADING_ARTICLE = re.compile(r"^(?:the|le|la|les|der|die|das|el|il)\s+", re.I)


def canonical_name(name: str, registry: Registry) -> str:
    """One name per outlet: the registry's own name if it knows this one, without a leading
    article ("The Associated Press" and "AP" are both "Associated Press")."""
    for domain in sorted(registry.domains_for(name)):
        outlet = registry.lookup(domain)
        if outlet is not None:
            return outlet.name
    stripped = _LEADING_ARTICLE.sub("", name.strip())
    for domain in sorted(registry.domains_for(stripped)):
        outlet = registry.lookup(domain)
        if outlet is not None:
            return outlet.name
    return stripped


def is_acronym_of(short: str, name: str) -> bool:
    """ "NPA" for "Nordpress Agency": the letters in order, the first and last at word starts."""
    letters = short.strip()
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    words = name.split()
    if len(words) < 2 or not words[0][:1].upper() == letters[0]:
        return False
    if not any(w[:1].upper() == letters[-1] for w in words[1:]):
        return False
    position = 0
    lowered = name.upper()
    for letter in letters:
        position = lowered.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def _one_name_per_outlet(articles: dict[str, Article]) -> dict[str, str]:
    """Map short credits ("NPA") to the full name another copy gives ("Nordpress Agency")."""
    names = {
        s.target
        for a in articles.values()
        for s in credited(a)
        if s.target and not s.target.startswith(("http://", "https://"))
    }
    return {
        short: full
        for short in names
        for full in names
        if short != full and is_acronym_of(short, full)
    }


def add_credited_sources(
    graph: nx.DiGraph, articles: dict[str, Article], registry: Registry
) -> set[str]:
    """Add a node and an edge for every credit to a source not in the graph; their ids."""
    added: set[str] = set()
    full_names = _one_name_per_outlet(articles)
    for node_id, article in list(articles.items()):
        seen_here: set[str] = set()
        for signal in credited(article):
            if signal.target in full_names:
                signal = Evidence(signal.kind, signal.detail, full_names[signal.target])
            node = _absent_source(signal, article, graph, articles, registry)
            if node is None or node.id in seen_here:
                continue
            seen_here.add(node.id)
            if node.id not in graph:
                graph.add_node(node.id, **node_attributes(node))
                added.add(node.id)
            elif graph.nodes[node.id].get("kind") not in ("unfetched", "outlet"):
                continue
            weight = WEIGHTS.get(signal.kind, 0.5)
            edge = Edge(
                source=node.id,
                target=node_id,
                confidence=weight,
                similarity=0.0,
                containment=0.0,
                evidence=(signal,),
                explanation=f"{article.outlet} credits {node.title or node.outlet}: "
                f'{signal.kind} "{signal.detail}" (the credited source was not fetched)',
            )
            graph.add_edge(node.id, node_id, **edge_attributes(edge))
    return added


def _material_factors(
    graph: nx.DiGraph, texts: dict[str, frozenset[str]]
) -> dict[tuple[str, str], float]:
    factors: dict[tuple[str, str], float] = {}
    for copy in graph.nodes:
        if copy not in texts:
            continue
        sources = [p for p in graph.predecessors(copy) if p in texts]
        if len(sources) < 2 or len(sources) > _MAX_CANDIDATES:
            continue
        mine = texts[copy]
        for source in sources:
            others: set[str] = set()
            for other in sources:
                if other != source:
                    others |= texts[other]
            shared = mine & (others | texts[source])
            borrowed = len((mine & others) - texts[source])
            if shared and borrowed >= _BORROWED_MIN and borrowed >= _BORROWED_SHARE * len(shared):
                # identical text that only another candidate has cannot come from this one
                ratio = borrowed / len(shared)
                factors[(source, copy)] = max(0.2, 1.0 - _BORROWED_PENALTY * ratio)
    return factors


def _sibling_factors(graph: nx.DiGraph, absent: set[str]) -> dict[tuple[str, str], float]:
    factors: dict[tuple[str, str], float] = {}
    for source, copy, data in graph.edges(data=True):
        if source in absent or copy in absent:
            continue
        common = set(graph.predecessors(source)) & set(graph.predecessors(copy)) & absent
        kinds = set(str(data.get("evidence_kinds", "")).split(","))
        if common and not kinds & CREDIT_KINDS:
            factors[(source, copy)] = 0.5
    return factors


def lineage_tree(graph: nx.DiGraph, articles: dict[str, Article], registry: Registry) -> nx.DiGraph:
    """Add credited sources to ``graph`` and return its provenance tree under the rules above."""
    absent = add_credited_sources(graph, articles, registry)
    absent |= {n for n, d in graph.nodes(data=True) if d.get("kind") in ("unfetched", "outlet")}
    texts = {node: shingles(a.text, _SHINGLE_SIZE) for node, a in articles.items() if node in graph}
    factors = _material_factors(graph, texts)
    for key, factor in _sibling_factors(graph, absent).items():
        factors[key] = factors.get(key, 1.0) * factor
    return provenance_tree(graph, factors)
