"""The command line: parse options, call the library, turn errors into exit codes.

Exit codes: 0 success; 1 the job failed (one-line reason on stderr); 2 usage or
configuration error; 3 a batch finished but some items failed (listed at the end).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import sys
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from .bulk import ingest_warcs
from .compare import Comparison, compare, render_comparison
from .config import Settings
from .database import locate
from .errors import ProvenanceError
from .evidence import parse_date
from .export import format_for, store_graph, write_graph
from .extract import extract, extract_text_document
from .fetch import Fetcher
from .models import Article
from .pipeline import IngestOutcome, LookupResult, article_for, ingest_urls, lookup, lookup_text
from .render import render_tree
from .store import Store
from .storecopy import settings_for
from .watch import RunReport, edge_record, lock, run_watch, write_report
from .watchlist import load_watchlist

__all__ = ["app", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

app = typer.Typer(
    help="Where did this article come from, and who republished it?",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
logger = logging.getLogger("provenance")

StoreOpt = Annotated[
    str,
    typer.Option(
        "--store", envvar="PROVENANCE_STORE", help="Store file (SQLite).", show_default=True
    ),
]
ProxyOpt = Annotated[
    str | None,
    typer.Option("--proxy", help="Send every HTTP request through this HTTP proxy URL."),
]
ArchiveOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--archive", help="Answer requests from this WARC file instead of the network (repeatable)."
    ),
]
VerboseOpt = Annotated[
    int, typer.Option("--verbose", "-v", count=True, help="More logging (-vv: debug).")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")]
OutletsOpt = Annotated[
    Path | None,
    typer.Option(
        "--outlets",
        envvar="PROVENANCE_OUTLETS",
        help="Outlet registry file (TOML or CSV): names, aliases, domains, networks.",
    ),
]
UserAgentOpt = Annotated[
    str | None, typer.Option("--user-agent", help="User-Agent header to send.")
]
AllowPrivateOpt = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Allow loopback and private addresses (intranets); refused by default.",
    ),
]
IgnoreRobotsOpt = Annotated[
    bool,
    typer.Option("--ignore-robots", help="Neither fetch nor obey robots.txt (your own sites)."),
]
DelayOpt = Annotated[
    float | None,
    typer.Option(
        "--delay", min=0.0, help="Minimum seconds between two requests to one host (default 1)."
    ),
]
RetriesOpt = Annotated[
    int | None,
    typer.Option("--retries", min=0, max=10, help="Retries after a transient failure (default 3)."),
]

LeaseOpt = Annotated[
    float | None,
    typer.Option(
        "--claim-lease",
        min=1.0,
        help="Seconds a claim on queued URLs outlives a worker that stops renewing it "
        "(default 120): how soon another worker takes over a dead one's URLs.",
    ),
]

T = TypeVar("T")


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    )
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    if level > logging.DEBUG:
        logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL if level > logging.DEBUG else level)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL if level > logging.DEBUG else level)


def _settings(
    proxy: str | None,
    archive: list[Path] | None,
    user_agent: str | None,
    outlets: Path | None = None,
    allow_private: bool = False,
    ignore_robots: bool = False,
    delay: float | None = None,
    retries: int | None = None,
    **more: Any,
) -> Settings:
    """Settings from the options every fetching command shares (None: the default)."""
    return Settings().replace(
        proxy=proxy,
        archives=tuple(archive) if archive else None,
        user_agent=user_agent,
        outlets_file=outlets,
        allow_private=allow_private or None,
        ignore_robots=ignore_robots or None,
        host_delay=delay,
        retries=retries,
        **more,
    )


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"provenance: error: {message}", err=True)
    return typer.Exit(code)


def _run(job: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine; turn library errors into a one-line message and an exit code."""
    try:
        return asyncio.run(job())
    except ProvenanceError as exc:
        url = getattr(exc, "url", None)
        where = f"{url}: " if url and url not in str(exc) else ""
        raise _fail(f"{where}{exc}", exc.exit_code) from None
    except KeyboardInterrupt:
        raise _fail("interrupted", 130) from None
    except Exception as exc:  # a bug: still one line, the traceback only with -vv
        logger.debug("unexpected error", exc_info=True)
        raise _fail(
            f"internal error: {type(exc).__name__}: {exc} (run with -vv for details)", EXIT_FAILED
        ) from None


