"""The outlet registry: which names, aliases and network labels belong to which domains.

Entries come from three places, later ones winning: built-in wire agencies,
what pages say of themselves (og:site_name, JSON-LD publisher; stored in the
``outlets`` table as they are ingested), and a user-supplied file (TOML or CSV)
given with ``--outlets`` or ``$PROVENANCE_OUTLETS``.

TOML::

    [[outlet]]
    name = "Fort Russ"
    domains = ["fort-russ.example"]
    aliases = ["FortRuss"]
    networks = ["example-network"]

CSV (header required; lists separated by ``;``)::

    name,domains,aliases,networks
    Fort Russ,fort-russ.example,FortRuss,example-network
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

__all__ = ["BUILTIN_OUTLETS", "Outlet", "Registry", "load_outlets_file"]


@dataclass(frozen=True)
class Outlet:
    """One outlet: its domains, name, aliases and the networks it is known to belong to."""

    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    networks: tuple[str, ...] = ()


#: Wire and state agencies whose credits appear in republished copy.
BUILTIN_OUTLETS = (
    Outlet("Associated Press", ("apnews.com", "ap.org"), ("AP",)),
    Outlet("Reuters", ("reuters.com",)),
    Outlet("Agence France-Presse", ("afp.com",), ("AFP",)),
    Outlet("Deutsche Presse-Agentur", ("dpa.com",), ("dpa",)),
    Outlet("TASS", ("tass.com", "tass.ru"), ("ТАСС",)),
    Outlet("RIA Novosti", ("ria.ru",), ("РИА Новости",)),
    Outlet("Xinhua", ("xinhuanet.com", "news.cn")),
    Outlet("ANSA", ("ansa.it",)),
    Outlet("EFE", ("efe.com",)),
    Outlet("United Press International", ("upi.com",), ("UPI",)),
)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _domain(text: str) -> str:
    text = text.strip().lower()
    text = re.sub(r"^[a-z]+://", "", text).split("/")[0]
    return text[4:] if text.startswith("www.") else text


class Registry:
    """Look outlets up by domain, and domains up by any name or alias."""

    def __init__(self, outlets: Iterable[Outlet] = ()) -> None:
        self._by_domain: dict[str, Outlet] = {}
        self._by_name: dict[str, set[str]] = {}
        for outlet in (*BUILTIN_OUTLETS, *outlets):
            self.add(outlet)

    def add(self, outlet: Outlet) -> None:
        for domain in outlet.domains:
            self._by_domain[_domain(domain)] = outlet
        for name in (outlet.name, *outlet.aliases, *outlet.domains):
            key = _squash(name)
            if key:
                self._by_name.setdefault(key, set()).update(_domain(d) for d in outlet.domains)

    def lookup(self, domain: str) -> Outlet | None:
        """The outlet of a domain (or of its parent domain: news.example.org -> example.org)."""
        domain = _domain(domain)
        while domain:
            if domain in self._by_domain:
                return self._by_domain[domain]
            _, _, domain = domain.partition(".")
            if "." not in domain:
                return None
        return None

    def domains_for(self, name: str) -> frozenset[str]:
        """Every domain known under ``name`` (a name, an alias or a domain)."""
        return frozenset(self._by_name.get(_squash(name), ()))

    def __len__(self) -> int:
        return len(self._by_domain)


def _split(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise ValueError(f"expected a string or a list of strings, got {value!r}")


def load_outlets_file(path: Path) -> list[Outlet]:
    """Outlets from a TOML or CSV file; a ConfigError names the file and the line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read outlets file {path}: {exc.strerror or exc}") from exc
    if path.suffix.lower() == ".csv":
        return _from_csv(path, raw.decode("utf-8-sig", "replace"))
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    entries = data.get("outlet", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: expected [[outlet]] tables")
    outlets = []
    for number, entry in enumerate(entries, 1):
        try:
            outlets.append(_outlet(entry))
        except (ValueError, TypeError, KeyError) as exc:
            raise ConfigError(f"{path}: outlet #{number}: {exc}") from exc
    return outlets


def _from_csv(path: Path, text: str) -> list[Outlet]:
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "name" not in reader.fieldnames:
        raise ConfigError(f"{path}: line 1: a header with at least 'name' and 'domains' is needed")
    outlets = []
    for row in reader:
        try:
            outlets.append(_outlet(dict(row)))
        except (ValueError, TypeError, KeyError) as exc:
            raise ConfigError(f"{path}: line {reader.line_num}: {exc}") from exc
    return outlets


def _outlet(entry: object) -> Outlet:
    if not isinstance(entry, dict):
        raise ValueError("an outlet must be a table")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("'name' is required")
    domains = tuple(_domain(d) for d in _split(entry.get("domains")))
    if not domains:
        raise ValueError(f"outlet {name!r} has no 'domains'")
    return Outlet(
        name=name.strip(),
        domains=domains,
        aliases=_split(entry.get("aliases")),
        networks=_split(entry.get("networks")),
    )
