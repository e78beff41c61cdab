"""provenance: where did this article come from, and who republished it?

The library behind the ``provenance`` command: fetch, extract, fingerprint,
index, weigh the evidence and build the republication graph.
"""

from __future__ import annotations

import logging

from .config import Settings
from .errors import (
    ArchiveError,
    BadResponseError,
    BlockedAddressError,
    ConfigError,
    DiscoveryError,
    ExtractError,
    FetchError,
    InvalidURLError,
    LockHeldError,
    NotHTMLError,
    NotInArchiveError,
    ProvenanceError,
    RobotsDisallowed,
    StoreError,
    StoreVersionError,
    TooLargeError,
    TooManyRedirects,
)
from .evidence import decide
from .extract import extract
from .fetch import Fetcher
from .fingerprint import fingerprint, shingles
from .graph import Node, build_graph, provenance_tree
from .models import Article, Edge, Evidence, FetchResult, Match, Redirect
from .pipeline import IngestOutcome, LookupResult, commit, ingest_urls, lookup, lookup_text, prepare
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "ArchiveError",
    "Article",
    "BadResponseError",
    "BlockedAddressError",
    "ConfigError",
    "DiscoveryError",
    "Edge",
    "Evidence",
    "ExtractError",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "IngestOutcome",
    "InvalidURLError",
    "LockHeldError",
    "LookupResult",
    "Match",
    "Node",
    "NotHTMLError",
    "NotInArchiveError",
    "ProvenanceError",
    "Redirect",
    "RobotsDisallowed",
    "Settings",
    "Store",
    "StoreError",
    "StoreVersionError",
    "TooLargeError",
    "TooManyRedirects",
    "build_graph",
    "commit",
    "decide",
    "extract",
    "fingerprint",
    "ingest_urls",
    "lookup",
    "lookup_text",
    "prepare",
    "provenance_tree",
    "shingles",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
