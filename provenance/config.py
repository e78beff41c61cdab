"""Settings: every tunable of the pipeline in one frozen dataclass.

Defaults are documented next to each field. The CLI builds a :class:`Settings`
from its options with :meth:`Settings.replace`; library callers pass one
explicitly. Nothing reads global state except :func:`default_corpora`, which
reads the documented environment variable.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["Settings", "default_corpora"]

DEFAULT_USER_AGENT = "provenance/0.1 (+https://github.com/provenance-tool/provenance)"


@dataclass(frozen=True)
class Settings:
    """All settings of a provenance run. Fingerprint fields are also recorded in the store."""

    # Fingerprinting (recorded with the index and checked when a store is opened).
    num_perm: int = 128  # MinHash permutations
    seed: int = 1  # MinHash seed
    shingle_size: int = 5  # words per shingle
    lsh_bands: int = 32  # bands x rows must not exceed num_perm; 32 x 4 finds Jaccard >= 0.6
    lsh_rows: int = 4
    min_band_hits: int = 1  # a candidate must share at least this many band keys
    anchor_modulus: int = 8  # containment index: keep shingles whose hash is 0 mod this
    anchor_ratio: float = 0.5  # candidate if it shares this share of the smaller side's anchors
    max_postings: int = 1000  # an anchor shared by more articles is boilerplate, not evidence
    jaccard_threshold: float = 0.5  # verified copy if Jaccard >= this ...
    containment_threshold: float = 0.8  # ... or the smaller text is this much inside the other
    min_shingles: int = 40  # shorter texts are never fingerprinted (empty texts match everything)
    boilerplate_min_articles: int = 5  # learn an outlet's recurring text once it has this many
    boilerplate_share: float = 0.3  # a shingle in this share of an outlet's articles is boilerplate

    # Fetching.
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0  # seconds
    read_timeout: float = 20.0  # seconds between bytes
    total_timeout: float = 60.0  # seconds per URL from its first request: redirects and retries too
    max_bytes: int = 10 * 1024 * 1024  # cap on the (decompressed) body
    max_redirects: int = 10
    concurrency: int = 16  # requests in flight
    per_host: int = 2  # requests in flight per host
    proxy: str | None = None  # every request through this HTTP proxy
    trust_env: bool = True  # honour HTTP_PROXY/HTTPS_PROXY/NO_PROXY
    archives: tuple[Path, ...] = field(default_factory=tuple)  # answer from WARC files instead

    # Politeness, retries, robots.txt and the address guard (checked when a Fetcher is made).
    host_delay: float = 1.0  # minimum seconds between the starts of two requests to one host
    retries: int = 3  # further attempts after a transient failure (timeout, reset, 429, 5xx)
    # seconds a worker's claim on queued URLs lasts without renewal (renewed while it
    # works): a dead worker's URLs go to another after at most this long
    claim_lease: float = 120.0
    backoff_base: float = 0.5  # seconds before the first retry; doubles each time, jittered
    backoff_cap: float = 30.0  # seconds: the longest wait between two attempts
    retry_after_cap: float = 30.0  # seconds: a longer Retry-After fails the URL instead of waiting
    ignore_robots: bool = False  # True: neither fetch nor obey robots.txt (your own sites)
    robots_timeout: float = 10.0  # seconds to get one robots.txt, retries included
    robots_max_bytes: int = 512 * 1024  # robots.txt is read up to this size (RFC 9309: 500 KiB)
    max_crawl_delay: float = 10.0  # a robots.txt Crawl-delay is obeyed up to this many seconds
    allow_private: bool = False  # True: loopback and private addresses may be fetched (intranet)

    # Provenance.
    follow_depth: int = 2  # how many hops of attribution links lookup follows
    outlets_file: Path | None = None  # outlet registry file (TOML or CSV): names, aliases, networks

    # Search providers (lookup finds copies nobody has ingested yet; see provenance/search.py).
    # Empty: no search. Keys are never settings: they come from the environment only.
    search_providers: tuple[str, ...] = ()  # e.g. ("gdelt", "wayback", "serpapi", "copyscape")
    gdelt_url: str = "https://api.gdeltproject.org/api/v2/doc/doc"  # GDELT DOC 2.0 API
    wayback: bool = False  # first captures as evidence, archived copies of gone pages (--wayback)
    wayback_url: str = "https://web.archive.org"  # the Wayback Machine (CDX API at /cdx/search/cdx)
    serpapi_url: str = "https://serpapi.com/search.json"  # SerpAPI (Google results); $SERPAPI_KEY
    copyscape_url: str = "https://www.copyscape.com/api/"  # $COPYSCAPE_USER and $COPYSCAPE_KEY
    search_queries: int = 3  # queries per lookup: distinctive passages, then the title
    search_budget: int = 20  # provider requests per lookup, at most (cached answers are free)
    search_results: int = 20  # results asked of a provider per query
    search_candidates: int = 20  # candidate URLs fetched and verified per lookup, at most
    search_delay: float = 5.0  # seconds between two requests to one provider (GDELT asks for 5)
    search_timeout: float = 30.0  # seconds per provider request, retries included
    search_cache_days: float = 7.0  # a cached provider answer is reused for this long

    def __post_init__(self) -> None:
        if self.num_perm < 16:
            raise ConfigError(f"num_perm must be at least 16, got {self.num_perm}")
        if self.lsh_bands * self.lsh_rows > self.num_perm:
            raise ConfigError(
                f"lsh_bands x lsh_rows ({self.lsh_bands}x{self.lsh_rows}) exceeds num_perm "
                f"({self.num_perm})"
            )
        if self.anchor_modulus < 1:
            raise ConfigError("anchor_modulus must be at least 1")
        if self.shingle_size < 1:
            raise ConfigError("shingle_size must be at least 1")
        for name in ("jaccard_threshold", "containment_threshold"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1], got {value}")
        for name in ("connect_timeout", "read_timeout", "total_timeout", "claim_lease"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive")
        if self.max_redirects < 0 or self.max_redirects > 10:
            raise ConfigError("max_redirects must be between 0 and 10")
        if self.concurrency < 1 or self.per_host < 1:
            raise ConfigError("concurrency and per_host must be at least 1")
        if self.follow_depth < 0:
            raise ConfigError("follow_depth must not be negative")
        for name in ("search_queries", "search_budget", "search_results", "search_candidates"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must not be negative")
        if self.search_delay < 0 or self.search_timeout <= 0 or self.search_cache_days < 0:
            raise ConfigError("search_delay, search_timeout and search_cache_days must be positive")

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def index_params(self) -> dict[str, str]:
        """The parameters an index is built with; a store refuses others."""
        return {
            "num_perm": str(self.num_perm),
            "seed": str(self.seed),
            "shingle_size": str(self.shingle_size),
            "lsh_bands": str(self.lsh_bands),
            "lsh_rows": str(self.lsh_rows),
            "anchor_modulus": str(self.anchor_modulus),
            "hash_scheme": "xxh32+affine32",
            "jaccard_threshold": repr(self.jaccard_threshold),
            "containment_threshold": repr(self.containment_threshold),
            "min_shingles": str(self.min_shingles),
        }


def default_corpora() -> Path:
    """``$PROVENANCE_CORPORA`` or ``../shared/corpora``."""
    return Path(os.environ.get("PROVENANCE_CORPORA") or "../shared/corpora")
