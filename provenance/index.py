"""Near-duplicate search: LSH candidates from the store, then exact verification.

Two persistent indexes give candidates: MinHash LSH bands (near-equal texts)
and content-sampled anchors (a text largely inside another, whatever their
lengths). Candidates are then verified on the exact shingle sets: Jaccard at
least ``jaccard_threshold``, or the smaller text at least
``containment_threshold`` inside the larger (a mirror with an added disclaimer,
or an excerpt).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .boilerplate import strip
from .config import Settings
from .evidence import PairSimilarity
from .fingerprint import Fingerprint, estimate_jaccard, shingles
from .store import Store, StoredArticle

__all__ = ["Query", "candidate_ids", "find_matches", "similarity", "verified"]

logger = logging.getLogger(__name__)

_ESTIMATE_SLACK = (
    0.2  # how far below a threshold a signature estimate may fall and still be checked
)


@dataclass(frozen=True)
class Query:
    """A text prepared for search: its shingles, fingerprint, band keys and anchors."""

    shingles: frozenset[str]
    fingerprint: Fingerprint
    keys: tuple[int, ...]
    anchors: tuple[int, ...] = ()


def similarity(a: frozenset[str], b: frozenset[str]) -> PairSimilarity:
    inter = len(a & b)
    if not a or not b:
        return PairSimilarity(0.0, 0.0, 0.0)
    return PairSimilarity(
        jaccard=inter / (len(a) + len(b) - inter), a_in_b=inter / len(a), b_in_a=inter / len(b)
    )


def verified(pair: PairSimilarity, a_size: int, b_size: int, settings: Settings) -> bool:
    """Do two texts count as copies: Jaccard, or containment of the smaller in the larger."""
    smaller_in_larger = pair.a_in_b if a_size <= b_size else pair.b_in_a
    return (
        pair.jaccard >= settings.jaccard_threshold
        or smaller_in_larger >= settings.containment_threshold
    )


def _worth_checking(estimate: float, a_size: int, b_size: int, settings: Settings) -> bool:
    if estimate >= settings.jaccard_threshold - _ESTIMATE_SLACK:
        return True
    inter = estimate * (a_size + b_size) / (1.0 + estimate)
    return inter / max(1, min(a_size, b_size)) >= settings.containment_threshold - _ESTIMATE_SLACK


def candidate_ids(
    store: Store, query: Query, settings: Settings, *, exclude: int | None = None
) -> list[int]:
    """Stored articles worth verifying: an LSH band match that the signatures confirm,
    or enough shared anchors for the smaller text to be largely inside the other."""
    bands = {i: n for i, n in store.band_hits(query.keys).items() if n >= settings.min_band_hits}
    shared = store.anchor_hits(query.anchors, max_postings=settings.max_postings)
    entries = store.index_entries(sorted((set(bands) | set(shared)) - {exclude}))
    size, own_anchors = query.fingerprint.size, len(query.anchors)
    worth = []
    for article_id, (signature, other_size, other_anchors) in entries.items():
        fewest = min(own_anchors, other_anchors)
        if fewest and shared.get(article_id, 0) >= max(1.0, settings.anchor_ratio * fewest):
            worth.append(article_id)
        elif article_id in bands and _worth_checking(
            estimate_jaccard(query.fingerprint.signature, signature), size, other_size, settings
        ):
            worth.append(article_id)
    logger.debug(
        "%d band and %d anchor candidates; %d worth verifying", len(bands), len(shared), len(worth)
    )
    return worth


def find_matches(
    store: Store, query: Query, settings: Settings, *, exclude: int | None = None
) -> list[tuple[StoredArticle, PairSimilarity]]:
    """Stored articles that verify as copies of the query (``query`` is side a)."""
    matches: list[tuple[StoredArticle, PairSimilarity]] = []
    for stored in store.load_many(candidate_ids(store, query, settings, exclude=exclude)):
        other = strip(
            shingles(stored.article.text, settings.shingle_size),
            store.boilerplate(stored.article.outlet),
        )
        pair = similarity(query.shingles, other)
        if verified(pair, len(query.shingles), len(other), settings):
            matches.append((stored, pair))
    return matches
