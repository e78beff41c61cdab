"""Writing graphs to files: GraphML (the reference), GEXF, JSON node-link, CSV and Graphviz DOT.

Every format carries the same attributes, typed where the format has types:

* nodes: ``url``, ``outlet`` (the domain), ``outlet_name``, ``label``, ``title``,
  ``published`` and ``first_seen`` (ISO-8601 strings, as stored), ``appeared``
  (the publication time, else the first-seen time, in UTC), ``time_source``,
  ``kind`` and ``role`` (``origin``, ``copy`` or ``isolated``);
* edges: ``confidence``, ``similarity``, ``containment``, ``weight`` (= confidence)
  and ``lag_hours`` as doubles, ``tree`` as a boolean (the edge is in the
  provenance tree), ``evidence_kinds`` as a comma-joined string, ``evidence``
  as JSON text and ``explanation``.

GraphML and JSON read back whole with networkx. GEXF is dynamic: each node starts
when its article appeared and each edge when its copy appeared, so Gephi's
timeline plays the spread (``timeformat="dateTime"``; networkx 3.6 does not read
that time format, use GraphML there). CSV writes two tables Gephi's spreadsheet
import and Cytoscape understand; text cells that a spreadsheet would run as a
formula are prefixed with ``'``. DOT is for Graphviz.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import networkx as nx

from .errors import ConfigError, StoreError
from .evidence import parse_date
from .graph import build_graph, provenance_tree
from .store import Store, StoredArticle

__all__ = [
    "FORMATS",
    "OutletInfo",
    "OutletRegistry",
    "Selection",
    "annotate",
    "csv_paths",
    "format_for",
    "parse_when",
    "store_graph",
    "unescape_csv_cell",
    "write_graph",
]

logger = logging.getLogger(__name__)

#: Format name -> the extensions that choose it (the first is the default one).
FORMATS: dict[str, tuple[str, ...]] = {
    "graphml": (".graphml",),
    "gexf": (".gexf",),
    "json": (".json",),
    "csv": (".csv",),
    "dot": (".dot", ".gv"),
}


class OutletInfo(Protocol):
    """What an outlet registry knows of one outlet."""

    @property
    def name(self) -> str: ...

    @property
    def networks(self) -> Iterable[str]: ...


class OutletRegistry(Protocol):
    """The hook for ``provenance.registry``: names and network labels by domain."""

    def lookup(self, domain: str) -> OutletInfo | None: ...


@dataclass(frozen=True)
class Selection:
    """Which part of the store to export; every given filter applies (an intersection).

    ``url``: the component of one article. ``outlet``: the components of every
    article of that domain. ``since``/``until``: only articles that appeared
    (published, else first seen) in ``[since, until)``, and the edges among them.
    """

    url: str | None = None
    outlet: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def format_for(path: Path, explicit: str | None) -> str:
    """The export format: ``explicit`` if given, else from the file's extension (else GraphML)."""
    if explicit:
        if explicit.lower() not in FORMATS:
            raise ConfigError(f"unknown format {explicit!r}; choose one of {', '.join(FORMATS)}")
        return explicit.lower()
    for name, suffixes in FORMATS.items():
        if path.suffix.lower() in suffixes:
            return name
    return "graphml"


def parse_when(text: str, *, end: bool = False) -> datetime:
    """An ISO date or datetime for ``--since``/``--until``; a bare date ``end``s after that day."""
    value = parse_date(text)
    if value is None:
        raise ConfigError(f"not an ISO-8601 date or datetime: {text!r}")
    if end and len(text.strip()) == 10:  # YYYY-MM-DD: the whole day is in the window
        value += timedelta(days=1)
    return value


# -- choosing and annotating the graph ---------------------------------------------------


