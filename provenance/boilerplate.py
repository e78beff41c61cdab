"""Boilerplate that lies: each outlet's recurring text, learned from what the store holds.

Site-wide disclaimers, newsletter pleas and related-link lists recur across an
outlet's articles. They inflate the similarity of unrelated articles of one
outlet and dilute real copies, so they are left out of fingerprints and of
verification. Attribution signals are read from the page, not from the text,
so leaving these shingles out never drops a credit. What an outlet repeats is
also evidence: a page on another outlet that carries it copied from that outlet.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from typing import Protocol

import numpy as np
import xxhash

from .config import Settings
from .fingerprint import shingles
from .models import Evidence

__all__ = ["carries", "distinct", "learn", "maybe_learn", "shingle_key", "strip"]

logger = logging.getLogger(__name__)

_SEED = 0xB0B0
_SAMPLE = 200  # articles of an outlet read when learning
_SAME_STORY = 0.8  # estimated Jaccard above which two texts are one story (repeats, updates)


def shingle_key(shingle: str) -> int:
    """A shingle as a signed 32-bit key."""
    value = xxhash.xxh32_intdigest(shingle.encode("utf-8"), seed=_SEED)
    return value - (1 << 32) if value >= (1 << 31) else value


def strip(shingle_set: frozenset[str], boilerplate: frozenset[int]) -> frozenset[str]:
    """The shingles that are not the outlet's boilerplate."""
    if not boilerplate:
        return shingle_set
    return frozenset(s for s in shingle_set if shingle_key(s) not in boilerplate)


def distinct(texts: list[tuple[str, bytes | None]]) -> list[str]:
    """The texts, each story once: a text near another already taken (updates, repeats of one
    wire story) would make the story itself look like boilerplate."""
    kept: list[str] = []
    signatures: list[np.ndarray] = []
    for text, signature in texts:
        if signature is not None:
            values = np.frombuffer(signature, dtype=np.uint32)
            if any(float(np.mean(values == other)) >= _SAME_STORY for other in signatures):
                continue
            signatures.append(values)
        kept.append(text)
    return kept


def learn(texts: list[str], settings: Settings) -> frozenset[int]:
    """Shingles found in at least ``boilerplate_share`` of the texts (and in 3 or more)."""
    if len(texts) < settings.boilerplate_min_articles:
        return frozenset()
    counts: Counter[int] = Counter()
    for text in texts:
        counts.update({shingle_key(s) for s in shingles(text, settings.shingle_size)})
    cutoff = max(3, math.ceil(settings.boilerplate_share * len(texts)))
    return frozenset(key for key, n in counts.items() if n >= cutoff)


class StoreLike(Protocol):
    """What learning needs of the store."""

    def outlet_article_count(self, outlet: str) -> int: ...
    def boilerplate_learned_at(self, outlet: str) -> int: ...
    def recent_texts(self, outlet: str, limit: int) -> list[tuple[str, bytes | None]]: ...
    def set_boilerplate(self, outlet: str, keys: frozenset[int], count: int) -> None: ...


def maybe_learn(store: StoreLike, outlet: str, settings: Settings) -> None:
    """Relearn an outlet's boilerplate when its article count has grown by half since."""
    count = store.outlet_article_count(outlet)
    learned_at = store.boilerplate_learned_at(outlet)
    if count < settings.boilerplate_min_articles or count < 1.5 * learned_at:
        return
    keys = learn(distinct(store.recent_texts(outlet, _SAMPLE)), settings)
    store.set_boilerplate(outlet, keys, count)
    logger.info("%s: %d boilerplate shingles learned from %d articles", outlet, len(keys), count)


def carries(
    full_shingles: frozenset[str], boilerplate: frozenset[int], owner: str
) -> Evidence | None:
    """Evidence that a text carries most of ``owner``'s site-wide text, if it does."""
    if len(boilerplate) < 10:
        return None
    found = sum(1 for s in full_shingles if shingle_key(s) in boilerplate)
    share = found / len(boilerplate)
    if share < 0.5:
        return None
    return Evidence(
        "carries_boilerplate",
        f"carries {share:.0%} of {owner}'s recurring site-wide text (disclaimer, footer)",
        owner,
    )
