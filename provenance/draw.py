"""Pictures: the provenance tree as a timeline, and the outlet graph as a network (PNG or SVG).

The timeline puts each article at its publication time (hollow when undated: then at
the time we first saw it), the origin on the left and each copy on its own row under
its source, joined by an elbow whose horizontal run is the lag, coloured by the
strength of the evidence. The network draws outlets sized by article count and
coloured by role (origin or copier), arrows A -> B when B republished A, and mirror
communities as shaded hulls. Both stay readable at a few hundred nodes: rows shrink,
fonts shrink, and past a limit only the most important nodes keep a label.

matplotlib is used without pyplot (no global state, no display needed).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import ConfigError, StoreError
from .evidence import parse_date
from .export import STRENGTH_COLORS, strength
from .graph import provenance_tree

__all__ = ["PICTURE_FORMATS", "Picture", "draw_outlets", "draw_tree", "picture_format"]

logger = logging.getLogger(__name__)

PICTURE_FORMATS = ("png", "svg")
_DPI = 110
_FONT = "DejaVu Sans"  # ships with matplotlib: the same glyphs on every machine


@dataclass(frozen=True)
class Picture:
    """What was drawn: the file, its pixel size and the labels placed on it."""

    path: Path | None
    width: int
    height: int
    nodes: int
    labels: tuple[str, ...]
    content: bytes = b""
    #: where the network's labels were drawn (display pixels: x0, y0, x1, y1), none overlapping
    label_boxes: tuple[tuple[float, float, float, float], ...] = ()


def picture_format(path: Path, explicit: str | None = None) -> str:
    fmt = (explicit or path.suffix.lstrip(".")).lower()
    if fmt not in PICTURE_FORMATS:
        raise ConfigError(f"cannot draw {path}: choose a .png or .svg file")
    return fmt


def _rc() -> Any:  # matplotlib types rcParams keys as literals
    return {
        "font.family": _FONT,
        "svg.fonttype": "none",  # text stays text in SVG: searchable, small, escaped
        "svg.hashsalt": "provenance",  # stable ids: the same graph gives the same file
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _save(
    figure: Any,
    path: Path | None,
    fmt: str,
    labels: Sequence[str],
    nodes: int,
    boxes: Sequence[tuple[float, float, float, float]] = (),
) -> Picture:
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    metadata = {"Software": "provenance"} if fmt == "png" else {"Creator": "provenance"}
    figure.savefig(buffer, format=fmt, dpi=_DPI, bbox_inches="tight", metadata=metadata)
    content = buffer.getvalue()
    width, height = (
        (int(v) for v in figure.get_size_inches() * _DPI) if fmt == "svg" else _png_size(content)
    )
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(path.name + ".tmp")
            temporary.write_bytes(content)
            temporary.replace(path)
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
        logger.info("drew %s (%d nodes, %dx%d)", path, nodes, width, height)
    return Picture(path, width, height, nodes, tuple(labels), content, tuple(boxes))


def _png_size(content: bytes) -> tuple[int, int]:
    return int.from_bytes(content[16:20], "big"), int.from_bytes(content[20:24], "big")


# -- the timeline ---------------------------------------------------------------------------


def _when(data: dict[str, Any]) -> tuple[datetime | None, bool]:
    """(time to draw at, dated?): the publication time, else the first-seen time."""
    published = parse_date(str(data.get("published") or ""))
    if published is not None:
        return published, True
    return parse_date(str(data.get("first_seen") or "")), False


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lag_text(hours: float) -> str:
    sign = "-" if hours < 0 else "+"
    hours = abs(hours)
    if hours < 1:
        return f"{sign}{hours * 60:.0f}m"
    if hours < 48:
        return f"{sign}{hours:.0f}h"
    return f"{sign}{hours / 24:.0f}d"


def _rows(tree: nx.DiGraph, roots: Iterable[str]) -> list[tuple[str, int]]:
    """Depth-first order (children by time), so each subtree is a block of rows."""

    def key(node: str) -> tuple[str, str]:
        when, _ = _when(tree.nodes[node])
        return (when.isoformat() if when else "~", node)

    order: list[tuple[str, int]] = []
    stack = [(root, 0) for root in reversed(list(roots))]
    seen: set[str] = set()
    while stack:
        node, depth = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append((node, depth))
        for child in sorted(tree.successors(node), key=key, reverse=True):
            stack.append((child, depth + 1))
    return order


def draw_tree(
    graph: nx.DiGraph,
    path: Path | None,
    *,
    fmt: str | None = None,
    query: str | None = None,
    tree: nx.DiGraph | None = None,
    title: str | None = None,
) -> Picture:
    """Draw the provenance tree (or forest) of ``graph`` as a timeline; ``path`` None: in memory.

    Articles with no link to any other are left out (the title says how many).
    """
    from matplotlib import dates as matplotlib_dates
    from matplotlib import rc_context
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    mdates: Any = matplotlib_dates  # its date helpers are untyped
    fmt = picture_format(path or Path("x.png"), fmt)
    tree = tree if tree is not None else provenance_tree(graph)
    roots = [n for n in tree.nodes if tree.in_degree(n) == 0 and tree.out_degree(n) > 0]
    if query is not None and query in tree and tree.degree(query) == 0:
        roots.append(query)  # a lookup with no copy still draws its one article
    roots.sort(key=lambda n: ((_when(tree.nodes[n])[0] or datetime.max).isoformat(), n))
    rows = _rows(tree, roots)
    left_out = tree.number_of_nodes() - len(rows)
    n = len(rows)

    # x positions: dated where dated, first-seen otherwise, named-only outlets left of their copies
    times: dict[str, datetime] = {}
    dated: dict[str, bool] = {}
    for node, _ in rows:
        when, is_dated = _when(tree.nodes[node])
        if when is not None:
            times[node], dated[node] = when, is_dated
    known = sorted(times.values())
    span = (known[-1] - known[0]) if len(known) > 1 else timedelta(0)
    span = max(span, timedelta(hours=6))
    for node, _ in reversed(rows):  # children before parents: place undated parents left
        if node in times:
            continue
        children = [times[c] for c in tree.successors(node) if c in times]
        base = min(children) if children else (known[0] if known else datetime(2000, 1, 1))
        times[node], dated[node] = base - span * 0.08, False

    small = n <= 30
    row_height = 0.42 if small else 0.24 if n <= 80 else 0.16
    font = 9 if small else 7 if n <= 80 else 6
    label_limit = 600  # past this many rows only origins and nodes with copies are named
    height = min(max(2.2, row_height * n + 1.3), 200.0)
    width = 12.0 if n > 30 else 10.0

    with rc_context(_rc()):
        figure = Figure(figsize=(width, height))
        ax = figure.add_subplot(1, 1, 1)
        y = {node: i for i, (node, _) in enumerate(rows)}
        x = {node: mdates.date2num(times[node]) for node, _ in rows}
        trunks: list[list[tuple[float, float]]] = []
        runs: dict[str, list[list[tuple[float, float]]]] = {k: [] for k in STRENGTH_COLORS}
        widths: dict[str, list[float]] = {k: [] for k in STRENGTH_COLORS}
        for node, _ in rows:
            for parent in tree.predecessors(node):
                confidence = float(tree.edges[parent, node].get("confidence", 0.0))
                klass = strength(confidence)
                trunks.append([(x[parent], y[parent]), (x[parent], y[node])])
                runs[klass].append([(x[parent], y[node]), (x[node], y[node])])
                widths[klass].append(0.8 + 2.2 * confidence if small else 0.6 + 1.4 * confidence)
        ax.add_collection(LineCollection(trunks, colors="#9a9a9a", linewidths=0.8, zorder=1))
        for klass, segments in runs.items():
            if segments:
                ax.add_collection(
                    LineCollection(
                        segments, colors=STRENGTH_COLORS[klass], linewidths=widths[klass], zorder=2
                    )
                )
        size = 70 if small else 30 if n <= 80 else 14
        for filled in (True, False):
            group = [node for node, _ in rows if dated[node] is filled]
            if not group:
                continue
            colors = [_node_color(tree, node) for node in group]
            ax.scatter(
                [x[node] for node in group],
                [y[node] for node in group],
                s=size,
                c=colors if filled else "white",
                edgecolors=colors,
                linewidths=1.4,
                zorder=3,
            )
        labels: list[str] = []
        for node, _ in rows:
            data = tree.nodes[node]
            if n > label_limit and tree.in_degree(node) and not tree.out_degree(node):
                continue
            name = str(data.get("outlet") or node)
            parts = [name]
            when, is_dated = _when(data)
            if small:
                stamp = when.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if when else "undated"
                parts.append(stamp if is_dated or not when else f"undated (first seen {stamp})")
                parents = list(tree.predecessors(node))
                if parents:
                    edge = tree.edges[parents[0], node]
                    before, parent_dated = _when(tree.nodes[parents[0]])
                    if when and before and is_dated and parent_dated:
                        parts.append(_lag_text((when - before).total_seconds() / 3600))
                    parts.append(f"sim {float(edge.get('similarity', 0.0)):.2f}")
                    parts.append(f"conf {float(edge.get('confidence', 0.0)):.2f}")
                elif data.get("title"):
                    parts.append(_short(str(data["title"]), 48))
            elif not is_dated:
                parts.append("(undated)")
            text = "  ".join(parts)
            weight = "bold" if node == query or not tree.in_degree(node) else "normal"
            ax.annotate(
                text,
                (x[node], y[node]),
                xytext=(7, 0),
                textcoords="offset points",
                va="center",
                fontsize=font,
                fontweight=weight,
                color="#111111",
                parse_math=False,
                annotation_clip=False,
            )
            labels.append(name)
        if query is not None and query in y:
            ax.scatter(
                [x[query]],
                [y[query]],
                s=size * 3.2,
                facecolors="none",
                edgecolors="#222222",
                linewidths=1.2,
                zorder=4,
            )
        xs = list(x.values())
        if xs:
            lo, hi = min(xs), max(xs)
            pad = max(hi - lo, 0.25)
            ax.set_xlim(lo - pad * 0.04, hi + pad * (0.55 if small else 0.35))
        ax.set_ylim(n - 0.5 if n else 0.5, -0.7)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.tick_params(axis="x", labelsize=max(font - 1, 6))
        if n > 40:
            ax.tick_params(axis="x", labeltop=True, top=True)
        ax.grid(axis="x", color="#e6e6e6", linewidth=0.6, zorder=0)
        heading = title or (
            f"Provenance of {tree.nodes[query].get('outlet') or query}"
            if query is not None and query in tree
            else "Provenance trees"
        )
        sub = f"{n} article(s), {sum(1 for _ in tree.edges)} link(s); times in UTC"
        if left_out:
            sub += f"; {left_out} article(s) with no known copy not drawn"
        if not n:
            ax.text(0.5, 0.5, "no republication to draw", ha="center", transform=ax.transAxes)
        ax.set_title(f"{_short(heading, 90)}\n{sub}", fontsize=10, loc="left", parse_math=False)
        legend = [
            Line2D([0], [0], color=STRENGTH_COLORS["strong"], lw=2.5, label="strong evidence"),
            Line2D([0], [0], color=STRENGTH_COLORS["medium"], lw=2.0, label="medium"),
            Line2D([0], [0], color=STRENGTH_COLORS["weak"], lw=1.5, label="weak"),
            Line2D(
                [0],
                [0],
                marker="o",
                color="w",
                markerfacecolor="white",
                markeredgecolor="#555555",
                label="undated (at first seen)",
            ),
        ]
        ax.legend(
            handles=legend,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0) if not small else (0.0, -0.12 if n > 3 else -0.25),
            ncol=1 if not small else 4,
            fontsize=max(font - 1, 6),
            frameon=False,
        )
        return _save(figure, path, fmt, labels, n)


def _node_color(tree: nx.DiGraph, node: str) -> str:
    parents = list(tree.predecessors(node))
    if not parents:
        return "#1f4e79"  # an origin
    return STRENGTH_COLORS[strength(float(tree.edges[parents[0], node].get("confidence", 0.0)))]


# -- the outlet network --------------------------------------------------------------------


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Convex hull (Andrew's monotone chain), counter-clockwise."""
    points = sorted(set(points))
    if len(points) <= 2:
        return points

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


