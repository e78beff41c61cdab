"""The watchlist: what a cron run watches, read from TOML; errors name the line.

Example::

    store = "provenance.db"            # --store overrides it
    report = "reports/new-copies.jsonl" # JSON Lines, appended; "-" or absent: standard output
    max_runtime = 900                   # seconds; --max-runtime overrides it

    [[outlet]]
    name = "Northwind Dispatch"
    home = "https://northwind-dispatch.example/"  # its <link rel=alternate> feeds are used
    feeds = ["https://northwind-dispatch.example/feed.xml"]
    sitemaps = ["https://northwind-dispatch.example/news-sitemap.xml"]
    robots = true                                  # also the Sitemap: lines of robots.txt

    [[monitor]]
    url = "https://northwind-dispatch.example/2026/05/16/harbour-inquiry.html"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError, InvalidURLError
from .urls import normalize_url

__all__ = ["Watchlist", "WatchedOutlet", "load_watchlist"]


@dataclass(frozen=True)
class WatchedOutlet:
    name: str
    home: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    robots: bool = False


@dataclass(frozen=True)
class Watchlist:
    path: Path
    outlets: tuple[WatchedOutlet, ...]
    monitors: tuple[str, ...] = ()
    store: str | None = None
    report: str | None = None
    max_runtime: float | None = None


_TOP = {"store", "report", "max_runtime", "outlet", "monitor"}
_OUTLET = {"name", "home", "feeds", "sitemaps", "robots"}


def _line_of(raw: str, table: str | None, index: int, key: str | None) -> int:
    """Best line for an error: the key inside the ``index``-th [[table]], or the table itself."""
    lines = raw.splitlines()
    start, seen = 0, -1
    if table is not None:
        header = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
        for number, line in enumerate(lines):
            if header.match(line):
                seen += 1
                if seen == index:
                    start = number
                    break
    if key is None:
        return start + 1
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number in range(start + (1 if table else 0), len(lines)):
        if table is not None and number > start and lines[number].lstrip().startswith("["):
            break
        if pattern.match(lines[number]):
            return number + 1
    return start + 1


def load_watchlist(path: Path) -> Watchlist:
    """Read and check a watchlist; a ConfigError says which file and line is wrong."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read watchlist {path}: {exc}") from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc

    def fail(
        message: str, table: str | None = None, index: int = 0, key: str | None = None
    ) -> ConfigError:
        return ConfigError(f"{path}:{_line_of(raw, table, index, key)}: {message}")

    for key in data:
        if key not in _TOP:
            raise fail(f"unknown setting {key!r} (known: {', '.join(sorted(_TOP))})", key=key)
    outlets = []
    for i, entry in enumerate(_tables(data, "outlet", fail)):
        for key in entry:
            if key not in _OUTLET:
                raise fail(f"unknown outlet setting {key!r}", "outlet", i, key)
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise fail("an outlet needs a 'name'", "outlet", i, "name")
        urls: dict[str, Any] = {}
        for key in ("home", "feeds", "sitemaps"):
            value = entry.get(key)
            values = [value] if isinstance(value, str) else value
            if value is None:
                continue
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise fail(f"{key!r} must be a URL or a list of URLs", "outlet", i, key)
            try:
                urls[key] = [normalize_url(v) for v in values]
            except InvalidURLError as exc:
                raise fail(f"{key}: {exc} ({exc.url})", "outlet", i, key) from exc
        robots = entry.get("robots", False)
        if not isinstance(robots, bool):
            raise fail("'robots' must be true or false", "outlet", i, "robots")
        if not urls and not robots:
            raise fail(
                f"outlet {name!r} has nothing to watch (home, feeds or sitemaps)", "outlet", i
            )
        if robots and "home" not in urls:
            raise fail(
                "'robots = true' needs a 'home' URL to find robots.txt", "outlet", i, "robots"
            )
        outlets.append(
            WatchedOutlet(
                name=name.strip(),
                home=(urls.get("home") or [None])[0],
                feeds=tuple(urls.get("feeds", ())),
                sitemaps=tuple(urls.get("sitemaps", ())),
                robots=robots,
            )
        )
    monitors = []
    for i, entry in enumerate(_tables(data, "monitor", fail)):
        url = entry.get("url")
        if not isinstance(url, str):
            raise fail("a monitor needs a 'url'", "monitor", i, "url")
        try:
            monitors.append(normalize_url(url))
        except InvalidURLError as exc:
            raise fail(f"url: {exc}", "monitor", i, "url") from exc
    if not outlets and not monitors:
        raise ConfigError(f"{path}: nothing to watch: add [[outlet]] or [[monitor]] tables")
    max_runtime = data.get("max_runtime")
    if max_runtime is not None and (
        isinstance(max_runtime, bool)
        or not isinstance(max_runtime, int | float)
        or max_runtime <= 0
    ):
        raise fail("'max_runtime' must be a positive number of seconds", key="max_runtime")
    for key in ("store", "report"):
        if key in data and not isinstance(data[key], str):
            raise fail(f"{key!r} must be a string", key=key)
    base = path.parent
    store = data.get("store")
    report = data.get("report")
    return Watchlist(
        path=path,
        outlets=tuple(outlets),
        monitors=tuple(monitors),
        store=(store if "://" in store else str(base / store)) if store else None,
        report=None if report in (None, "-") else str(base / report),
        max_runtime=float(max_runtime) if max_runtime is not None else None,
    )


def _tables(data: dict[str, Any], name: str, fail: Any) -> list[dict[str, Any]]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise fail(f"use [[{name}]] tables for {name!r}", key=name)
    return value
