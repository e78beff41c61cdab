"""Weighing the evidence of who copied whom, for one verified pair of articles.

Each signal is a piece of :class:`Evidence` with a weight in [0, 1]; weights for
one direction combine as a noisy-OR, and the verdict's confidence is discounted
by the evidence for the other direction. The weights are documented below so a
user can check any verdict by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from .models import Article, Edge, Evidence
from .urls import outlet_of

__all__ = [
    "WEIGHTS",
    "OutletNames",
    "PairSimilarity",
    "credits",
    "decide",
    "names_outlet",
    "parse_date",
]

#: How much each kind of signal says that the page carrying it copied the page it names.
WEIGHTS: dict[str, float] = {
    "attribution": 0.9,  # "The original source of this article is X" (names or links X)
    "republish_pixel": 0.85,  # loads X's republication counter pixel (counts as X's outlet)
    "carries_boilerplate": 0.75,  # carries most of X's outlet's recurring site-wide text
    "canonical": 0.9,  # cross-domain rel=canonical to X
    "original_source": 0.9,  # <meta name="original-source">
    "syndication_source": 0.9,  # <meta name="syndication-source">
    "is_based_on": 0.9,  # JSON-LD isBasedOn
    "og_url": 0.8,  # cross-domain og:url
    "dateline": 0.7,  # a header line naming X and a date
    "wire": 0.85,  # a wire credit: "(AP) —", "By X Agency", an Organization as JSON-LD author
    "source_organization": 0.6,  # JSON-LD sourceOrganization
    "link": 0.6,  # a link to X inside the article body
    "copyright_holder": 0.5,  # JSON-LD copyrightHolder
    "published": 0.55,  # published at least a day after X (0.35 if the same day)
    "noindex": 0.2,  # the page asks not to be indexed, as syndicated copies do
    "first_seen": 0.15,  # first seen by us a day or more after X (less when minutes apart)
    "published_before_seen": 0.4,  # undated, first seen after X was published
    "undated": 0.1,  # carries no date while X is dated, as scraped copies often do
    "containment_direction": 0.08,  # holds all of X plus additions of its own (a tie-break)
}
_SAME_URL_DISCOUNT = 0.9  # a signal naming X's outlet but not X's URL counts a little less


@dataclass(frozen=True)
class PairSimilarity:
    """Exact similarity of two shingle sets."""

    jaccard: float
    a_in_b: float  # share of a's shingles found in b
    b_in_a: float

    @property
    def containment(self) -> float:
        return max(self.a_in_b, self.b_in_a)

    def swapped(self) -> PairSimilarity:
        """The same pair seen from the other side (b as a)."""
        return PairSimilarity(self.jaccard, self.b_in_a, self.a_in_b)


def parse_date(value: str | None) -> datetime | None:
    """An ISO-8601 date or datetime as an aware datetime (dates at midnight UTC)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


_ARTICLE = re.compile(r"^(?:the|le|la|les|l'|der|die|das|el|los|las|il|lo|o|os|a|as)\s+", re.I)


def _squash(text: str) -> str:
    """A name reduced for comparison: no leading article, case, spaces or punctuation."""
    return re.sub(r"[\W_]+", "", _ARTICLE.sub("", text.strip()).casefold())


class OutletNames(Protocol):
    """What evidence needs of the outlet registry: the domains a name stands for."""

    def domains_for(self, name: str) -> frozenset[str]: ...


def names_outlet(name: str, article: Article, registry: OutletNames | None = None) -> bool:
    """Does ``name`` (an outlet name, alias or domain) designate the outlet of ``article``?"""
    wanted = _squash(name)
    if not wanted or len(wanted) < 3:
        return False
    if registry is not None and article.outlet in registry.domains_for(name):
        return True
    host = article.outlet
    labels = host.split(".")
    candidates = {_squash(host)}
    # every label and every run of labels: news.northwind-dispatch.co.uk -> "northwinddispatch"
    for start in range(len(labels)):
        for end in range(start + 1, len(labels) + 1):
            if end - start < len(labels):
                candidates.add(_squash(".".join(labels[start:end])))
    if article.site_name:
        candidates.add(_squash(article.site_name))
    candidates.discard("")
    if wanted in candidates:
        return True
    # an inflected name: "des Hochtaler Landboten", "Northwind Dispatch's"
    return any(
        len(c) >= 6 and wanted.startswith(c) and len(wanted) - len(c) <= 2 for c in candidates
    )


def _same_article(url: str, article: Article) -> bool:
    return url in {article.url, article.canonical, article.og_url}


