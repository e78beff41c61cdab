"""URL checks and the outlet (host) a URL belongs to."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

from .errors import InvalidURLError

__all__ = ["normalize_url", "outlet_of", "resolve"]

MAX_URL_LENGTH = 4096


def normalize_url(url: str) -> str:
    """Check that ``url`` is a fetchable http(s) URL and return it without its fragment.

    Raises :class:`InvalidURLError` for malformed, non-HTTP or credential-bearing URLs.
    """
    url = url.strip()
    if not url:
        raise InvalidURLError("empty URL", url=url)
    if len(url) > MAX_URL_LENGTH:
        raise InvalidURLError(f"URL longer than {MAX_URL_LENGTH} characters", url=url[:80])
    if any(ord(c) < 0x21 for c in url):
        raise InvalidURLError("URL contains whitespace or control characters", url=url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InvalidURLError(f"malformed URL: {exc}", url=url) from exc
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme or "none"
        raise InvalidURLError(f"not an http(s) URL (scheme: {shown})", url=url)
    if not parts.hostname:
        raise InvalidURLError("URL has no host", url=url)
    if parts.username is not None or parts.password is not None:
        raise InvalidURLError("URLs with credentials are refused", url=url)
    host = parts.hostname.lower()
    netloc = host if port is None else f"{host}:{port}"
    if ":" in host:  # IPv6 literal
        netloc = f"[{host}]" if port is None else f"[{host}]:{port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def outlet_of(url: str) -> str:
    """The outlet a URL belongs to: its host without ``www.``."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def resolve(base: str, href: str) -> str | None:
    """``href`` made absolute against ``base``; None unless it is an http(s) URL."""
    try:
        url = urljoin(base, href.strip())
        return normalize_url(url)
    except (InvalidURLError, ValueError):
        return None