def store_graph(
    store: Store,
    url: str | None = None,
    *,
    selection: Selection | None = None,
    registry: OutletRegistry | None = None,
) -> nx.DiGraph:
    """The whole store as an annotated article graph, or the part ``selection`` picks."""
    from .pipeline import article_node, component

    selection = selection or Selection(url=url)
    if url is not None and selection.url is None:
        selection = Selection(url, selection.outlet, selection.since, selection.until)
    articles: dict[str, StoredArticle] = {}
    edges: dict[tuple[str, str], Any] = {}
    if selection.url is None and selection.outlet is None:
        articles = {s.article.url: s for s in store.iter_articles()}
        edges = {(e.source, e.target): e for e in store.iter_edges()}
    if selection.url is not None:
        found, found_edges = component(store, selection.url)
        if not found:
            raise StoreError(f"{selection.url} is not in the store")
        articles = {s.article.url: s for s in found}
        edges = {(e.source, e.target): e for e in found_edges}
    if selection.outlet is not None:
        domain = selection.outlet.lower().removeprefix("www.")
        own = [s.article.url for s in store.iter_articles() if s.article.outlet == domain]
        if not own:
            raise StoreError(f"no article from {domain} in the store")
        picked: dict[str, StoredArticle] = {}
        picked_edges: dict[tuple[str, str], Any] = {}
        for start in own:
            if start in picked:
                continue
            found, found_edges = component(store, start)
            picked.update((s.article.url, s) for s in found)
            picked_edges.update(((e.source, e.target), e) for e in found_edges)
        if selection.url is not None:  # both: the intersection
            picked = {u: s for u, s in picked.items() if u in articles}
        articles, edges = picked, picked_edges
    if selection.since is not None or selection.until is not None:
        articles = {
            u: s
            for u, s in articles.items()
            if _in_window(_appeared(s.article.published, s.first_seen)[0], selection)
        }
    graph = build_graph([article_node(s) for s in articles.values()], edges.values())
    names = {s.article.outlet: s.article.site_name or "" for s in articles.values()}
    return annotate(graph, names=names, registry=registry)


def _in_window(when: datetime | None, selection: Selection) -> bool:
    if when is None:
        return False
    if selection.since is not None and when < selection.since:
        return False
    return not (selection.until is not None and when >= selection.until)


def _appeared(published: str | None, first_seen: str | None) -> tuple[datetime | None, str]:
    when = parse_date(published)
    if when is not None:
        return when, "published"
    when = parse_date(first_seen)
    return (when, "first_seen") if when is not None else (None, "")


def iso_utc(when: datetime) -> str:
    """``2026-05-16T08:10:00Z``: one spelling of instants for every format."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def outlet_label(
    domain: str, names: Mapping[str, str] | None, registry: OutletRegistry | None
) -> tuple[str, str]:
    """(name, "|"-joined network labels) of an outlet: the registry's, else the site name."""
    if registry is not None:
        info = registry.lookup(domain)
        if info is not None:
            networks = info.networks
            labels = [networks] if isinstance(networks, str) else list(networks)
            return info.name, "|".join(labels)
    return (names or {}).get(domain) or "", ""


def annotate(
    graph: nx.DiGraph,
    *,
    names: Mapping[str, str] | None = None,
    registry: OutletRegistry | None = None,
) -> nx.DiGraph:
    """A copy of an article graph with the attributes viewers want (labels, time, tree, lag)."""
    out = graph.copy()
    tree = provenance_tree(graph)
    for node, data in out.nodes(data=True):
        domain = str(data.get("outlet") or "")
        name, _ = outlet_label(domain, names, registry)
        data["outlet_name"] = name
        data["label"] = domain or str(node)
        when, source = _appeared(data.get("published"), data.get("first_seen"))
        data["appeared"] = iso_utc(when) if when else ""
        data["time_source"] = source
        if tree.in_degree(node):
            data["role"] = "copy"
        elif tree.out_degree(node):
            data["role"] = "origin"
        else:
            data["role"] = "isolated"
        for key in ("url", "outlet", "title", "published", "first_seen", "kind"):
            data[key] = str(data.get(key) or "")
    for source, target, data in out.edges(data=True):
        confidence = float(data.get("confidence", 0.0))
        data["confidence"] = confidence
        data["similarity"] = float(data.get("similarity", 0.0))
        data["containment"] = float(data.get("containment", 0.0))
        data["weight"] = confidence
        data["tree"] = tree.has_edge(source, target)
        a = parse_date(out.nodes[source].get("published"))
        b = parse_date(out.nodes[target].get("published"))
        if a is not None and b is not None:
            data["lag_hours"] = round((b - a).total_seconds() / 3600, 3)
        for key in ("evidence_kinds", "evidence", "explanation"):
            data[key] = str(data.get(key) or "")
    out.graph["level"] = "articles"
    return out


def lags(values: Iterable[float]) -> tuple[float | None, float | None]:
    """(median, minimum) of lags in hours, or (None, None)."""
    known = list(values)
    if not known:
        return None, None
    return round(statistics.median(known), 3), round(min(known), 3)


# -- writing ---------------------------------------------------------------------------------


