"""Near-duplicate search: LSH candidates from the store, then exact verification.

A candidate must share ``min_band_hits`` band keys, pass a cheap signature
estimate, and then meet the thresholds on the exact shingle sets: Jaccard at
least ``jaccard_threshold``, or the smaller text at least
``containment_threshold`` inside the larger (a mirror with an added disclaimer,
or an excerpt).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .config import Settings
from .evidence import PairSimilarity
from .fingerprint import Fingerprint, band_keys, estimate_jaccard, shingles
from .store import Store, StoredArticle

__all__ = ["Query", "find_matches", "make_query", "similarity", "verified"]

logger = logging.getLogger(__name__)

_ESTIMATE_SLACK = (
    0.2  # how far below a threshold a signature estimate may fall and still be checked
)


@dataclass(frozen=True)
class Query:
    """A text prepared for search: its shingles, fingerprint and band keys."""

    shingles: frozenset[str]
    fingerprint: Fingerprint
    keys: tuple[int, ...]


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


def find_matches(
    store: Store, query: Query, settings: Settings, *, exclude: int | None = None
) -> list[tuple[StoredArticle, PairSimilarity]]:
    """Stored articles that verify as copies of the query (``query`` is side a)."""
    candidates = store.candidates(
        list(query.keys), min_hits=settings.min_band_hits, exclude=exclude
    )
    size = query.fingerprint.size
    worth = [
        article_id
        for article_id, signature, other_size in candidates
        if _worth_checking(
            estimate_jaccard(query.fingerprint.signature, signature), size, other_size, settings
        )
    ]
    matches: list[tuple[StoredArticle, PairSimilarity]] = []
    for stored in store.load_many(worth):
        other = shingles(stored.article.text, settings.shingle_size)
        pair = similarity(query.shingles, other)
        if verified(pair, size, len(other), settings):
            matches.append((stored, pair))
    logger.debug(
        "%d candidates, %d checked, %d verified", len(candidates), len(worth), len(matches)
    )
    return matches


def make_query(
    text_shingles: frozenset[str], fingerprint: Fingerprint, settings: Settings
) -> Query:
    return Query(text_shingles, fingerprint, tuple(band_keys(fingerprint.signature, settings)))