_ROLE_COLORS = {"origin": "#1f4e79", "both": "#7b3294", "copier": "#e08214", "none": "#9a9a9a"}
_ROLE_TEXT = {
    "origin": "copied by others, copies no one",
    "both": "copies and is copied (a relay)",
    "copier": "only copies",
}


def _role(data: dict[str, Any]) -> str:
    out, into = int(data.get("out_weight", 0)), int(data.get("in_weight", 0))
    return "both" if out and into else "origin" if out else "copier" if into else "none"


def _slide_edge_labels(
    renderer: Any,
    labels: list[tuple[Any, tuple[float, float], tuple[float, float]]],
    taken: list[Any],
) -> None:
    """Move each edge label along its edge to the first place no other label covers."""
    for text, start, end in labels:
        for t in (0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8):
            text.set_position(
                (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
            )
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in taken):
                break
        else:
            text.set_position(((start[0] + end[0]) / 2, (start[1] + end[1]) / 2))
        taken.append(text.get_window_extent(renderer))


def _drop_overlapping(figure: Any, texts: list[Any]) -> list[Any]:
    """Keep labels in order of importance, dropping any that would cover one already kept."""
    renderer = figure.canvas.get_renderer()
    kept: list[Any] = []
    boxes: list[Any] = []
    for text in texts:
        box = text.get_window_extent(renderer).expanded(1.04, 1.1)
        if any(box.overlaps(other) for other in boxes):
            text.remove()
            continue
        kept.append(text)
        boxes.append(box)
    return kept