def credits(
    copy: Article, source: Article, registry: OutletNames | None = None
) -> list[tuple[Evidence, float]]:
    """The signals on ``copy`` that point at ``source`` (its URL or its outlet)."""
    found: list[tuple[Evidence, float]] = []
    for signal in copy.signals:
        weight = WEIGHTS.get(signal.kind)
        target = signal.target
        if weight is None or not target:
            continue
        if target.startswith(("http://", "https://")):
            if _same_article(target, source):
                found.append((signal, weight))
            elif outlet_of(target) == source.outlet and source.outlet != copy.outlet:
                found.append((signal, weight * _SAME_URL_DISCOUNT))
        elif names_outlet(target, source, registry) and source.outlet != copy.outlet:
            found.append((signal, weight * _SAME_URL_DISCOUNT))
    for link in copy.links:
        if _same_article(link, source):
            found.append((Evidence("link", f'links to <a href="{link}">', link), WEIGHTS["link"]))
            break
    return found


def date_window(value: str | None) -> tuple[datetime, datetime] | None:
    """When a stated date could have been: an instant for a date-time; for a bare date the
    whole day in any time zone (UTC-14h to UTC+14h)."""
    parsed = parse_date(value)
    if parsed is None or value is None:
        return None
    if len(value.strip()) <= 10:  # YYYY-MM-DD: a day, time zone unknown
        start = parsed - timedelta(hours=14)
        return start, start + timedelta(hours=52)
    return parsed, parsed


def _is_day(value: str | None) -> bool:
    return bool(value) and len(str(value).strip()) <= 10


def _lag(seconds: float) -> str:
    days = seconds / 86400
    return f"{days:.0f} days" if days >= 1.5 else f"{max(seconds / 3600, 1):.0f} hours"


def _timing(
    earlier: Article, later: Article, seen_earlier: str | None, seen_later: str | None
) -> list[tuple[Evidence, float]]:
    """Evidence that ``later`` came after ``earlier`` from dates.

    Stated dates outrank our own first-seen times. A bare date is a day-long window:
    two windows that overlap say nothing. A page with no date existed at least since we
    first saw it, so a page published before that is earlier.
    """
    found: list[tuple[Evidence, float]] = []
    we, wl = date_window(earlier.published), date_window(later.published)
    both_days = _is_day(earlier.published) and _is_day(later.published)
    if both_days and we and wl and we[0] < wl[0]:  # two bare dates: compare the days
        days = (wl[0] - we[0]).days
        detail = f"published {days} day(s) after {earlier.outlet} ({earlier.published})"
        found.append((Evidence("published", detail), WEIGHTS["published"]))
    elif not both_days and we and wl and we[1] < wl[0]:
        gap = (wl[0] - we[1]).total_seconds()
        weight = WEIGHTS["published"] if gap >= 86400 else 0.35
        detail = f"published {_lag(gap)} after {earlier.outlet} ({earlier.published})"
        found.append((Evidence("published", detail), weight))
    seen = date_window(seen_later)
    if we and wl is None and seen and we[1] < seen[0]:
        gap = (seen[0] - we[1]).total_seconds()
        detail = (
            f"undated, first seen {seen_later}; {earlier.outlet} was published {_lag(gap)}"
            f" before ({earlier.published})"
        )
        found.append((Evidence("undated", detail), WEIGHTS["published_before_seen"]))
    elif we and wl is None:
        detail = f"undated, while {earlier.outlet} is dated {earlier.published}"
        found.append((Evidence("undated", detail), WEIGHTS["undated"]))
    fe, fl = parse_date(seen_earlier), parse_date(seen_later)
    if fe and fl and (fl - fe).total_seconds() > 60:
        gap = (fl - fe).total_seconds()
        # minutes apart in one crawl say little; a day apart says more
        weight = WEIGHTS["first_seen"] * min(1.0, 0.25 + gap / 86400)
        found.append(
            (
                Evidence(
                    "first_seen",
                    f"first seen {fl.isoformat()}, after {fe.isoformat()} (by us or an archive:"
                    " a sighting bounds when a page existed, it is not a publication date)",
                ),
                round(weight, 3),
            )
        )
    if later.noindex and not earlier.noindex:
        found.append(
            (Evidence("noindex", '<meta name="robots" content="noindex">'), WEIGHTS["noindex"])
        )
    return found


def _noisy_or(weights: list[float]) -> float:
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


def _containment_direction(
    earlier_in_later: float, later_in_earlier: float, earlier: Article, later: Article
) -> list[tuple[Evidence, float]]:
    """The weakest signal, a tie-break: a copy holds its original plus additions."""
    if earlier_in_later >= 0.9 and later_in_earlier < 0.9:
        share = later_in_earlier
        return [
            (
                Evidence(
                    "containment_direction",
                    f"holds {earlier_in_later:.0%} of {earlier.outlet}'s text plus "
                    f"{1 - share:.0%} of its own",
                ),
                WEIGHTS["containment_direction"],
            )
        ]
    return []


