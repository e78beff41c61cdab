"""Writing graphs to files: GraphML (the reference format) and JSON node-link."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import networkx as nx

from .errors import ConfigError, StoreError
from .graph import build_graph
from .store import Store

__all__ = ["FORMATS", "format_for", "store_graph", "write_graph"]

logger = logging.getLogger(__name__)

FORMATS = {"graphml": ".graphml", "json": ".json"}


def format_for(path: Path, explicit: str | None) -> str:
    """The export format: ``explicit`` if given, else from the file's extension."""
    if explicit:
        if explicit.lower() not in FORMATS:
            raise ConfigError(f"unknown format {explicit!r}; choose one of {', '.join(FORMATS)}")
        return explicit.lower()
    for name, suffix in FORMATS.items():
        if path.suffix.lower() == suffix:
            return name
    return "graphml"


def store_graph(store: Store, url: str | None = None) -> nx.DiGraph:
    """The whole store as a graph, or only the component of ``url``."""
    from .pipeline import article_node, component

    if url is not None:
        articles, edges = component(store, url)
        if not articles:
            raise StoreError(f"{url} is not in the store")
    else:
        articles, edges = list(store.iter_articles()), list(store.iter_edges())
    return build_graph([article_node(s) for s in articles], edges)


def write_graph(graph: nx.DiGraph, path: Path, fmt: str = "graphml") -> Path:
    """Write ``graph`` to ``path`` atomically (a temporary file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    try:
        if fmt == "graphml":
            nx.write_graphml(graph, temporary, named_key_ids=True)
        elif fmt == "json":
            data = nx.node_link_data(graph, edges="edges")
            temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            raise ConfigError(f"unknown format {fmt!r}")
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
    logger.info(
        "wrote %s (%d nodes, %d edges)", path, graph.number_of_nodes(), graph.number_of_edges()
    )
    return path