def draw_outlets(
    graph: nx.DiGraph,
    path: Path | None,
    *,
    fmt: str | None = None,
    title: str | None = None,
    max_labels: int = 60,
) -> Picture:
    """Draw the outlet graph as a network; outlets without any link are left out."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Polygon

    fmt = picture_format(path or Path("x.png"), fmt)
    linked = [n for n in graph.nodes if graph.degree(n) > 0]
    sub = graph.subgraph(linked).copy()
    n = sub.number_of_nodes()
    size = 8.0 if n <= 20 else 11.0 if n <= 80 else 16.0
    font = 9 if n <= 20 else 7 if n <= 80 else 6
    layout = nx.Graph()
    layout.add_nodes_from(sorted(sub.nodes))
    for a, b, data in sub.edges(data=True):
        weight = math.log1p(float(data.get("weight", 1)))
        if layout.has_edge(a, b):
            weight += layout.edges[a, b]["weight"]
        layout.add_edge(a, b, weight=weight)
    pos: dict[str, tuple[float, float]] = {}
    if n:
        raw = nx.spring_layout(
            layout, seed=7, k=1.8 / math.sqrt(n), iterations=200 if n <= 400 else 80
        )
        pos = {k: (float(v[0]), float(v[1])) for k, v in raw.items()}

    with rc_context(_rc()):
        figure = Figure(figsize=(size, size * 0.8))
        canvas: Any = FigureCanvasAgg(figure)  # get_renderer is untyped
        ax = figure.add_subplot(1, 1, 1)
        ax.set_axis_off()
        if not n:
            ax.text(0.5, 0.5, "no republication between outlets to draw", ha="center")
        xs = [p[0] for p in pos.values()] or [0.0]
        ys = [p[1] for p in pos.values()] or [0.0]
        scale = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        pad = scale * (0.06 if n > 20 else 0.09)

        communities: dict[int, list[str]] = {}
        for node, data in sub.nodes(data=True):
            if int(data.get("community", -1)) >= 0:
                communities.setdefault(int(data["community"]), []).append(node)
        shades = ["#a6cee3", "#b2df8a", "#fdbf6f", "#cab2d6", "#fb9a99", "#ffff99"]
        if len(communities) > len(shades) or n > 150:
            communities = {}  # past a few, shaded hulls only blur the picture: see `outlets`
        for number, members in sorted(communities.items()):
            ring = [
                (
                    pos[m][0] + pad * math.cos(t / 8 * 2 * math.pi),
                    pos[m][1] + pad * math.sin(t / 8 * 2 * math.pi),
                )
                for m in members
                for t in range(8)
            ]
            ax.add_patch(
                Polygon(
                    _hull(ring),
                    closed=True,
                    facecolor=shades[number % len(shades)],
                    edgecolor="none",
                    alpha=0.35,
                    zorder=0,
                )
            )

        articles = {node: max(int(d.get("articles", 0)), 1) for node, d in sub.nodes(data=True)}
        biggest = max(articles.values(), default=1)
        base = 900 if n <= 20 else 320 if n <= 80 else 110
        sizes = {
            node: base * (0.25 + 0.75 * math.sqrt(a / biggest)) for node, a in articles.items()
        }
        heaviest = max((float(d.get("weight", 1)) for _, _, d in sub.edges(data=True)), default=1)
        edge_list = list(sub.edges(data=True))
        if n:
            nx.draw_networkx_edges(
                sub,
                pos,
                ax=ax,
                edgelist=[(a, b) for a, b, _ in edge_list],
                width=[
                    (0.6 + 3.0 * math.sqrt(float(d["weight"]) / heaviest))
                    * (1.0 if n <= 80 else 0.45)
                    for _, _, d in edge_list
                ],
                edge_color="#6b6b6b",
                alpha=0.7 if n <= 80 else 0.3,
                arrows=True,
                arrowstyle="-|>",
                arrowsize=14 if n <= 20 else 8,
                node_size=[sizes[v] for v in sub.nodes],
                nodelist=list(sub.nodes),
                connectionstyle="arc3,rad=0.08",
            )
            nx.draw_networkx_nodes(
                sub,
                pos,
                ax=ax,
                nodelist=list(sub.nodes),
                node_size=[sizes[v] for v in sub.nodes],
                node_color=[_ROLE_COLORS[_role(sub.nodes[v])] for v in sub.nodes],
                edgecolors="white",
                linewidths=1.0,
            )
        edge_texts: list[tuple[Any, tuple[float, float], tuple[float, float]]] = []
        if n and len(edge_list) <= 40:
            for a, b, data in edge_list:
                text = str(data["weight"])
                if "median_lag_hours" in data:
                    text += f" · {_lag_text(float(data['median_lag_hours']))}"
                label = ax.text(
                    (pos[a][0] + pos[b][0]) / 2,
                    (pos[a][1] + pos[b][1]) / 2,
                    text,
                    fontsize=font - 1,
                    color="#444444",
                    ha="center",
                    va="center",
                    parse_math=False,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
                    zorder=5,
                )
                edge_texts.append((label, pos[a], pos[b]))
        importance = sorted(
            sub.nodes,
            key=lambda v: (
                -(int(sub.nodes[v].get("out_weight", 0)) + int(sub.nodes[v].get("in_weight", 0))),
                -articles[v],
                v,
            ),
        )
        texts = []
        for node in importance[:max_labels]:
            texts.append(
                ax.annotate(
                    node,
                    pos[node],
                    xytext=(0, math.sqrt(sizes[node]) / 2 + 3),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=font,
                    parse_math=False,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
                    zorder=6,
                )
            )
        ax.set_xlim(min(xs) - 3 * pad, max(xs) + 3 * pad)
        ax.set_ylim(min(ys) - 3 * pad, max(ys) + 3 * pad)
        kept = _drop_overlapping(figure, texts)
        labels = [t.get_text() for t in kept]
        renderer = canvas.get_renderer()
        boxes = [tuple(t.get_window_extent(renderer).extents) for t in kept]
        _slide_edge_labels(renderer, edge_texts, [t.get_window_extent(renderer) for t in kept])
        heading = title or "Who republishes whom"
        detail = f"{n} outlet(s), {len(edge_list)} link(s)"
        hidden = graph.number_of_nodes() - n
        if hidden:
            detail += f"; {hidden} outlet(s) with no link not drawn"
        if len(labels) < n:
            detail += f"; {len(labels)} of the most linked are named"
        ax.set_title(
            f"{_short(heading, 90)}\n{detail}. Arrow A→B: B republished A (count · median lag)",
            fontsize=10,
            loc="left",
            parse_math=False,
        )
        legend = [
            Line2D(
                [0],
                [0],
                marker="o",
                color="w",
                markerfacecolor=_ROLE_COLORS[r],
                markersize=9,
                label=text,
            )
            for r, text in _ROLE_TEXT.items()
        ]
        if communities:
            legend.append(
                Line2D([0], [0], color=shades[0], lw=8, alpha=0.6, label="mirror community")
            )
        ax.legend(handles=legend, loc="lower left", fontsize=font, frameon=False)
        return _save(figure, path, fmt, labels, n, boxes)