def decide(
    a: Article,
    b: Article,
    similarity: PairSimilarity,
    *,
    a_first_seen: str | None = None,
    b_first_seen: str | None = None,
    registry: OutletNames | None = None,
    extra: tuple[list[tuple[Evidence, float]], list[tuple[Evidence, float]]] | None = None,
) -> Edge:
    """The republication edge between two verified near-duplicates, with its evidence.

    Explicit credits outrank dates, dates outrank first-seen times, and the
    direction of containment only breaks ties (see ``WEIGHTS``). ``extra`` adds
    evidence found elsewhere (e.g. shared boilerplate): (for a->b, for b->a).
    """
    a_to_b = credits(b, a, registry) + _timing(a, b, a_first_seen, b_first_seen)  # b copied a
    b_to_a = credits(a, b, registry) + _timing(b, a, b_first_seen, a_first_seen)  # a copied b
    a_to_b += _containment_direction(similarity.a_in_b, similarity.b_in_a, a, b)
    b_to_a += _containment_direction(similarity.b_in_a, similarity.a_in_b, b, a)
    if extra is not None:
        a_to_b += extra[0]
        b_to_a += extra[1]
    score_ab = _noisy_or([w for _, w in a_to_b])
    score_ba = _noisy_or([w for _, w in b_to_a])
    if score_ab >= score_ba:
        source, copy, score, against, reasons, objections = a, b, score_ab, score_ba, a_to_b, b_to_a
        copy_in_source, source_in_copy = similarity.b_in_a, similarity.a_in_b
    else:
        source, copy, score, against, reasons, objections = b, a, score_ba, score_ab, b_to_a, a_to_b
        copy_in_source, source_in_copy = similarity.a_in_b, similarity.b_in_a
    confidence = round(score * (1.0 - 0.5 * against), 3)
    reasons.sort(key=lambda pair: -pair[1])
    objections.sort(key=lambda pair: -pair[1])
    evidence = [e for e, _ in reasons]
    evidence.extend(
        Evidence("contradiction", f"points the other way: {e.detail}", e.target)
        for e, w in objections
        if w >= WEIGHTS["first_seen"]
    )
    evidence.append(
        Evidence(
            "containment",
            f"{source_in_copy:.0%} of the original's text is in the copy; "
            f"{copy_in_source:.0%} of the copy's text is in the original",
        )
    )
    evidence.append(Evidence("similarity", f"Jaccard {similarity.jaccard:.2f} on word shingles"))
    return Edge(
        source=source.url,
        target=copy.url,
        confidence=confidence,
        similarity=round(similarity.jaccard, 4),
        containment=round(similarity.containment, 4),
        evidence=tuple(evidence),
        explanation=explain(source, copy, reasons, objections, source_in_copy),
    )


def explain(
    source: Article,
    copy: Article,
    reasons: list[tuple[Evidence, float]],
    objections: list[tuple[Evidence, float]],
    source_in_copy: float,
) -> str:
    """One line a person can check: who copied whom, why, and what speaks against it."""
    parts = [_phrase(evidence, source) for evidence, _ in reasons[:3]]
    if not parts:
        parts.append("no signal of direction; stored first")
    parts.append(f"contains {source_in_copy:.0%} of its text")
    line = f"{copy.outlet} copied {source.outlet}: {'; '.join(parts)}"
    strong = [e for e, w in objections if w >= WEIGHTS["first_seen"]]
    if strong:
        line += f" (but {_phrase(strong[0], copy)}: contradiction)"
    return line


def _phrase(evidence: Evidence, other: Article) -> str:
    linked = bool(evidence.target and evidence.target.startswith(("http://", "https://")))
    if evidence.kind == "attribution":
        return f'credits it ("{_short(evidence.detail)}"{", linked" if linked else ""})'
    if evidence.kind == "dateline":
        return f'names it in a dateline ("{_short(evidence.detail)}")'
    if evidence.kind == "wire":
        return f"wire credit {evidence.detail!r}"
    if evidence.kind in _PHRASES:
        return _PHRASES[evidence.kind]
    return evidence.detail


_PHRASES = {
    "canonical": "its rel=canonical points there",
    "og_url": "its og:url points there",
    "original_source": "its original-source meta points there",
    "syndication_source": "its syndication-source meta points there",
    "is_based_on": "its JSON-LD isBasedOn points there",
    "source_organization": "its JSON-LD sourceOrganization names it",
    "copyright_holder": "its JSON-LD copyrightHolder names it",
    "link": "it links there",
    "republish_pixel": "it loads that outlet's republication counter pixel",
}


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
