"""Per-host politeness: at most ``per_host`` requests in flight, spaced by a minimum delay.

Each host has a gate. A request takes one of the host's ``per_host`` slots, then
waits until the host's next start time: starts are spaced by ``host_delay``
seconds (raised by a robots.txt ``Crawl-delay``), and a ``Retry-After`` from the
host pauses every request to it, not only the one that got the answer. Only
then does the request take one of the ``concurrency`` slots shared by all
hosts, so a host with a long queue never holds slots the others could use.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

__all__ = ["HostGate", "Politeness"]


@dataclass
class HostGate:
    """The politeness state of one host."""

    slots: asyncio.Semaphore
    delay: float
    next_start: float = 0.0  # loop time before which no request may start
    paused_until: float = 0.0  # set by Retry-After

    def pause(self, until: float) -> None:
        self.paused_until = max(self.paused_until, until)


class Politeness:
    """The gates of every host, and the overall concurrency limit."""

    def __init__(self, *, concurrency: int, per_host: int, delay: float) -> None:
        self._all = asyncio.Semaphore(concurrency)
        self._per_host = per_host
        self._delay = delay
        self._gates: dict[str, HostGate] = {}

    def gate(self, host: str) -> HostGate:
        gate = self._gates.get(host)
        if gate is None:
            gate = self._gates[host] = HostGate(asyncio.Semaphore(self._per_host), self._delay)
        return gate

    def slow_down(self, host: str, delay: float) -> None:
        """Space this host's requests by at least ``delay`` seconds (robots.txt Crawl-delay)."""
        gate = self.gate(host)
        gate.delay = max(gate.delay, delay)

    @asynccontextmanager
    async def slot(self, host: str, *, spaced: bool = True) -> AsyncIterator[None]:
        """Hold a slot of ``host`` and an overall slot; ``spaced`` waits for the host's delay.

        robots.txt requests are not spaced (they are tiny and come first), but they do
        take a slot, so they count against both concurrency limits.
        """
        gate = self.gate(host)
        loop = asyncio.get_running_loop()
        async with gate.slots:
            while True:  # re-check after each sleep: another answer may have paused the host
                now = loop.time()
                start = max(now, gate.paused_until, gate.next_start if spaced else now)
                if start <= now:
                    break
                await asyncio.sleep(start - now)
            if spaced:
                gate.next_start = now + gate.delay
            async with self._all:
                yield