@app.command("ingest")
def ingest_command(
    urls: Annotated[list[str] | None, typer.Argument(help="Article URLs to ingest.")] = None,
    from_file: Annotated[
        Path | None,
        typer.Option("--from-file", help="Read URLs from FILE, one per line ('-' for stdin)."),
    ] = None,
    warc: Annotated[
        list[Path] | None,
        typer.Option(
            "--warc", help="Ingest every HTML page of this WARC file (repeatable; streamed)."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Processes for extraction (default: all cores)."),
    ] = None,
    store: StoreOpt = "provenance.db",
    proxy: ProxyOpt = None,
    archive: ArchiveOpt = None,
    outlets: OutletsOpt = None,
    user_agent: UserAgentOpt = None,
    allow_private: AllowPrivateOpt = False,
    ignore_robots: IgnoreRobotsOpt = False,
    delay: DelayOpt = None,
    retries: RetriesOpt = None,
    claim_lease: LeaseOpt = None,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Fetch articles, fingerprint them and add them to the store, with their republication edges.

    Example: provenance ingest --warc samples/sample-web.warc.gz
    """
    _configure_logging(verbose, quiet)
    wanted = list(urls or [])
    if from_file is not None:
        wanted.extend(_read_url_file(from_file))
    if not wanted and not warc:
        raise _fail("nothing to ingest (pass URLs, --from-file FILE or --warc FILE)", EXIT_USAGE)
    settings = _settings(
        proxy, archive, user_agent, outlets, allow_private, ignore_robots, delay, retries
    ).replace(claim_lease=claim_lease)
    if warc:
        _ingest_warc_files(warc, store, settings, workers, quiet)
        if not wanted:
            return

    async def job() -> list[IngestOutcome]:
        with Store.open(store, settings) as db:
            async with Fetcher(settings) as fetcher:
                return await ingest_urls(wanted, db, settings, fetcher=fetcher)

    outcomes = _run(job)
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    failed = [o for o in outcomes if o.status == "failed"]
    for outcome in failed:
        typer.echo(f"failed: {outcome.url}: {outcome.reason}", err=True)
    if not quiet:
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        matched = sum(o.matches for o in outcomes)
        typer.echo(f"{len(outcomes)} URL(s): {summary}; {matched} new match(es)", err=True)
    if failed:
        raise typer.Exit(EXIT_FAILED if len(failed) == len(outcomes) else EXIT_PARTIAL)


def _ingest_warc_files(
    paths: list[Path], store: str, settings: Settings, workers: int | None, quiet: bool
) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    show = sys.stderr.isatty() and not quiet
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        disable=not show,
    )
    task = progress.add_task("ingest", total=None)
    try:
        with progress, Store.open(store, settings) as db:
            report = ingest_warcs(
                paths,
                db,
                settings,
                workers=workers,
                on_progress=lambda n: progress.update(task, completed=n),
            )
    except ProvenanceError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    for url, reason in report.failures:
        typer.echo(f"failed: {url}: {reason}", err=True)
    if not quiet:
        summary = ", ".join(f"{n} {status}" for status, n in sorted(report.counts.items()))
        typer.echo(
            f"{report.articles} article(s) in {report.seconds:.1f}s ({report.rate:.1f}/s): "
            f"{summary or 'nothing'}; {report.skipped} non-article record(s) skipped",
            err=True,
        )
    if report.failures:
        raise typer.Exit(EXIT_FAILED if not report.articles else EXIT_PARTIAL)


def _read_url_file(path: Path) -> list[str]:
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"cannot read {path}: {exc}", EXIT_USAGE) from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@app.command("lookup")
def lookup_command(
    target: Annotated[
        str, typer.Argument(help="Article URL, a saved page or text file, or '-' for stdin.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    graphml: Annotated[
        Path | None, typer.Option("--graphml", help="Also write the graph as GraphML.")
    ] = None,
    png: Annotated[
        Path | None, typer.Option("--png", help="Also draw the tree as a timeline (PNG).")
    ] = None,
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Also draw the tree as a timeline (SVG).")
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write a self-contained HTML report (tree, evidence)."),
    ] = None,
    depth: Annotated[
        int, typer.Option("--depth", min=0, max=5, help="Hops of credit links to follow.")
    ] = 2,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Fetch the URL again even if stored.")
    ] = False,
    search: Annotated[
        bool | None,
        typer.Option(
            "--search/--no-search",
            help="Ask search providers for copies nobody links to (default: off, unless "
            "PROVENANCE_SEARCH=1 or a provider key is set; always off with --archive).",
        ),
    ] = None,
    providers: Annotated[
        str | None,
        typer.Option(
            "--providers",
            help="Search providers, comma-separated: gdelt,wayback,serpapi,copyscape.",
        ),
    ] = None,
    gdelt_url: Annotated[
        str | None,
        typer.Option("--gdelt-url", envvar="PROVENANCE_GDELT_URL", help="GDELT DOC API."),
    ] = None,
    wayback: Annotated[
        bool,
        typer.Option(
            "--wayback/--no-wayback",
            help="Use the Wayback Machine: earliest captures as evidence, archived copies of"
            " pages that are gone (default: off).",
        ),
    ] = False,
    wayback_url: Annotated[
        str | None,
        typer.Option("--wayback-url", envvar="PROVENANCE_WAYBACK_URL", help="Wayback Machine."),
    ] = None,
    serpapi_url: Annotated[
        str | None,
        typer.Option("--serpapi-url", envvar="PROVENANCE_SERPAPI_URL", help="SerpAPI endpoint."),
    ] = None,
    copyscape_url: Annotated[
        str | None,
        typer.Option("--copyscape-url", envvar="PROVENANCE_COPYSCAPE_URL", help="Copyscape API."),
    ] = None,
    search_budget: Annotated[
        int | None,
        typer.Option("--search-budget", min=0, help="Provider requests per lookup (default 20)."),
    ] = None,
    search_queries: Annotated[
        int | None,
        typer.Option("--search-queries", min=0, help="Search queries per lookup (default 3)."),
    ] = None,
    search_delay: Annotated[
        float | None,
        typer.Option(
            "--search-delay",
            min=0.0,
            envvar="PROVENANCE_SEARCH_DELAY",
            help="Seconds between two requests to one provider (default 5).",
        ),
    ] = None,
    store: StoreOpt = "provenance.db",
    proxy: ProxyOpt = None,
    archive: ArchiveOpt = None,
    outlets: OutletsOpt = None,
    user_agent: UserAgentOpt = None,
    allow_private: AllowPrivateOpt = False,
    ignore_robots: IgnoreRobotsOpt = False,
    delay: DelayOpt = None,
    retries: RetriesOpt = None,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Show where an article came from and every known copy, with the evidence for each link.

    With --search, search providers (GDELT, Wayback, SerpAPI, Copyscape) are asked for
    copies that nothing links to; each is fetched and verified before it is drawn.

    Example: provenance lookup --archive samples/sample-web.warc.gz http://globalreview.example/2026/05/harbour-inquiry-repost.html
    """
    _configure_logging(verbose, quiet)
    settings = _settings(
        proxy,
        archive,
        user_agent,
        outlets,
        allow_private,
        ignore_robots,
        delay,
        retries,
        follow_depth=depth,
        gdelt_url=gdelt_url,
        wayback=wayback or None,
        wayback_url=wayback_url,
        serpapi_url=serpapi_url,
        copyscape_url=copyscape_url,
        search_budget=search_budget,
        search_queries=search_queries,
        search_delay=search_delay,
    )
    from .search import search_providers, summary_line

    try:
        settings = settings.replace(
            search_providers=search_providers(search, providers, offline=bool(archive))
        )
    except ProvenanceError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    if archive and search and not quiet:
        typer.echo(
            "note: search is off with --archive (providers cannot be asked offline)", err=True
        )
    local = _local_input(target)

    async def job() -> LookupResult:
        with Store.open(store, settings) as db:
            async with Fetcher(settings) as fetcher:
                if local is not None:
                    return await lookup_text(local(), db, settings, fetcher=fetcher)
                return await lookup(target, db, settings, fetcher=fetcher, refresh=refresh)

    result = _run(job)
    from .draw import draw_tree
    from .export import annotate
    from .render import use_color
    from .report import write_html

    try:
        if graphml is not None:
            write_graph(annotate(result.graph), graphml, "graphml")
        for picture, kind in ((png, "png"), (svg, "svg")):
            if picture is not None:
                draw_tree(result.graph, picture, fmt=kind, query=result.query, tree=result.tree)
        if html is not None:
            write_html(result, html)
    except ProvenanceError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_tree(result, color=use_color(sys.stdout)))
    for url, reason in result.failures:
        typer.echo(f"note: could not fetch {url}: {reason}", err=True)
    if result.search is not None and not quiet:
        typer.echo(summary_line(result.search), err=True)


def _local_input(target: str) -> Callable[[], Any] | None:
    """A loader for a file path or '-' (stdin), or None when ``target`` is a URL."""
    if target == "-":
        data = sys.stdin.buffer.read()
        return lambda: _article_from_bytes(data, "stdin:-")
    path = Path(target)
    if "://" in target or not path.exists():
        return None
    if path.is_dir():
        raise _fail(f"{target} is a directory", EXIT_USAGE)
    data = path.read_bytes()
    return lambda: _article_from_bytes(data, path.resolve().as_uri())


def _article_from_bytes(data: bytes, name: str) -> Any:
    from .fetch import decode_html

    text, _ = decode_html(data, None)
    head = text[:2048].lower()
    if "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head:
        article = extract(text, "http://local.invalid/")
        return dataclasses.replace(article, url=name, outlet="(local copy)")
    return extract_text_document(text, name)


@app.command("export")
def export_command(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="File to write (default graphs/provenance.<ext>, or graphs/outlets.<ext>).",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="graphml, gexf, json, csv or dot (default: from --out's extension, else graphml).",
        ),
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="Only the component of this article.")
    ] = None,
    outlet: Annotated[
        str | None,
        typer.Option("--outlet", help="Only the components of this outlet's articles (a domain)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only articles that appeared at or after this ISO date."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", help="Only articles that appeared up to this ISO date (inclusive)."
        ),
    ] = None,
    outlet_graph: Annotated[
        bool,
        typer.Option("--outlet-graph", help="Export outlets (who republishes whom), not articles."),
    ] = False,
    png: Annotated[
        Path | None, typer.Option("--png", help="Also draw it (timeline or network) as PNG.")
    ] = None,
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Also draw it (timeline or network) as SVG.")
    ] = None,
    store: StoreOpt = "provenance.db",
    proxy: ProxyOpt = None,
    archive: ArchiveOpt = None,
    outlets: OutletsOpt = None,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Write the republication graph of the store (or a part of it) for Gephi, Cytoscape or yEd.

    With only --png/--svg, draws without writing a graph file.

    Example: provenance export --out graphs/harbour.gexf --url http://globalreview.example/kaldria-port-authority-shelved-quay-warnings/5619043
    """
    from .draw import draw_outlets, draw_tree
    from .export import FORMATS, Selection, csv_paths, parse_when
    from .outlets_graph import build_outlet_graph

    _configure_logging(verbose, quiet)
    settings = _settings(proxy, archive, None, outlets)
    pictures = [(p, k) for p, k in ((png, "png"), (svg, "svg")) if p is not None]
    write_data = out is not None or fmt is not None or not pictures
    try:
        kind = format_for(out or Path("graph"), fmt)
        path = out or Path("graphs") / (
            ("outlets" if outlet_graph else "provenance") + FORMATS[kind][0]
        )
        selection = Selection(
            url,
            outlet,
            parse_when(since) if since else None,
            parse_when(until, end=True) if until else None,
        )
        with Store.open(store, settings, create=False) as db:
            registry = db.registry()
            graph = store_graph(db, selection=selection, registry=registry)
        if outlet_graph:
            graph = build_outlet_graph(graph, registry=registry)
        if write_data:
            write_graph(graph, path, kind)
        for picture, picture_kind in pictures:
            draw = draw_outlets if outlet_graph else draw_tree
            draw(graph, picture, fmt=picture_kind)
    except ProvenanceError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    if not quiet:
        size = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
        if write_data:
            written = " and ".join(map(str, csv_paths(path))) if kind == "csv" else str(path)
            typer.echo(f"wrote {written} ({size})", err=True)
        for picture, _ in pictures:
            typer.echo(f"drew {picture} ({size})", err=True)


@app.command("outlets")
def outlets_command(
    top: Annotated[int, typer.Option("--top", min=1, help="How many outlets to list.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the ranking as JSON.")] = False,
    out: Annotated[
        Path | None, typer.Option("--out", help="Also write the outlet graph to this file.")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="graphml, gexf, json, csv or dot (default: from --out)."),
    ] = None,
    png: Annotated[
        Path | None, typer.Option("--png", help="Also draw the outlet network (PNG).")
    ] = None,
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Also draw the outlet network (SVG).")
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="Only the component of this article.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only articles that appeared at or after this ISO date."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", help="Only articles that appeared up to this ISO date (inclusive)."
        ),
    ] = None,
    store: StoreOpt = "provenance.db",
    proxy: ProxyOpt = None,
    archive: ArchiveOpt = None,
    outlets: OutletsOpt = None,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Rank outlets as originals and as amplifiers, and find mirror communities.

    Example: provenance outlets --top 20 --png graphs/outlets.png
    """
    from .draw import draw_outlets
    from .export import Selection, parse_when
    from .outlets_graph import build_outlet_graph, outlets_json, rank_outlets
    from .render import render_outlets, use_color

    _configure_logging(verbose, quiet)
    settings = _settings(proxy, archive, None, outlets)
    try:
        selection = Selection(
            url,
            None,
            parse_when(since) if since else None,
            parse_when(until, end=True) if until else None,
        )
        kind = format_for(out or Path("graph"), fmt) if out is not None else ""
        with Store.open(store, settings, create=False) as db:
            registry = db.registry()
            graph = build_outlet_graph(
                store_graph(db, selection=selection, registry=registry), registry=registry
            )
        ranking = rank_outlets(graph, top=top)
        if out is not None:
            write_graph(graph, out, kind)
        for picture, picture_kind in ((png, "png"), (svg, "svg")):
            if picture is not None:
                draw_outlets(graph, picture, fmt=picture_kind)
    except ProvenanceError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    if as_json:
        typer.echo(json.dumps(outlets_json(graph, ranking), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_outlets(graph, ranking, color=use_color(sys.stdout)))


@app.command("compare")
def compare_command(
    first: Annotated[str, typer.Argument(help="URL (or saved page/text file) of copy A.")],
    second: Annotated[str, typer.Argument(help="URL (or saved page/text file) of copy B.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
    store: StoreOpt = "provenance.db",
    proxy: ProxyOpt = None,
    archive: ArchiveOpt = None,
    outlets: OutletsOpt = None,
    user_agent: UserAgentOpt = None,
    allow_private: AllowPrivateOpt = False,
    ignore_robots: IgnoreRobotsOpt = False,
    delay: DelayOpt = None,
    retries: RetriesOpt = None,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Compare two copies: overlap both ways, shared passages, what each adds, who copied whom.

    Example: provenance compare http://northwind-dispatch.example/2026/05/16/harbour-inquiry.html http://globalreview.example/kaldria-port-authority-shelved-quay-warnings/5619043
    """
    _configure_logging(verbose, quiet)
    settings = _settings(
        proxy, archive, user_agent, outlets, allow_private, ignore_robots, delay, retries
    )
    local = {target: _local_input(target) for target in (first, second)}

    async def job() -> Comparison:
        with Store.open(store, settings) as db:
            async with Fetcher(settings) as fetcher:
                sides: list[tuple[Article, str | None]] = []
                for target in (first, second):
                    loader = local[target]
                    if loader is not None:
                        sides.append((loader(), None))
                    else:
                        sides.append(await article_for(target, db, settings, fetcher=fetcher))
                (a, seen_a), (b, seen_b) = sides
                return compare(
                    a, b, settings, registry=db.registry(), a_first_seen=seen_a, b_first_seen=seen_b
                )

    result = _run(job)
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_comparison(result))


@app.command("watch")
def watch_command(
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="The watchlist (TOML).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Do not run: list republications detected since this ISO time."
        ),
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="With --since: up to this ISO time.")
    ] = None,
    report: Annotated[
        str | None,
        typer.Option(
            "--report", help="JSON Lines file to append new republications to ('-': stdout)."
        ),
    ] = None,
    max_runtime: Annotated[
        float | None,
        typer.Option("--max-runtime", min=1, help="Stop discovering and fetching after S seconds."),
    ] = None,
    store: StoreOpt = "provenance.db",
    proxy: ProxyOpt = None,
    archive: ArchiveOpt = None,
    outlets: OutletsOpt = None,
    user_agent: UserAgentOpt = None,
    allow_private: AllowPrivateOpt = False,
    ignore_robots: IgnoreRobotsOpt = False,
    delay: DelayOpt = None,
    retries: RetriesOpt = None,
    claim_lease: LeaseOpt = None,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Discover what watched outlets published, ingest it, and report the copies that are new.

    Exit codes: 0 nothing new; 5 new copies found; 6 new copies and some failures;
    3 nothing new but some failures; 4 another run holds the lock; 1 the run failed;
    2 a bad watchlist or option.

    Example: provenance watch --config watch.toml --report reports/new.jsonl --max-runtime 900
    """
    _configure_logging(verbose, quiet)
    if since is not None:
        _list_detected(store, since, until, report)
        return
    if config is None:
        raise _fail("--config FILE is required (or --since to list what was found)", EXIT_USAGE)
    try:
        watchlist = load_watchlist(config)
    except ProvenanceError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    store_path = watchlist.store if store == "provenance.db" and watchlist.store else store
    settings = _settings(
        proxy, archive, user_agent, outlets, allow_private, ignore_robots, delay, retries
    ).replace(claim_lease=claim_lease)
    runtime = max_runtime if max_runtime is not None else watchlist.max_runtime
    destination = report if report is not None else watchlist.report

    async def job() -> RunReport:
        with lock(store_path), Store.open(store_path, settings) as db:
            async with Fetcher(settings) as fetcher:
                with _progress(quiet) as progress:
                    return await run_watch(
                        watchlist,
                        db,
                        settings,
                        max_runtime=runtime,
                        fetcher=fetcher,
                        on_progress=progress,
                    )

    result = _run(job)
    _emit([edge_record(e, at, result.run_id) for e, at in result.new_edges], destination)
    for url, reason in result.failures:
        typer.echo(f"failed: {url}: {reason}", err=True)
    if not quiet:
        typer.echo(result.summary(), err=True)
    raise typer.Exit(result.exit_code)


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar on a terminal; nothing (no colours, no bars) otherwise."""
    if quiet or not sys.stderr.isatty():
        yield lambda stage, done, total: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("watch", total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total or None)

        yield update


def _emit(records: list[dict[str, object]], destination: str | None) -> None:
    if destination in (None, "-"):
        write_report(records, sys.stdout)
        return
    assert destination is not None
    path = Path(destination)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            write_report(records, out)
    except OSError as exc:
        raise _fail(f"cannot write report {path}: {exc.strerror or exc}", EXIT_FAILED) from None


def _list_detected(store: str, since: str, until: str | None, destination: str | None) -> None:
    for value in (since, until):
        if value is not None and parse_date(value) is None:
            raise _fail(f"not an ISO date or time: {value!r}", EXIT_USAGE)
    try:
        with Store.open(store, settings_for(store), create=False) as db:
            found = db.edges_detected(since=_iso_utc(since), until=_iso_utc(until, end=True))
    except ProvenanceError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    _emit([edge_record(e, at, run) for e, at, run in found], destination)
    typer.echo(f"{len(found)} republication(s) detected in the window", err=True)


def _iso_utc(value: str | None, *, end: bool = False) -> str | None:
    """An ISO time as the store writes them (UTC, seconds); a bare date ends at 23:59:59."""
    if value is None:
        return None
    parsed = parse_date(value)
    assert parsed is not None
    if end and len(value.strip()) == 10:
        parsed = parsed.replace(hour=23, minute=59, second=59)
    return parsed.astimezone(UTC).isoformat(timespec="seconds")


store_app = typer.Typer(
    help="Look after a store: check its integrity, copy it (SQLite <-> PostgreSQL).",
    no_args_is_help=True,
)
app.add_typer(store_app, name="store")


@store_app.command("check")
def store_check_command(
    store: StoreOpt = "provenance.db",
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Check a store's integrity: SQLite's own check and provenance's invariants.

    Exits 0 when the store is healthy, 1 with one line per problem otherwise.

    Example: provenance store check --store provenance.db
    """
    _configure_logging(verbose, quiet)
    try:
        with Store.open(store, settings_for(store), create=False) as db:
            problems = db.check()
            counts = db.counts()
    except ProvenanceError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    for problem in problems:
        typer.echo(f"problem: {problem}", err=True)
    if problems:
        raise typer.Exit(EXIT_FAILED)
    if not quiet:
        typer.echo("ok: " + ", ".join(f"{n} {table}" for table, n in counts.items()))


@store_app.command("copy")
def store_copy_command(
    src: Annotated[
        str,
        typer.Argument(
            metavar="SRC",
            help="The store to copy: a file, sqlite:///path or postgresql://user@host/db.",
        ),
    ],
    dst: Annotated[
        str,
        typer.Argument(
            metavar="DST",
            help="Where to copy it: a new file or an empty PostgreSQL database (never merged).",
        ),
    ],
    batch: Annotated[
        int, typer.Option("--batch", min=1, help="Rows per INSERT and per fetch.")
    ] = 1000,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Copy a store to another engine (SQLite <-> PostgreSQL), verified by counts and checksums.

    Every table, row and id is copied. DST must be new or empty; it gets SRC's index settings.

    The copy is one transaction on DST, committed once every table's count and SHA-256 match.

    An interrupted, failed or mismatched copy leaves DST as it was: empty.

    Exits 0 on a verified copy; 1 if DST has rows, is unreachable or differs; 2 if SRC is DST.

    Example: provenance store copy provenance.db postgresql://me@dbhost/provenance
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from .storecopy import copy_store

    _configure_logging(verbose, quiet)
    progress = Progress(
        TextColumn("copying {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        transient=True,
        disable=not sys.stderr.isatty() or quiet,
    )
    task = progress.add_task("", total=None)
    try:
        with progress:
            report = copy_store(
                src,
                dst,
                batch=batch,
                on_progress=lambda table, done, total: progress.update(
                    task, description=table, completed=done, total=total
                ),
            )
    except ProvenanceError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        raise _fail(f"interrupted: {locate(dst).shown} was left as it was", 130) from None
    if quiet:
        return
    width = max(len(t.table) for t in report.tables)
    typer.echo(f"{'table':<{width}}  {'rows':>10}  sha256")
    for t in report.tables:
        typer.echo(f"{t.table:<{width}}  {t.rows:>10}  {t.short}")
    typer.echo(
        f"ok: copied {report.rows} row(s) from {report.source} to {report.destination} "
        f"in {report.seconds:.1f}s; every table's count and checksum match"
    )


def main() -> None:
    """Console-script entry point."""
    app()
