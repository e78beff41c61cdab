"""robots.txt: fetched once per site and run, read with protego, obeyed for our User-Agent.

What a robots.txt response means follows RFC 9309 (section 2.3.1):

* 2xx: the rules in it (the first ``robots_max_bytes`` of it, 512 KiB by default;
  the RFC asks parsers to read at least 500 KiB);
* redirects: followed (up to five hops, each through the address guard);
* 4xx ("unavailable"; 404 is the usual case): no rules, everything allowed;
* 5xx, 429, or the site unreachable or too slow: "unreachable", so everything is
  disallowed for this run, as the RFC requires; the error says so, and the URL
  can be retried in a later run or fetched with ``--ignore-robots``.

A ``Crawl-delay`` for our agent raises the per-host delay, up to ``max_crawl_delay``.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

__all__ = ["RobotsCache", "RobotsRules", "robots_url", "rules_from_response"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RobotsRules:
    """What one site's robots.txt allows. ``parser`` is None when there are no rules."""

    parser: Protego | None = None
    disallow_all: str | None = None  # why everything is disallowed (robots.txt unreachable)

    def allows(self, url: str, user_agent: str) -> bool:
        if self.disallow_all is not None:
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        if delay is None or not math.isfinite(delay) or delay < 0:
            return None
        return float(delay)


ALLOW_ALL = RobotsRules()


def robots_url(url: str) -> str:
    """The robots.txt of the site (scheme, host and port) ``url`` belongs to."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def rules_from_response(status: int, body: bytes) -> RobotsRules:
    """The rules a final (non-redirect) robots.txt response stands for, per RFC 9309."""
    if 200 <= status < 300:
        text = body.decode("utf-8", "replace")
        try:
            return RobotsRules(Protego.parse(text))
        except Exception as exc:  # a parser bug must not cost us the site: treat as no rules
            logger.debug("robots.txt could not be parsed (%s); allowing all", exc)
            return ALLOW_ALL
    if status == 429 or status >= 500:
        return unreachable(f"HTTP {status}")
    if 400 <= status < 500:
        return ALLOW_ALL
    return unreachable(f"unexpected HTTP {status}")


def unreachable(reason: str) -> RobotsRules:
    return RobotsRules(
        disallow_all=f"robots.txt is unreachable ({reason}); RFC 9309 says to assume "
        "everything is disallowed (try again later, or --ignore-robots)"
    )


class RobotsCache:
    """One robots.txt per site and run, fetched once even when many URLs ask at once."""

    def __init__(self, load: Callable[[str], Awaitable[RobotsRules]]) -> None:
        self._load = load
        self._tasks: dict[str, asyncio.Task[RobotsRules]] = {}

    async def rules_for(self, url: str) -> RobotsRules:
        key = robots_url(url)
        task = self._tasks.get(key)
        if task is None:
            task = asyncio.ensure_future(self._load(key))
            self._tasks[key] = task
        # shielded: a caller that gives up (its deadline) must not cancel the others' fetch
        return await asyncio.shield(task)

    async def aclose(self) -> None:
        pending = [t for t in self._tasks.values() if not t.done()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
