"""Records passed between the stages: frozen, hashable dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

__all__ = [
    "Article",
    "Edge",
    "Evidence",
    "FetchResult",
    "Match",
    "Redirect",
]


@dataclass(frozen=True)
class Redirect:
    """One hop of a redirect chain."""

    url: str
    status: int
    location: str


@dataclass(frozen=True)
class FetchResult:
    """A fetched HTML page: the body as bytes and as text, and how it was reached."""

    url: str  # what was asked for
    final_url: str  # where the redirects ended
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes  # decompressed body
    text: str  # decoded body
    encoding: str
    redirects: tuple[Redirect, ...] = ()
    fetched_at: datetime | None = None
    from_archive: bool = False

    def header(self, name: str) -> str | None:
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None


@dataclass(frozen=True)
class Evidence:
    """One reason to believe who copied whom.

    ``kind`` names the signal (``attribution``, ``canonical``, ``og_url``,
    ``original_source``, ``syndication_source``, ``is_based_on``, ``dateline``,
    ``link``, ``published``, ``first_seen``, ``containment``, ``similarity``);
    ``detail`` is the exact text or tag it came from, or the reasoning;
    ``target`` is the URL or outlet it points to, if any.
    """

    kind: str
    detail: str
    target: str | None = None


@dataclass(frozen=True)
class Article:
    """What extraction keeps of a page."""

    url: str
    outlet: str  # the registrable host, e.g. "globalreview.example"
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO-8601 date or datetime
    site_name: str | None = None
    language: str | None = None
    canonical: str | None = None
    og_url: str | None = None
    links: tuple[str, ...] = ()  # absolute links inside the article body
    signals: tuple[Evidence, ...] = ()  # attribution signals found on the page
    noindex: bool = False


@dataclass(frozen=True)
class Match:
    """A verified near-duplicate of the query among stored articles."""

    article_id: int
    url: str
    jaccard: float
    containment_query_in_other: float
    containment_other_in_query: float

    @property
    def containment(self) -> float:
        return max(self.containment_query_in_other, self.containment_other_in_query)


@dataclass(frozen=True)
class Edge:
    """A republication: ``target`` copied ``source`` (or a text both derive from)."""

    source: str  # URL of the original or earlier copy, or "outlet:<name>" for a named outlet
    target: str  # URL of the copy
    confidence: float
    similarity: float  # Jaccard of the two texts' shingles
    containment: float  # share of the smaller text found in the larger
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    explanation: str = ""
