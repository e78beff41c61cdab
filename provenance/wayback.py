"""Archive evidence from the Wayback Machine (off by default; never needed for a lookup).

* **First capture.** The earliest 200 capture of an article's URL bounds when the page
  existed. A capture is not a publication: the page may be older than its first capture,
  never newer. It becomes the article's first-seen time when earlier than ours, stated as
  such in the evidence, and its edges are weighed again.
* **Gone pages.** When the queried or a credited page answers 404/410 or its host is dead,
  its latest archived copy is fetched instead (``{wayback}/web/{timestamp}id_/{url}``, the
  capture as the site served it) and stored under the page's own URL, with a signal that
  says the text came from the archive and when.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from datetime import UTC, datetime
from urllib.parse import urlencode

from .config import Settings
from .errors import FetchError
from .fetch import Fetcher
from .models import FetchResult

__all__ = ["Capture", "archived_copy", "first_capture", "is_gone", "replay_url"]


def replay_url(settings: Settings, url: str, timestamp: str) -> str:
    """The archived page as the site served it (``id_``: no Wayback banner or rewriting)."""
    return f"{settings.wayback_url.rstrip('/')}/web/{timestamp}id_/{url}"


logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Capture:
    url: str
    timestamp: str  # YYYYMMDDhhmmss, as the CDX API gives it

    @property
    def when(self) -> str:
        moment = datetime.strptime(self.timestamp[:14].ljust(14, "0"), "%Y%m%d%H%M%S")
        return moment.replace(tzinfo=UTC).isoformat(timespec="seconds")


def is_gone(error: FetchError) -> bool:
    """A page that is not there any more (rather than refused, too large or not HTML)."""
    text = str(error)
    return any(mark in text for mark in ("HTTP 404", "HTTP 410", "could not connect", "DNS"))


async def _captures(
    fetcher: Fetcher, settings: Settings, url: str, *, latest: bool
) -> Capture | None:
    params = {
        "url": url,
        "output": "json",
        "fl": "original,timestamp",
        "filter": "statuscode:200",
        "limit": "-1" if latest else "1",  # a negative limit counts from the end
    }
    query = f"{settings.wayback_url.rstrip('/')}/cdx/search/cdx?{urlencode(params)}"
    try:
        answer = await fetcher.fetch_resource(query, kinds=("json", "text"))
        rows = json.loads(answer.content or b"[]")
    except (FetchError, ValueError) as exc:
        logger.info("Wayback CDX for %s: %s", url, exc)
        return None
    if not isinstance(rows, list) or len(rows) < 2 or not isinstance(rows[1], list):
        return None
    names = [str(n) for n in rows[0]] if isinstance(rows[0], list) else []
    record = dict(zip(names, (str(v) for v in rows[1]), strict=False))
    if not record.get("timestamp", "").isdigit():
        return None
    return Capture(record.get("original") or url, record["timestamp"])


async def first_capture(fetcher: Fetcher, settings: Settings, url: str) -> Capture | None:
    """The earliest 200 capture of ``url``, if the archive has one."""
    return await _captures(fetcher, settings, url, latest=False)


async def archived_copy(fetcher: Fetcher, settings: Settings, url: str) -> FetchResult | None:
    """The latest archived copy of a gone page, as if fetched from its own URL."""
    capture = await _captures(fetcher, settings, url, latest=True)
    if capture is None:
        return None
    replay = replay_url(settings, url, capture.timestamp)
    try:
        page = await fetcher.fetch(replay)
    except FetchError as exc:
        logger.info("archived copy of %s: %s", url, exc)
        return None
    return dataclasses.replace(
        page,
        url=url,
        final_url=url,
        fetched_at=datetime.fromisoformat(capture.when),
        from_archive=True,
    )