def csv_paths(path: Path) -> tuple[Path, Path]:
    """(edges, nodes) files of a CSV export: ``x.csv`` and ``x.nodes.csv``."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    if stem.endswith(".edges"):
        return path, path.with_name(stem[: -len(".edges")] + ".nodes" + (path.suffix or ".csv"))
    return path, path.with_name(stem + ".nodes" + (path.suffix or ".csv"))


def write_graph(graph: nx.DiGraph, path: Path, fmt: str = "graphml") -> Path:
    """Write ``graph`` to ``path`` atomically (temporary files renamed into place).

    A CSV export also writes its node table beside ``path`` (see :func:`csv_paths`).
    """
    writers: dict[str, Callable[[nx.DiGraph], dict[Path, bytes]]] = {
        "graphml": lambda g: {path: _graphml_bytes(g)},
        "gexf": lambda g: {path: _gexf_bytes(g)},
        "json": lambda g: {path: _json_bytes(g)},
        "csv": lambda g: dict(zip(csv_paths(path), _csv_bytes(g), strict=True)),
        "dot": lambda g: {path: _dot_text(g).encode("utf-8")},
    }
    if fmt not in writers:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    files = writers[fmt](graph)
    _write_files(files)
    logger.info(
        "wrote %s (%d nodes, %d edges)", path, graph.number_of_nodes(), graph.number_of_edges()
    )
    return path


def _write_files(files: Mapping[Path, bytes]) -> None:
    written: list[Path] = []
    try:
        for target, content in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(target.name + ".tmp")
            written.append(temporary)
            temporary.write_bytes(content)
        for target in files:
            target.with_name(target.name + ".tmp").replace(target)
    except OSError as exc:
        for temporary in written:
            temporary.unlink(missing_ok=True)
        raise StoreError(f"cannot write {exc.filename or ''}: {exc.strerror or exc}") from exc


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy whose strings XML 1.0 can hold (web pages do carry stray control characters)."""

    def clean(data: dict[str, Any]) -> dict[str, Any]:
        return {k: _XML_ILLEGAL.sub("", v) if isinstance(v, str) else v for k, v in data.items()}

    out = nx.DiGraph()
    out.graph.update(clean(dict(graph.graph)))
    for node, data in graph.nodes(data=True):
        out.add_node(_XML_ILLEGAL.sub("", str(node)), **clean(data))
    for source, target, data in graph.edges(data=True):
        out.add_edge(
            _XML_ILLEGAL.sub("", str(source)), _XML_ILLEGAL.sub("", str(target)), **clean(data)
        )
    return out


def _graphml_bytes(graph: nx.DiGraph) -> bytes:
    names = [
        set(graph.graph),
        {k for _, d in graph.nodes(data=True) for k in d},
        {k for *_, d in graph.edges(data=True) for k in d},
    ]
    # readable key ids (id="confidence") unless one name is used by two domains: ids are unique
    distinct = sum(map(len, names)) == len(set().union(*names))
    buffer = io.BytesIO()
    nx.write_graphml(_xml_safe(graph), buffer, named_key_ids=distinct)
    return _lowercase_booleans(buffer.getvalue())


def _lowercase_booleans(document: bytes) -> bytes:
    """networkx writes ``True``; GraphML's (XML Schema's) booleans are ``true`` and ``false``."""
    from lxml import etree

    root = etree.fromstring(document)
    namespace = "{http://graphml.graphdrawing.org/xmlns}"
    booleans = {
        key.get("id") for key in root.iter(f"{namespace}key") if key.get("attr.type") == "boolean"
    }
    if not booleans:
        return document
    for data in root.iter(f"{namespace}data"):
        if data.get("key") in booleans and data.text:
            data.text = data.text.strip().lower()
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _gexf_bytes(graph: nx.DiGraph) -> bytes:
    from lxml import etree

    dynamic = _xml_safe(graph)
    for _, data in dynamic.nodes(data=True):
        when = data.get("appeared") or data.get("first_appeared")  # an article, an outlet
        if when:
            data["start"] = when
    for source, target, data in dynamic.edges(data=True):
        times = [dynamic.nodes[n].get("start") or "" for n in (source, target)]
        if all(times):
            # an edge exists once both its ends do, and for outlets once the first copy is out
            data["start"] = max(*times, str(data.get("first_copy") or ""))
    dynamic.graph.pop("node_default", None)
    buffer = io.BytesIO()
    nx.write_gexf(dynamic, buffer)
    root = etree.fromstring(buffer.getvalue())
    namespace = root.nsmap[None]
    graph_element = root.find(f"{{{namespace}}}graph")
    if graph_element is not None and graph_element.get("timeformat") == "date":
        graph_element.set("timeformat", "dateTime")  # instants, not days
    creator = root.find(f"{{{namespace}}}meta/{{{namespace}}}creator")
    if creator is not None:
        creator.text = f"provenance (via {creator.text})"
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _json_bytes(graph: nx.DiGraph) -> bytes:
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _columns(items: Iterable[Mapping[str, Any]], first: Iterable[str] = ()) -> list[str]:
    seen: dict[str, None] = dict.fromkeys(first)
    for data in items:
        seen.update(dict.fromkeys(sorted(data)))
    return list(seen)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    # a title such as '=HYPERLINK(...)' must not run as a formula when a spreadsheet opens it
    return "'" + text if text.startswith(_FORMULA_START) or text.startswith("'") else text


