"""The one exception tree of provenance.

Every error the library raises on purpose is a :class:`ProvenanceError`; the CLI
turns each into a one-line message and the exit code in ``exit_code``::

    ProvenanceError
    ├── ConfigError            bad option, setting or configuration file      (exit 2)
    ├── FetchError             a URL could not be fetched                     (exit 1)
    │   ├── InvalidURLError    malformed, non-HTTP or credential-bearing URL  (exit 2)
    │   ├── NotHTMLError       the response is not an HTML page
    │   ├── TooLargeError      the body (or its decompression) exceeds the cap
    │   ├── TooManyRedirects   a redirect loop or a chain longer than allowed
    │   ├── NotInArchiveError  --archive is in use and the URL is not archived
    │   ├── BlockedAddressError  the host is (or resolves to) a loopback, private,
    │   │                      link-local, multicast or reserved address
    │   ├── RobotsDisallowed   robots.txt forbids the URL to our User-Agent
    │   └── BadResponseError   a malformed response: bad chunking or compression,
    │                          absurd headers, a truncated body
    ├── ArchiveError           a WARC file is missing, truncated or not a WARC
    ├── ExtractError           the page holds no article text worth matching
    └── StoreError             the store cannot be opened or written
        └── StoreVersionError  not a provenance store, or written by a newer version
"""

from __future__ import annotations

__all__ = [
    "ArchiveError",
    "BadResponseError",
    "BlockedAddressError",
    "ConfigError",
    "DiscoveryError",
    "ExtractError",
    "FetchError",
    "InvalidURLError",
    "LockHeldError",
    "NotHTMLError",
    "NotInArchiveError",
    "ProvenanceError",
    "RobotsDisallowed",
    "StoreError",
    "StoreVersionError",
    "TooLargeError",
    "TooManyRedirects",
]


class ProvenanceError(Exception):
    """Base class of every error provenance raises on purpose."""

    exit_code = 1


class ConfigError(ProvenanceError):
    """A setting, option or configuration file is invalid."""

    exit_code = 2


class FetchError(ProvenanceError):
    """A URL could not be fetched; ``url`` says which."""

    def __init__(self, message: str, *, url: str) -> None:
        super().__init__(message)
        self.url = url


class InvalidURLError(FetchError):
    """The URL is malformed, not http(s), or carries credentials."""

    exit_code = 2


class NotHTMLError(FetchError):
    """The response is not an HTML page."""


class TooLargeError(FetchError):
    """The body, or what it decompresses to, is larger than the cap."""


class TooManyRedirects(FetchError):
    """A redirect loop, or more redirects than allowed."""


class NotInArchiveError(FetchError):
    """Requests are answered from WARC files and this URL is not in them."""


class BlockedAddressError(FetchError):
    """The address guard refused the host: it is or resolves to a non-public address."""


class RobotsDisallowed(FetchError):
    """The site's robots.txt forbids this URL to our User-Agent (``--ignore-robots``)."""


class BadResponseError(FetchError):
    """The server's response is malformed or absurd; retrying would not help."""


class ArchiveError(ProvenanceError):
    """A WARC file is missing, truncated or not a WARC file."""


class ExtractError(ProvenanceError):
    """The page holds no article text long enough to fingerprint."""

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class StoreError(ProvenanceError):
    """The store cannot be opened, read or written."""


class StoreVersionError(StoreError):
    """The file is not a provenance store, or was written by a newer version."""


class DiscoveryError(ProvenanceError):
    """A feed, sitemap or watchlist entry could not be read (or was refused as hostile)."""


class LockHeldError(ProvenanceError):
    """Another run holds the lock on this store (watch runs from cron must not overlap)."""

    exit_code = 4
