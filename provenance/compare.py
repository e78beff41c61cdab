"""Compare two copies directly: overlap both ways, shared passages, what each adds, the verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .config import Settings
from .evidence import OutletNames, PairSimilarity, decide
from .fingerprint import shingles
from .index import similarity, verified
from .models import Article, Edge

__all__ = ["Comparison", "compare", "passages", "render_comparison"]

MIN_PASSAGE = 8  # words: shorter runs are stock phrases, not passages
_TOKEN = re.compile(r"\S+")
_NORMAL = re.compile(r"\W+", re.UNICODE)


@dataclass(frozen=True)
class Comparison:
    """What two texts share, what each adds, and who copied whom."""

    a: Article
    b: Article
    similarity: PairSimilarity
    copies: bool  # do they verify as copies at the store's thresholds?
    shared: tuple[str, ...]
    a_adds: tuple[str, ...]
    b_adds: tuple[str, ...]
    verdict: Edge

    def to_json(self) -> dict[str, object]:
        return {
            "a": {"url": self.a.url, "outlet": self.a.outlet, "published": self.a.published},
            "b": {"url": self.b.url, "outlet": self.b.outlet, "published": self.b.published},
            "jaccard": round(self.similarity.jaccard, 4),
            "a_in_b": round(self.similarity.a_in_b, 4),
            "b_in_a": round(self.similarity.b_in_a, 4),
            "copies": self.copies,
            "shared": list(self.shared),
            "a_adds": list(self.a_adds),
            "b_adds": list(self.b_adds),
            "verdict": {
                "source": self.verdict.source,
                "target": self.verdict.target,
                "confidence": self.verdict.confidence,
                "evidence": [
                    {"kind": e.kind, "detail": e.detail, "target": e.target}
                    for e in self.verdict.evidence
                ],
                "explanation": self.verdict.explanation,
            },
        }


def passages(a: str, b: str) -> tuple[list[str], list[str], list[str]]:
    """(shared, only in a, only in b): runs of at least MIN_PASSAGE words, in text order."""
    words_a, words_b = _TOKEN.findall(a), _TOKEN.findall(b)
    norm_a = [_NORMAL.sub("", w.casefold()) for w in words_a]
    norm_b = [_NORMAL.sub("", w.casefold()) for w in words_b]
    matcher = SequenceMatcher(None, norm_a, norm_b, autojunk=False)
    shared: list[str] = []
    only_a: list[str] = []
    only_b: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            if i2 - i1 >= MIN_PASSAGE:
                shared.append(" ".join(words_a[i1:i2]))
            continue
        if i2 - i1 >= MIN_PASSAGE:
            only_a.append(" ".join(words_a[i1:i2]))
        if j2 - j1 >= MIN_PASSAGE:
            only_b.append(" ".join(words_b[j1:j2]))
    return shared, only_a, only_b


def compare(
    a: Article,
    b: Article,
    settings: Settings,
    *,
    registry: OutletNames | None = None,
    a_first_seen: str | None = None,
    b_first_seen: str | None = None,
) -> Comparison:
    """Compare two articles: similarity both ways, passages, and the verdict on direction."""
    set_a = shingles(a.text, settings.shingle_size)
    set_b = shingles(b.text, settings.shingle_size)
    pair = similarity(set_a, set_b)
    shared, a_adds, b_adds = passages(a.text, b.text)
    verdict = decide(
        a, b, pair, a_first_seen=a_first_seen, b_first_seen=b_first_seen, registry=registry
    )
    return Comparison(
        a=a,
        b=b,
        similarity=pair,
        copies=verified(pair, len(set_a), len(set_b), settings),
        shared=tuple(shared),
        a_adds=tuple(a_adds),
        b_adds=tuple(b_adds),
        verdict=verdict,
    )


def render_comparison(result: Comparison, *, width: int = 90) -> str:
    """The comparison as text for a terminal."""

    def cut(text: str) -> str:
        words = len(text.split())
        shown = text if len(text) <= width else text[: width - 1] + "…"
        return f'"{shown}" ({words} words)'

    def side(label: str, article: Article) -> str:
        return f"{label}: {article.url}  ({article.outlet}, {article.published or 'undated'})"

    s = result.similarity
    lines = [
        side("A", result.a),
        side("B", result.b),
        f"Jaccard {s.jaccard:.2f}; {s.a_in_b:.0%} of A is in B; {s.b_in_a:.0%} of B is in A; "
        + ("copies at the store's thresholds" if result.copies else "NOT copies at the thresholds"),
        "",
        f"Verdict: {result.verdict.explanation} (confidence {result.verdict.confidence:.2f})",
        "Evidence:",
    ]
    lines.extend(
        f"  - {e.kind}: {e.detail}" + (f"  -> {e.target}" if e.target else "")
        for e in result.verdict.evidence
    )
    for title, items in (
        ("Shared passages", result.shared),
        ("Only in A", result.a_adds),
        ("Only in B", result.b_adds),
    ):
        lines.append(f"{title} ({len(items)}):" if items else f"{title}: none")
        lines.extend(f"  {cut(item)}" for item in items[:10])
        if len(items) > 10:
            lines.append(f"  … and {len(items) - 10} more (see --json)")
    return "\n".join(lines)
