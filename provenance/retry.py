"""Which failures are worth another attempt, and how long to wait before it.

Transient (retried): timeouts, refused or reset connections, a server that hangs
up before answering or in the middle of a body, HTTP 408, 429, 500, 502, 503,
504. Permanent (not retried): other 4xx, DNS failures, TLS failures, refused
addresses, malformed responses, bodies too large. Waits grow exponentially
with jitter, ``Retry-After`` is honoured up to a cap, and nothing waits past the
URL's deadline.
"""

from __future__ import annotations

import random
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

__all__ = ["RETRY_STATUSES", "RetryPolicy", "Transient", "parse_retry_after", "transport_failure"]

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


class Transient(Exception):
    """A failure another attempt might not have: ``reason`` says what happened."""

    def __init__(self, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


@dataclass(frozen=True)
class RetryPolicy:
    """How many attempts, and the waits between them."""

    retries: int = 3  # attempts after the first
    backoff_base: float = 0.5  # seconds before the first retry (before jitter)
    backoff_cap: float = 30.0  # no backoff wait is longer
    retry_after_cap: float = 30.0  # a longer Retry-After fails the URL instead of waiting

    def backoff(self, retry: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (1-based): base x 2^(retry-1), jittered.

        "Equal jitter": half the exponential step is kept, the other half is random, so
        clients that failed together do not come back together, yet always back off.
        """
        step = min(self.backoff_cap, self.backoff_base * 2.0 ** (retry - 1))
        jitter = rng.uniform(0, step / 2) if rng is not None else random.uniform(0, step / 2)
        return step / 2 + jitter


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(int(value[:12]))  # a 10^12-second wait is as absurd as any longer one
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _tls_failure(exc: BaseException) -> ssl.SSLError | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLError):
            return current
        current = current.__cause__ or current.__context__
    return None


_DISCONNECTS = ("disconnected", "peer closed", "connection closed", "incomplete")


def transport_failure(exc: httpx.HTTPError, *, reading_body: bool = False) -> Transient | str:
    """A transport error as a :class:`Transient` (worth retrying) or a permanent reason."""
    where = " while reading the body" if reading_body else ""
    name = type(exc).__name__
    detail = str(exc) or name
    if isinstance(exc, httpx.TimeoutException):
        return Transient(f"timed out{where} ({name})")
    tls = _tls_failure(exc)
    if tls is not None:
        return f"TLS failure: {getattr(tls, 'reason', None) or tls}"
    if isinstance(exc, httpx.ProxyError):
        return f"proxy refused the request: {detail}"
    if isinstance(exc, httpx.ConnectError):
        return Transient(f"could not connect: {detail}")
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        return Transient(f"connection reset{where}: {detail}")
    if isinstance(exc, httpx.RemoteProtocolError):
        if any(word in detail.lower() for word in _DISCONNECTS):
            return Transient(f"the server hung up{where}: {detail}")
        if "receive buffer too long" in detail.lower():
            return "malformed response: headers larger than 100 KiB"
        return f"malformed response{where}: {detail}"
    return f"{name}{where}: {detail}"