def unescape_csv_cell(text: str) -> str:
    """Undo the formula guard of the CSV export on a text cell."""
    return text[1:] if text.startswith("'") else text


def _csv_bytes(graph: nx.DiGraph) -> tuple[bytes, bytes]:
    edge_data = [d for _, _, d in graph.edges(data=True)]
    edge_columns = [c for c in _columns(edge_data) if c not in ("Source", "Target", "Type")]
    edges = io.StringIO()
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow(["Source", "Target", "Type", *edge_columns])
    for source, target, data in graph.edges(data=True):
        writer.writerow(
            [
                _csv_cell(source),
                _csv_cell(target),
                "Directed",
                *(_csv_cell(data[c]) if c in data else "" for c in edge_columns),
            ]
        )
    node_data = [d for _, d in graph.nodes(data=True)]
    node_columns = [c for c in _columns(node_data) if c not in ("Id", "Label", "label")]
    nodes = io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(["Id", "Label", *node_columns])
    for node, data in graph.nodes(data=True):
        writer.writerow(
            [
                _csv_cell(node),
                _csv_cell(data.get("label", node)),
                *(_csv_cell(data[c]) if c in data else "" for c in node_columns),
            ]
        )
    return edges.getvalue().encode("utf-8"), nodes.getvalue().encode("utf-8")


# -- Graphviz DOT -------------------------------------------------------------------------------

STRENGTH_COLORS = {"strong": "#1b7837", "medium": "#d08c00", "weak": "#c0392b"}


def strength(confidence: float) -> str:
    """The evidence strength class of a confidence: strong, medium or weak."""
    return "strong" if confidence >= 0.75 else "medium" if confidence >= 0.4 else "weak"


def dot_quote(value: object) -> str:
    """A DOT double-quoted string: backslashes, quotes and line breaks escaped."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def _dot_value(value: object) -> str:
    if isinstance(value, bool):
        return dot_quote("true" if value else "false")
    if isinstance(value, float):
        return dot_quote(repr(value))
    return dot_quote(value)


# Graphviz gives these names a meaning; our data must not clash with it.
_DOT_RESERVED = {"weight", "label", "color", "penwidth", "style", "tooltip", "shape"}


# ...and pydot (hence networkx.read_dot) cannot read an attribute called "name"
_DOT_RENAMED = {"name": "outlet_name"}


def _dot_attrs(data: Mapping[str, Any], drawn: Mapping[str, object]) -> str:
    parts = [f"{k}={_dot_value(v)}" for k, v in drawn.items()]
    parts += [
        f"{_DOT_RENAMED.get(k, k)}={_dot_value(v)}"
        for k, v in data.items()
        if k not in _DOT_RESERVED and k not in drawn and re.fullmatch(r"[A-Za-z_]\w*", k)
    ]
    return ", ".join(parts)


def _dot_text(graph: nx.DiGraph) -> str:
    outlets = graph.graph.get("level") == "outlets"
    lines = [
        f"digraph {dot_quote('outlets' if outlets else 'provenance')} {{",
        '  graph [rankdir="LR", fontname="Helvetica", overlap="false"];',
        '  node [shape="box", style="rounded", fontname="Helvetica", fontsize="10"];',
        '  edge [fontname="Helvetica", fontsize="9"];',
    ]
    for node, data in graph.nodes(data=True):
        if outlets:
            label = f"{node}\n{data.get('articles', 0)} article(s)"
            drawn: dict[str, object] = {"label": label, "tooltip": data.get("name") or node}
        else:
            when = str(data.get("published") or "")[:10] or "undated"
            label = f"{data.get('label') or data.get('outlet') or node}\n{when}"
            drawn = {"label": label, "tooltip": data.get("title") or node}
        lines.append(f"  {dot_quote(node)} [{_dot_attrs(data, drawn)}];")
    for source, target, data in graph.edges(data=True):
        if outlets:
            weight = int(data.get("weight", 1))
            drawn = {"label": str(weight), "weight": weight, "penwidth": f"{1 + weight**0.5:.2f}"}
        else:
            confidence = float(data.get("confidence", 0.0))
            drawn = {
                "label": f"{float(data.get('similarity', 0.0)):.2f}",
                "color": STRENGTH_COLORS[strength(confidence)],
                "penwidth": f"{0.8 + 2 * confidence:.2f}",
                "style": "solid" if data.get("tree", True) else "dashed",
            }
        lines.append(f"  {dot_quote(source)} -> {dot_quote(target)} [{_dot_attrs(data, drawn)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
