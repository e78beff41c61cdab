"""The lookup tree as text for a terminal: outlet, date, lag, similarity, explanation."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, TextIO

import networkx as nx

from .evidence import parse_date

if TYPE_CHECKING:
    from .outlets_graph import OutletRanking
    from .pipeline import LookupResult

__all__ = ["render_outlets", "render_tree", "safe_text", "use_color"]

_COLORS = {
    "strong": "\x1b[32m",
    "medium": "\x1b[33m",
    "weak": "\x1b[31m",
    "dim": "\x1b[2m",
    "bold": "\x1b[1m",
    "reset": "\x1b[0m",
}


# C0 and C1 control characters (ESC, CSI, BEL, ...) from a hostile page could rewrite the
# terminal; bidirectional overrides could make one URL read as another
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_text(value: object) -> str:
    """Text from a web page, made harmless for a terminal: control characters removed."""
    text = "" if value is None else str(value)
    return _CONTROL.sub("", text.replace("\n", " ").replace("\t", " "))


def use_color(stream: TextIO) -> bool:
    """Colours only on a terminal, and not when ``NO_COLOR`` is set or ``TERM=dumb``."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_COLORS[style]}{text}{_COLORS['reset']}" if color else text


def _strength(confidence: float) -> str:
    return "strong" if confidence >= 0.75 else "medium" if confidence >= 0.4 else "weak"


def _lag(parent: dict[str, str], child: dict[str, str]) -> str:
    a, b = parse_date(parent.get("published")), parse_date(child.get("published"))
    if not a or not b:
        return ""
    days = (b - a).total_seconds() / 86400
    sign = "-" if days < 0 else "+"
    days = abs(days)
    return f"{sign}{days:.0f}d" if days >= 1 else f"{sign}{days * 24:.0f}h"


def _label(data: dict[str, str]) -> str:
    when = (data.get("published") or "")[:10] or "undated"
    title = safe_text(data.get("title"))
    title = f'  "{title[:60]}"' if title else ""
    return f"{safe_text(data.get('outlet'))}  {safe_text(when)}{title}"


def render_tree(result: LookupResult, *, color: bool = False) -> str:
    """The provenance tree, origin first, each copy under its most likely source."""
    tree: nx.DiGraph = result.tree
    origin = result.origin
    data = tree.nodes[origin]
    lines = [
        _paint("Origin: ", "bold", color)
        + f"{safe_text(data['outlet'])}  {safe_text(data['url']) or '(not fetched: named only)'}",
        f"  published {safe_text(data['published']) or 'unknown'};"
        f" confidence {result.origin_confidence:.2f}",
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
            url = safe_text(tree.nodes[child].get("url"))
            lines.append(body + "  " + _paint(url, "dim", color))
            lines.append(body + "  " + safe_text(edge["explanation"]))
            walk(child, body)

    walk(origin, "")
    others = [n for n in tree.nodes if n != origin and not nx.has_path(tree, origin, n)]
    if others:
        lines.append("")
        lines.append(f"Also linked, not placed under this origin: {len(others)}")
        lines.extend(
            f"  {safe_text(tree.nodes[n]['outlet'])}  {safe_text(tree.nodes[n].get('url') or n)}"
            for n in others
        )
    copies = tree.number_of_nodes() - 1 - len(others)
    lines.append("")
    lines.append(f"{copies} cop{'y' if copies == 1 else 'ies'} known.")
    return "\n".join(lines)


def _hours(value: object) -> str:
    if value is None or value == "":
        return "-"
    hours = float(str(value))
    sign = "-" if hours < 0 else "+"
    hours = abs(hours)
    return f"{sign}{hours:.0f}h" if hours < 48 else f"{sign}{hours / 24:.1f}d"


def _table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return (
            "  "
            + "  ".join(
                c.rjust(w) if i in numeric else c.ljust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()
        )

    return [line(headers), *(line(r) for r in rows)]


def render_outlets(graph: nx.DiGraph, ranking: OutletRanking, *, color: bool = False) -> str:
    """The outlet ranking as text: originals, amplifiers, mirror communities."""
    nodes = graph.nodes
    links = graph.number_of_edges()
    copies = sum(int(d.get("weight", 0)) for _, _, d in graph.edges(data=True))
    lines = [
        f"{graph.number_of_nodes()} outlet(s); {copies} cop{'y' if copies == 1 else 'ies'} across"
        f" {links} link(s) between outlets (each copy counted once, under its likeliest source)",
        "",
    ]

    def name(n: str) -> str:
        text = safe_text(nodes[n].get("name"))
        networks = safe_text(nodes[n].get("networks")).replace("|", ", ")
        text = f"{text} [{networks}]" if networks else text
        return text if len(text) <= 32 else text[:31] + "…"

    lines.append(
        _paint("As originals", "bold", color)
        + ": copies that descend from articles they published first"
    )
    if ranking.originals:
        rows = [
            [
                str(i),
                safe_text(n),
                name(n),
                str(nodes[n]["articles"]),
                str(nodes[n]["reach"]),
                str(nodes[n]["out_weight"]),
                f"{float(nodes[n]['pagerank']):.3f}",
            ]
            for i, n in enumerate(ranking.originals, 1)
        ]
        headers = ["#", "outlet", "name", "articles", "reach", "direct", "pagerank"]
        lines += _table(headers, rows, {0, 3, 4, 5, 6})
    else:
        lines.append("  (none: no article in the selection was copied)")
    lines.append("")
    lines.append(
        _paint("As amplifiers", "bold", color)
        + ": copies they republished, and copies others then made of those"
    )
    if ranking.amplifiers:
        rows = [
            [
                str(i),
                safe_text(n),
                name(n),
                str(nodes[n]["copies"]),
                str(nodes[n]["relayed"]),
                str(nodes[n]["spread"]),
                _hours(nodes[n].get("median_copy_lag_hours")),
            ]
            for i, n in enumerate(ranking.amplifiers, 1)
        ]
        headers = ["#", "outlet", "name", "copies", "relayed", "spread", "median lag"]
        lines += _table(headers, rows, {0, 3, 4, 5, 6})
    else:
        lines.append("  (none)")
    lines.append("")
    lines.append(
        _paint("Mirror communities", "bold", color)
        + ": outlets that carry near-identical copies of the same articles"
    )
    if ranking.communities:
        lines += [
            f"  {i}. " + ", ".join(safe_text(m) for m in members)
            for i, members in enumerate(ranking.communities, 1)
        ]
    else:
        lines.append("  (none)")
    return "\n".join(lines)
