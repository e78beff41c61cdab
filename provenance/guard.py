"""The address guard: never let a page make us connect to an internal address.

A page we fetch chooses the next URLs we fetch (credits, redirects). Without a
guard, ``http://169.254.169.254/latest/meta-data/`` or ``http://10.0.0.5:8080/``
in a page would make the tool probe the network it runs in. So, by default:

* a URL whose host is an IP literal (in any form the resolver accepts:
  ``127.1``, ``2130706433``, ``[::ffff:127.0.0.1]``) is checked before any request;
* a host name is resolved by :class:`GuardedBackend`, *every* address it resolves
  to is checked, and the connection is made to a checked address (the name is
  not resolved a second time), so DNS rebinding between check and connect is
  impossible. TLS still verifies the certificate against the host name.

This runs for every connection, so every redirect hop is checked too.
Refused: loopback, private (RFC 1918, fc00::/7, CGNAT), link-local (incl. the
cloud metadata address 169.254.169.254), multicast, reserved and unspecified
addresses, and IPv6 forms that embed one of those (IPv4-mapped, 6to4, NAT64).
``allow_private`` (``--allow-private``) allows loopback and private addresses for
intranet use; link-local, multicast, reserved and unspecified stay refused.

Through an explicit proxy (``--proxy`` or the environment's ``HTTP_PROXY``), host
names are resolved by the proxy, not here: the proxy is the user's chosen way
out, and only IP literals are checked.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import re
import socket
import typing

import httpcore
import httpx

__all__ = [
    "AddressRefused",
    "GuardedBackend",
    "ResolutionFailed",
    "classify",
    "guarded_transport",
    "literal_address",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Categories ``allow_private`` lets through.
PRIVATE_KINDS = frozenset({"loopback", "private"})

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")
_THIS_NETWORK = ipaddress.IPv4Network("0.0.0.0/8")
_NUMERIC = re.compile(r"[0-9a-fA-FxX.:%]+")  # IPv4 in any base, IPv6, zone ids


class AddressRefused(Exception):
    """A host is, or resolves to, an address the guard refuses."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        what = f"{host} is" if host.strip("[]") == address else f"{host} resolves to {address},"
        article = "an" if kind[0] in "aeiou" else "a"
        super().__init__(f"{what} {article} {kind} address")
        self.host, self.address, self.kind = host, address, kind


class ResolutionFailed(Exception):
    """A host name does not resolve (a permanent failure: not retried)."""


def classify(ip: IPAddress) -> str | None:
    """The kind of non-public address ``ip`` is, or None for a public one."""
    if isinstance(ip, ipaddress.IPv6Address):
        # forms that embed an IPv4 address are judged by it (::ffff:127.0.0.1 is loopback)
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return classify(embedded)
        if ip.teredo is not None and classify(ip.teredo[1]) is not None:
            return classify(ip.teredo[1])  # the client address of a Teredo tunnel
    if ip.is_unspecified or (isinstance(ip, ipaddress.IPv4Address) and ip in _THIS_NETWORK):
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private or (isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT):
        return "private"
    if not ip.is_global:
        return "reserved"
    return None


def check(host: str, address: str, *, allow_private: bool) -> None:
    """Raise :class:`AddressRefused` unless ``address`` may be connected to."""
    address = address.split("%", 1)[0]  # drop an IPv6 zone id
    kind = classify(ipaddress.ip_address(address))
    if kind is not None and not (allow_private and kind in PRIVATE_KINDS):
        raise AddressRefused(host, address, kind)


@functools.lru_cache(maxsize=1024)
def literal_address(host: str) -> str | None:
    """The address ``host`` denotes if it is an IP literal in any form, else None (a name).

    The resolver's own numeric parsing (``AI_NUMERICHOST``: never a DNS query, so it
    is safe to call synchronously) decides, so ``127.1`` and ``0x7f.0.0.1`` count.
    """
    host = host.strip("[]")
    try:
        ipaddress.ip_address(host)
        return host  # a literal in its usual form: messages show it as written
    except ValueError:
        pass
    if not _NUMERIC.fullmatch(host):
        return None  # has a letter no numeric form uses: certainly a name
    try:
        infos = socket.getaddrinfo(host, None, flags=socket.AI_NUMERICHOST, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        return None
    return str(infos[0][4][0]) if infos else None


async def resolve(
    host: str, port: int, *, allow_private: bool, timeout: float | None = None
) -> list[str]:
    """Every address of ``host``, each checked; raises if any is refused or none exists."""
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except TimeoutError as exc:
        raise httpcore.ConnectTimeout(f"DNS lookup of {host} timed out") from exc
    except (socket.gaierror, UnicodeError) as exc:
        reason = exc.strerror if isinstance(exc, socket.gaierror) else str(exc)
        raise ResolutionFailed(f"DNS lookup of {host} failed: {reason}") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise ResolutionFailed(f"DNS lookup of {host} found no address")
    for address in addresses:  # every address: a name with one public and one
        check(host, address, allow_private=allow_private)  # private address is refused
    return addresses


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that resolves, checks and pins every connection."""

    def __init__(
        self, *, allow_private: bool, inner: httpcore.AsyncNetworkBackend | None = None
    ) -> None:
        self.allow_private = allow_private
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await resolve(host, port, allow_private=self.allow_private, timeout=timeout)
        failure: Exception | None = None
        for address in addresses:  # connect to the checked address itself: no second lookup
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(*, allow_private: bool, limits: httpx.Limits) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose every direct connection goes through :class:`GuardedBackend`.

    httpx 0.28's ``AsyncHTTPTransport`` takes no network backend, so its connection
    pool is replaced by an identical one that has ours (``_pool`` is the one
    attribute the transport uses). ``tests/test_hostile.py`` fails if this stops
    taking effect, e.g. after an httpx upgrade.
    """
    transport = httpx.AsyncHTTPTransport(limits=limits)
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=GuardedBackend(allow_private=allow_private),
    )
    return transport
