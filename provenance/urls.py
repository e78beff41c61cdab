"""URL checks and the outlet (host) a URL belongs to."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from .errors import InvalidURLError

__all__ = ["normalize_url", "outlet_of", "redact_url", "resolve"]

MAX_URL_LENGTH = 4096
MAX_HOST_LENGTH = 253
_DEFAULT_PORTS = {"http": 80, "https": 443}

#: Query keys whose values are secrets often enough to keep them out of logs.
_SECRET_KEY = re.compile(
    r"token|key|secret|sig|pass|pwd|auth|session|sid|code|cred|jwt|ticket|nonce|otp|hash", re.I
)
#: Values that look like a token whatever their key: long runs of base64/hex-like characters.
_TOKEN_VALUE = re.compile(r"[A-Za-z0-9_\-.~+/=%]{24,}")


def normalize_url(url: str) -> str:
    """Check that ``url`` is a fetchable http(s) URL and return it without its fragment.

    Raises :class:`InvalidURLError` for malformed, non-HTTP or credential-bearing URLs.
    """
    url = url.strip()
    if not url:
        raise InvalidURLError("empty URL", url=url)
    if len(url) > MAX_URL_LENGTH:
        raise InvalidURLError(f"URL longer than {MAX_URL_LENGTH} characters", url=url[:80])
    if any(ord(c) < 0x21 or 0x7F <= ord(c) <= 0x9F for c in url):  # C0, space, DEL, C1
        shown = url.encode("unicode_escape").decode("ascii")  # never an escape to a terminal
        raise InvalidURLError("URL contains whitespace or control characters", url=shown)
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
        raise InvalidURLError("URLs with credentials are refused", url=redact_url(url))
    host = parts.hostname.lower()
    if len(host) > MAX_HOST_LENGTH:
        raise InvalidURLError(f"host name longer than {MAX_HOST_LENGTH} characters", url=url)
    if not host.isascii() and ":" not in host:
        try:
            host.encode("idna")
        except UnicodeError as exc:
            raise InvalidURLError(f"invalid host name: {exc}", url=url) from exc
    if port == _DEFAULT_PORTS[parts.scheme.lower()]:
        port = None  # http://x:80/a is http://x/a: one resource, one store key
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


def redact_url(url: str) -> str:
    """``url`` fit for a log line: no user or password, and secret-looking query values hidden.

    A value is hidden when its key looks like a secret (``token``, ``key``, ``sig``,
    ``session``, ``code``, ...) or when it looks like a token itself (24 or more
    base64-like characters); everything else is kept so logs stay useful.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "<unparseable URL>"
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    pairs = []
    for pair in parts.query.split("&") if parts.query else []:
        key, eq, value = pair.partition("=")
        if eq and value and (_SECRET_KEY.search(key) or _TOKEN_VALUE.fullmatch(value)):
            value = "REDACTED"
        elif not eq and _TOKEN_VALUE.fullmatch(key):
            key = "REDACTED"
        pairs.append(f"{key}{eq}{value}")
    return urlunsplit((parts.scheme, netloc, parts.path, "&".join(pairs), ""))
