"""A datasketch-compatible MinHash (xxh32 + affine32) in numpy alone: evidence for a fix.

``provenance.fingerprint`` imports datasketch, whose package ``__init__`` imports
scipy (~0.3-0.5 s of every CLI start). This computes the same signatures without
it; ``bench_fingerprint.py`` checks that they are byte-identical and times both.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import xxhash

_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # MurmurHash3 finalizer, as datasketch's _fmix


def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine32 (a, b) of datasketch 2.0's ``MinHash._init_permutations``."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    h = h ^ (h >> np.uint32(s1))
    h = h * np.uint32(m1)
    h = h ^ (h >> np.uint32(s2))
    h = h * np.uint32(m2)
    return h ^ (h >> np.uint32(s3))


def signature(shingles: Iterable[str], perms: tuple[np.ndarray, np.ndarray]) -> bytes:
    items = list(shingles)
    hv = np.fromiter(
        (xxhash.xxh32_intdigest(s.encode("utf-8")) for s in items),
        dtype=np.uint32,
        count=len(items),
    )
    a, b = perms
    return bytes((_fmix32(hv)[:, None] * a + b).min(axis=0).astype(np.uint32).tobytes())
