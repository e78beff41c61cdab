"""The lookup tree as text for a terminal: outlet, date, lag, similarity, explanation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from .evidence import parse_date

if TYPE_CHECKING:
    from .pipeline import LookupResult

__all__ = ["render_tree"]

_COLORS = {
    "strong": "\x1b[32m",
    "medium": "\x1b[33m",
    "weak": "\x1b[31m",
    "dim": "\x1b[2m",
    "bold": "\x1b[1m",
    "reset": "\x1b[0m",
}


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_COLORS[style]}{text}{_COLORS['reset']}" if color else text


def _strength(confidence: float) -> str:
    return "strong" if confidence >= 0.75 else "medium" if confidence >= 0.4 else "weak"


def _lag(parent: dict[str, str], child: dict[str, str]) -> str:
    a, b = parse_date(parent.get("published")), parse_date(child.get("published"))
    if not a or not b:
        return ""
    days = (b - a).total_seconds() / 86400
    return f"+{days:.0f}d" if abs(days) >= 1 else f"+{days * 24:.0f}h"


def _label(data: dict[str, str]) -> str:
    when = (data.get("published") or "")[:10] or "undated"
    title = data.get("title") or ""
    title = f'  "{title[:60]}"' if title else ""
    return f"{data.get('outlet')}  {when}{title}"


def render_tree(result: LookupResult, *, color: bool = False) -> str:
    """The provenance tree, origin first, each copy under its most likely source."""
    tree: nx.DiGraph = result.tree
    origin = result.origin
    data = tree.nodes[origin]
    lines = [
        _paint("Origin: ", "bold", color)
        + f"{data['outlet']}  {data['url'] or '(not fetched: named only)'}",
        f"  published {data['published'] or 'unknown'}; confidence {result.origin_confidence:.2f}",
        "",
    ]

    def marker(node: str) -> str:
        return "  <- queried" if node == result.query else ""

    lines.append(_label(data) + _paint(marker(origin), "bold", color))

    def walk(node: str, prefix: str) -> None:
        children = sorted(
            tree.successors(node), key=lambda c: tree.nodes[c].get("published") or "~"
        )
        for i, child in enumerate(children):
            last = i == len(children) - 1
            edge = tree.edges[node, child]
            conf = float(edge["confidence"])
            head = prefix + ("└── " if last else "├── ")
            facts = [f"sim {float(edge['similarity']):.2f}", f"conf {conf:.2f}"]
            lag = _lag(tree.nodes[node], tree.nodes[child])
            if lag:
                facts.insert(0, lag)
            lines.append(
                head
                + _label(tree.nodes[child])
                + "  "
                + _paint(" ".join(facts), _strength(conf), color)
                + _paint(marker(child), "bold", color)
            )
            body = prefix + ("    " if last else "│   ")
            lines.append(body + "  " + _paint(tree.nodes[child].get("url") or "", "dim", color))
            lines.append(body + "  " + str(edge["explanation"]))
            walk(child, body)

    walk(origin, "")
    others = [n for n in tree.nodes if n != origin and not nx.has_path(tree, origin, n)]
    if others:
        lines.append("")
        lines.append(f"Also linked, not placed under this origin: {len(others)}")
        lines.extend(
            f"  {tree.nodes[n]['outlet']}  {tree.nodes[n].get('url') or n}" for n in others
        )
    copies = tree.number_of_nodes() - 1 - len(others)
    lines.append("")
    lines.append(f"{copies} cop{'y' if copies == 1 else 'ies'} known.")
    return "\n".join(lines)
