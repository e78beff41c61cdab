"""A self-contained HTML report of a lookup: the tree drawn, the evidence, the explanations.

One file, nothing fetched when it is opened: the CSS and the SVG picture are inline,
there is no script, and a Content-Security-Policy forbids any. Every text that comes
from a web page (titles, outlet names, URLs, evidence) is escaped; links are made
only of http(s) URLs.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .draw import draw_tree
from .errors import StoreError
from .evidence import parse_date
from .export import strength
from .render import render_tree

if TYPE_CHECKING:
    from .pipeline import LookupResult

__all__ = ["render_html", "write_html"]

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:76em;
padding:0 1.2em;color:#1b1b1b}
h1{font-size:1.4em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.8em}
.summary{color:#444}.url{font-family:ui-monospace,monospace;font-size:.9em;word-break:break-all}
figure{margin:1em 0;overflow-x:auto}figure svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
.strong{color:#1b7837;font-weight:600}.medium{color:#a86b00;font-weight:600}
.weak{color:#c0392b;font-weight:600}ul.ev{margin:0;padding-left:1.1em}
pre{background:#f7f7f7;padding:1em;overflow-x:auto;font-size:.85em}
footer{margin-top:2em;color:#777;font-size:.85em}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _link(url: object, text: object | None = None) -> str:
    shown = _e(text if text is not None else url)
    href = str(url or "")
    if re.match(r"https?://", href, re.IGNORECASE):
        return f'<a class="url" href="{_e(href)}" rel="noopener noreferrer nofollow">{shown}</a>'
    return f'<span class="url">{shown}</span>'


def _lag(tree: nx.DiGraph, source: str, target: str) -> str:
    a = parse_date(str(tree.nodes[source].get("published") or ""))
    b = parse_date(str(tree.nodes[target].get("published") or ""))
    if a is None or b is None:
        return ""
    hours = (b - a).total_seconds() / 3600
    return f"{hours:+.0f} h" if abs(hours) < 48 else f"{hours / 24:+.1f} d"


def _evidence_list(data: dict[str, Any]) -> str:
    try:
        items = json.loads(str(data.get("evidence") or "[]"))
    except ValueError:
        items = []
    rows = []
    for item in items:
        target = item.get("target")
        where = f" → {_link(target)}" if target else ""
        rows.append(f"<li><b>{_e(item.get('kind'))}</b>: {_e(item.get('detail'))}{where}</li>")
    return f'<ul class="ev">{"".join(rows)}</ul>' if rows else ""


def _edge_rows(graph: nx.DiGraph, edges: list[tuple[str, str, dict[str, Any]]]) -> str:
    rows = []
    for source, target, data in edges:
        copy, original = graph.nodes[target], graph.nodes[source]
        confidence = float(data.get("confidence", 0.0))
        rows.append(
            "<tr>"
            f"<td><b>{_e(copy.get('outlet'))}</b><br>{_e(copy.get('title'))}<br>"
            f"{_link(copy.get('url') or target)}</td>"
            f"<td><b>{_e(original.get('outlet'))}</b><br>"
            f"{_link(original.get('url') or source)}</td>"
            f"<td>{_e(str(copy.get('published') or '')[:16] or 'undated')}</td>"
            f'<td class="num">{_e(_lag(graph, source, target))}</td>'
            f'<td class="num">{float(data.get("similarity", 0.0)):.2f}</td>'
            f'<td class="num">{float(data.get("containment", 0.0)):.2f}</td>'
            f'<td class="num {strength(confidence)}">{confidence:.2f}</td>'
            f"<td>{_evidence_list(data)}<div>{_e(data.get('explanation'))}</div></td>"
            "</tr>"
        )
    head = (
        "<tr><th>copy</th><th>copied from</th><th>published</th><th>lag</th><th>similarity</th>"
        "<th>contained</th><th>confidence</th><th>evidence and explanation</th></tr>"
    )
    return f"<table>{head}{''.join(rows)}</table>"


def _tree_order(tree: nx.DiGraph, origin: str) -> list[tuple[str, str, dict[str, Any]]]:
    order = []
    for source, target in nx.dfs_edges(tree, origin):
        order.append((source, target, tree.edges[source, target]))
    placed = {(s, t) for s, t, _ in order}
    order += [(s, t, d) for s, t, d in tree.edges(data=True) if (s, t) not in placed]
    return order


def _inline_svg(svg: bytes) -> str:
    text = svg.decode("utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else ""


def render_html(result: LookupResult, *, version: str = "") -> str:
    """The report as one HTML document (a string)."""
    from . import __version__

    tree, graph = result.tree, result.graph
    origin = tree.nodes[result.origin]
    query = tree.nodes[result.query] if result.query in tree else {}
    picture = draw_tree(graph, None, fmt="svg", query=result.query, tree=tree)
    tree_edges = _tree_order(tree, result.origin)
    in_tree = {(s, t) for s, t, _ in tree_edges}
    others = [(s, t, d) for s, t, d in graph.edges(data=True) if (s, t) not in in_tree]
    heading = query.get("title") or query.get("url") or result.query
    failures = "".join(f"<li>{_link(u)}: {_e(r)}</li>" for u, r in result.failures)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>Provenance: {_e(heading)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Provenance of “{_e(heading)}”</h1>",
        f'<p class="summary">Queried: {_link(query.get("url") or result.query)}</p>',
        "<p>Origin: <b>"
        + _e(origin.get("outlet"))
        + "</b> "
        + (f"“{_e(origin['title'])}” " if origin.get("title") else "")
        + (_link(origin["url"]) if origin.get("url") else "(named only, not fetched)")
        + f"; published {_e(origin.get('published') or 'unknown')}; confidence "
        + f'<span class="{strength(result.origin_confidence)}">'
        + f"{result.origin_confidence:.2f}</span>.</p>",
        f"<p>{len(tree_edges)} cop{'y' if len(tree_edges) == 1 else 'ies'} in the tree; "
        f"{len(others)} other verified pair(s).</p>",
        "<h2>The tree</h2>",
        f"<figure>{_inline_svg(picture.content)}</figure>",
        "<h2>Evidence, copy by copy</h2>",
        _edge_rows(graph, tree_edges),
    ]
    if others:
        parts += [
            "<h2>Other verified pairs</h2>",
            "<p>Pairs of texts that match but are not the most likely immediate source.</p>",
            _edge_rows(graph, others),
        ]
    parts += ["<h2>As text</h2>", f"<pre>{_e(render_tree(result, color=False))}</pre>"]
    if failures:
        parts += ["<h2>Could not fetch</h2>", f"<ul>{failures}</ul>"]
    parts.append(
        f"<footer>provenance {_e(version or __version__)}, {_e(generated)}. "
        "Confidence: strong ≥ 0.75, medium ≥ 0.40, weak below.</footer></body></html>"
    )
    return "\n".join(parts) + "\n"


def write_html(result: LookupResult, path: Path) -> Path:
    """Write :func:`render_html` to ``path`` atomically."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(render_html(result), encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path
