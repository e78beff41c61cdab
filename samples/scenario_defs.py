# Scenario data: long strings are wrapped by hand; a few run past the limit.
# ruff: noqa: E501
"""The scenarios of the sample web: which outlet publishes what, when, and who copies whom.

A scenario is a dict:
  id, description
  pages: page specs, in the order they are built (a copy after the page it copies)
  origin: key of the origin page, or None for an origin that is only named (a wire agency)
  origin_outlet: for named-only origins, the name exactly as credited
  query: key of the page a user would look up
  not_copies: keys of pages in the scenario that must not be linked to the query's cluster
  crawl: when the crawl of this scenario starts; crawl_order: order of the WARC records

A page spec:
  key, outlet (a key of scenario_outlets.OUTLETS), path, date (ISO 8601 or None), story
  parent: key of the page it was copied from, "outlet:<Name>" for a named-only source, or
          absent for an origin
  copy_of: key of the page whose body is copied (default: the story's own paragraphs)
  take: "paras" (only the story paragraphs of copy_of) or "all" (everything in its container)
  drop: kinds of block left out when take="all"
  slice: (start, end) of the story paragraphs kept (excerpts, cut endings)
  edits: [(old, new)] light edits, each applied once
  prepend, append: blocks added before/after the body (see generate_scenarios.render_block)
  headline, standfirst, author, byline, section: overrides
  canonical, og_url: "self" (default), a page key, a URL or None
  meta: {name: page key or URL} extra <meta name=...> tags
  jsonld_extra: extra JSON-LD properties ("@key" is replaced by that page's URL)
  status: 200 (default) or 404
  excerpt: True if the page carries only part of a story (excerpts, cut endings): the
           word floor is 120 instead of 350
"""

from __future__ import annotations

from scenario_stories import (
    ABBEY_FIRE,
    AIRLINE,
    BOATHOUSE,
    BRIDGE_TOLL,
    BUS_STRIKE,
    CINEMA,
    CIVIC_PULSE_PLEA,
    COMMONS_DISCLAIMER,
    COUNCIL_EXPENSES,
    EARTHQUAKE_WIRE,
    ERUPTION_ISLANDS_TODAY,
    ERUPTION_MERIDIAN,
    ERUPTION_RADIO,
    FERRY_COLLAPSE,
    FLOOD_BARRIER,
    HONEY,
    LAKE_VARROW,
    LAKESIDE_ABOUT,
    LAKESIDE_CORRECTIONS,
    LAKESIDE_PLEA,
    LAKESIDE_RELATED,
    LIBRARY_HOURS,
    MARATHON,
    OYSTER_COURT,
    QUARRY,
    RATES_WIRE,
    RECOUNT,
    SCOOTERS,
    SEWER_WORKS,
    SNOW_LEOPARDS,
    STEAM_ENGINE,
    STOLEN_PAINTING,
    TICKS,
    TIN_MINE,
    TRUTHWATCH_DISCLAIMER,
    WAITING_LISTS,
    WILDFIRE,
    WORLDWIRE_DISCLAIMER,
)
from scenario_stories_intl import BARCO, BRUECKE, PAROM, SCIERIE, SEQUIA, TEATRO

SCENARIO_1 = {
    "id": "port-essly-aggregator",
    "description": "The original hand-written scenario (answer-key.json): origin → aggregator with "
    "'The original source of this article is X' and a long disclaimer → three mirrors (canonical, "
    "'Source:' link, undated silent copy); a credited excerpt; an independent same-event article and "
    "another story of the origin outlet as hard negatives.",
}


# ---- block helpers ----------------------------------------------------------------------------------


def p(text: str) -> dict:
    return {"kind": "p", "text": text}


def lead(text: str) -> dict:
    return {"kind": "lead", "text": text}


def intro(text: str) -> dict:
    return {"kind": "intro", "text": text}


def credit(text: str, anchor: str | None = None, href: str | None = None) -> dict:
    return {"kind": "credit", "text": text, "anchor": anchor, "href": href}


def note(text: str, anchor: str | None = None, href: str | None = None) -> dict:
    return {"kind": "note", "text": text, "anchor": anchor, "href": href}


def dateline(*lines: tuple) -> dict:
    out = []
    for line in lines:
        text, anchor, href = (line + (None, None))[:3]
        out.append({"text": text, "anchor": anchor, "href": href})
    return {"kind": "dateline", "lines": out}


def disclaimer(text: str, title: str | None = None) -> dict:
    return {"kind": "disclaimer", "text": text, "title": title}


def plea(text: str, title: str | None = None, button: str = "Sign up") -> dict:
    return {"kind": "plea", "text": text, "title": title, "button": button}


def boiler(text: str, title: str | None = None) -> dict:
    return {"kind": "boiler", "text": text, "title": title}


def related(links: list, title: str) -> dict:
    return {"kind": "related", "links": links, "title": title}


def worldwire(origin_key: str, origin_name: str, origin_day: str, own_day: str, author: str,
              lead_text: str) -> dict:
    """What WorldWire Digest adds around a republished article, inside its post container."""
    return {
        "prepend": [
            dateline((f"WorldWire Digest, {own_day}",),
                     (f"{origin_name} {origin_day}", origin_name, f"@{origin_key}")),
            lead(lead_text),
        ],
        "append": [
            credit(f"The original source of this article is {origin_name}", origin_name,
                   f"@{origin_key}"),
            note(f"Copyright © {author}, {origin_name}, 2026", origin_name, f"@{origin_key}"),
            disclaimer(WORLDWIRE_DISCLAIMER),
        ],
    }


# ---- the scenarios -------------------------------------------------------------------------------------

SCENARIOS: list[dict] = []


def scenario(**kw) -> None:
    SCENARIOS.append(kw)


scenario(
    id="chain-linked",
    description="Chain with links at every step: Eastmere Courier → WorldWire Digest (footer 'The "
    "original source of this article is Eastmere Courier', dateline, disclaimer) → DailyRepost "
    "(copies the aggregator's container, adds 'Source: WorldWire Digest' linked) → Headline Stack "
    "(copies DailyRepost, adds 'Via DailyRepost' linked). The query is the end of the chain.",
    crawl="2026-06-12T10:00:00Z",
    origin="origin",
    query="mm",
    pages=[
        dict(key="origin", outlet="eastmere", story=LAKE_VARROW,
             path="/2026/06/09/lake-varrow-closed-algae.html", date="2026-06-09T07:45:00+01:00"),
        dict(key="agg", outlet="worldwire", story=LAKE_VARROW, copy_of="origin", parent="origin",
             path="/eastmere-toxic-algae-shuts-lake-varrow/6120457",
             date="2026-06-10T06:20:00+00:00", post_id=6120457,
             headline="Eastmere: Toxic Algae Shuts Lake Varrow for the Summer",
             standfirst="A decade of fertiliser run-off and record water temperatures has turned a "
             "popular holiday lake into a hazard for people and pets.",
             **worldwire("origin", "Eastmere Courier", "9 June 2026", "June 10, 2026",
                         "Hollis Brandt", "A decade of fertiliser run-off and record water "
                         "temperatures has turned a popular holiday lake into a hazard for people "
                         "and pets.")),
        dict(key="mirror", outlet="dailyrepost", story=LAKE_VARROW, copy_of="agg", take="all",
             parent="agg", path="/2026/06/10/eastmere-toxic-algae-shuts-lake-varrow/",
             date="2026-06-10T15:05:00+00:00",
             headline="Eastmere: Toxic Algae Shuts Lake Varrow for the Summer",
             append=[credit("Source: WorldWire Digest", "WorldWire Digest", "@agg")]),
        dict(key="mm", outlet="headlinestack", story=LAKE_VARROW, copy_of="mirror", take="all",
             parent="mirror", path="/story/lake-varrow-toxic-algae-summer-closure-88213",
             date="2026-06-11T09:30:00+00:00",
             headline="Eastmere: Toxic Algae Shuts Lake Varrow for the Summer",
             append=[credit("Via DailyRepost", "DailyRepost", "@mirror")]),
    ],
)

scenario(
    id="chain-named",
    description="Chain where the later steps credit by name only: Tidewater Journal → The Commons "
    "Reader ('This article was originally published on Tidewater Journal.', linked) → NewsMill "
    "('Source: The Commons Reader', no link) → AllNews24 ('Republished from NewsMill', no link). "
    "The query is the end of the chain.",
    crawl="2026-06-18T09:00:00Z",
    origin="origin",
    query="mm",
    pages=[
        dict(key="origin", outlet="tidewater", story=ABBEY_FIRE,
             path="/news/2026/06/15/sallowmere-abbey-library-fire", date="2026-06-15T11:30:00+01:00"),
        dict(key="agg", outlet="commons", story=ABBEY_FIRE, copy_of="origin", parent="origin",
             path="/2026/06/16/how-a-town-saved-its-medieval-library/",
             date="2026-06-16T08:00:00+00:00",
             headline="Sallowmere Abbey Fire: How a Town Saved Its Medieval Library",
             prepend=[lead("When the alarm went up, the people of Sallowmere did not wait to be "
                           "asked.")],
             append=[credit("This article was originally published on Tidewater Journal.",
                            "Tidewater Journal", "@origin"), disclaimer(COMMONS_DISCLAIMER)]),
        dict(key="mirror", outlet="newsmill", story=ABBEY_FIRE, copy_of="agg", take="all",
             parent="agg", path="/news/sallowmere-abbey-fire-town-saved-medieval-library-40917.html",
             date="2026-06-17T04:10:00+00:00",
             headline="Sallowmere Abbey Fire: How a Town Saved Its Medieval Library",
             append=[credit("Source: The Commons Reader")]),
        dict(key="mm", outlet="allnews24", story=ABBEY_FIRE, copy_of="mirror", take="all",
             parent="mirror", path="/2026/06/17/sallowmere-abbey-fire/",
             date="2026-06-17T13:45:00+00:00",
             headline="Sallowmere Abbey Fire: How a Town Saved Its Medieval Library",
             append=[credit("Republished from NewsMill")]),
    ],
)

scenario(
    id="chain-silent-tail",
    description="Chain whose last copy says nothing: Highmoor Chronicle → WorldWire Digest (credit, "
    "dateline, disclaimer) → FeedMirror (rel=canonical to the aggregator; drops the disclaimer, adds "
    "its own sign-off line) → Best of Web News (no credit, no canonical; copies FeedMirror's text, "
    "sign-off included, so it still carries the aggregator's 'original source' footer). Query: the "
    "silent last copy; its parent is FeedMirror.",
    crawl="2026-06-24T08:00:00Z",
    origin="origin",
    query="mm",
    pages=[
        dict(key="origin", outlet="highmoor", story=QUARRY,
             path="/planning/carnbrae-quarry-extension-approved-20260618",
             date="2026-06-18T07:40:00+01:00"),
        dict(key="agg", outlet="worldwire", story=QUARRY, copy_of="origin", parent="origin",
             path="/highmoor-quarry-expansion-approved-despite-objections/6121980",
             date="2026-06-20T07:00:00+00:00", post_id=6121980,
             headline="Highmoor: Quarry Expansion Approved Despite Thousands of Objections",
             standfirst="Villagers say blasting will shake their homes; the company says the stone "
             "is needed for the railways.",
             **worldwire("origin", "Highmoor Chronicle", "18 June 2026", "June 20, 2026",
                         "Fenella Roscoe", "Villagers say blasting will shake their homes; the "
                         "company says the stone is needed for the railways.")),
        dict(key="mirror", outlet="feedmirror", story=QUARRY, copy_of="agg", take="all",
             drop=["disclaimer"], parent="agg", canonical="agg",
             path="/a/highmoor-quarry-expansion-approved", date="2026-06-21T10:12:00+00:00",
             headline="Highmoor: Quarry Expansion Approved Despite Thousands of Objections",
             append=[note("Shared by the FeedMirror editors. Follow FeedMirror for more of the "
                          "stories people are passing around today.")]),
        dict(key="mm", outlet="bestofweb", story=QUARRY, copy_of="mirror", take="all",
             parent="mirror", canonical=None,
             path="/2026/06/23/quarry-expansion-approved-despite-objections.html",
             date="2026-06-23T06:30:00+00:00", hide_author=True,
             headline="Quarry Expansion Approved Despite Thousands of Objections"),
    ],
)

scenario(
    id="excerpt-lead-credited",
    description="Excerpt of the first third (3 of 11 paragraphs) on a morning roundup, with 'Read "
    "the full story at the Lowfield Post' linked.",
    crawl="2026-09-17T09:00:00Z",
    origin="origin",
    query="brief",
    pages=[
        dict(key="origin", outlet="lowfield", story=BUS_STRIKE,
             path="/2026/09/15/bus-drivers-vote-strike-split-shifts", date="2026-09-15T18:00:00+01:00"),
        dict(key="brief", outlet="morning", story=BUS_STRIKE, copy_of="origin", parent="origin",
             slice=(0, 3), excerpt=True, author=None,
             path="/briefing/2026-09-16/lowfield-bus-drivers-strike-vote",
             date="2026-09-16T05:30:00+01:00",
             headline="Lowfield bus drivers back strike over split shifts",
             standfirst="Transport: a walkout could come in the first week of October.",
             prepend=[intro("Transport: a walkout could come in the first week of October.")],
             append=[credit("Read the full story at the Lowfield Post", "Lowfield Post",
                            "@origin")]),
    ],
)

scenario(
    id="excerpt-lead-silent",
    description="Excerpt of the first third (3 of 10 paragraphs) on a content farm, same evening, "
    "new headline, no credit and no link: only dates and text.",
    crawl="2026-09-07T07:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="riverbend", story=FLOOD_BARRIER,
             path="/news/flood-barrier-fails-first-test-gate-jams-1187",
             date="2026-09-05T17:20:00+01:00"),
        dict(key="copy", outlet="localbuzz", story=FLOOD_BARRIER, copy_of="origin", parent="origin",
             slice=(0, 3), excerpt=True, author=None,
             path="/2026/09/05/riverbend-flood-barrier-gate-jams/", date="2026-09-05T21:05:00+01:00",
             headline="Riverbend’s new flood barrier jams during its first test"),
    ],
)

scenario(
    id="excerpt-middle-credited",
    description="A middle passage (paragraphs 4-7 of 10) quoted on a personal blog with its own "
    "introduction and 'Source: Saltmarsh Observer' (name only, no link).",
    crawl="2026-07-14T08:00:00Z",
    origin="origin",
    query="blog",
    pages=[
        dict(key="origin", outlet="saltmarsh", story=OYSTER_COURT,
             path="/2026/07/09/wrenhaven-oyster-beds-court-ruling.html",
             date="2026-07-09T12:00:00+01:00"),
        dict(key="blog", outlet="coastwatch", story=OYSTER_COURT, copy_of="origin", parent="origin",
             slice=(3, 7), excerpt=True, author="Maud Ellery", byline="Posted by Maud Ellery",
             path="/2026/07/12/a-charter-in-a-tin-trunk/", date="2026-07-12T20:15:00+01:00",
             headline="A charter in a tin trunk",
             standfirst="Not about birds this week, but about the oyster creeks.",
             prepend=[intro("Not about birds this week. The oyster creeks below Wrenhaven are "
                            "where I first saw a spotted redshank, so I have followed the court "
                            "case closely. The report of the ruling has this passage, which I "
                            "have read three times:")],
             append=[credit("Source: Saltmarsh Observer")]),
    ],
)

scenario(
    id="excerpt-middle-silent",
    description="A middle passage (paragraphs 5-7 of 9) reposted on an art blog with a one-line "
    "introduction, no credit and no link, three days later.",
    crawl="2026-07-27T08:00:00Z",
    origin="origin",
    query="blog",
    pages=[
        dict(key="origin", outlet="granite", story=STOLEN_PAINTING,
             path="/culture/2026/07/22/stolen-ardley-painting-found-lock-up",
             date="2026-07-22T10:30:00+01:00"),
        dict(key="blog", outlet="canvas", story=STOLEN_PAINTING, copy_of="origin", parent="origin",
             slice=(4, 7), excerpt=True, author="Rosalind Tey", byline="Rosalind Tey",
             path="/posts/evening-on-the-tarn-comes-home", date="2026-07-25T09:00:00+01:00",
             headline="Evening on the Tarn comes home",
             standfirst="The stolen Ardley has turned up in a garage.",
             prepend=[intro("Wonderful news for anyone who loves Ardley’s lakes:")]),
    ],
)

scenario(
    id="silent-copy-dated",
    description="A verbatim copy on a content farm the next morning, without author, credit, link "
    "or canonical: only the dates and the text say who was first.",
    crawl="2026-08-06T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="orchard", story=SCOOTERS,
             path="/town/old-town-bans-rental-e-scooters-5521", date="2026-08-03T16:45:00+01:00"),
        dict(key="copy", outlet="citybuzz", story=SCOOTERS, copy_of="origin", parent="origin",
             hide_author=True, path="/2026/08/04/old-town-bans-rental-e-scooters/",
             date="2026-08-04T08:10:00+01:00"),
    ],
)

scenario(
    id="silent-copies-crawled-first",
    description="Two silent copies, both crawled before the origin: one drops the last paragraph, "
    "the other changes the headline but keeps the whole text (so it cannot come from the first). "
    "Only dates and text as evidence; crawl order points the wrong way.",
    crawl="2026-08-23T06:00:00Z",
    crawl_order=["c1", "c2", "origin"],
    origin="origin",
    query="c2",
    pages=[
        dict(key="origin", outlet="pinecrest", story=WILDFIRE,
             path="/2026/08/21/wildfire-evacuation-hillside-vineyards.html",
             date="2026-08-21T08:30:00+01:00"),
        dict(key="c1", outlet="newsroll", story=WILDFIRE, copy_of="origin", parent="origin",
             slice=(0, 9), hide_author=True,
             path="/news/wildfire-forces-evacuation-hillside-vineyards-pinecrest",
             date="2026-08-21T14:00:00+01:00"),
        dict(key="c2", outlet="infopress", story=WILDFIRE, copy_of="origin", parent="origin",
             hide_author=True, path="/2026/08/22/pinecrest-fire-vineyards-evacuated.html",
             date="2026-08-22T07:15:00+01:00",
             headline="Hundreds evacuated as fire reaches Pinecrest’s historic vineyards"),
    ],
)

scenario(
    id="silent-copy-timezones",
    description="A silent verbatim copy whose local timestamp (03:40 -05:00) reads earlier than the "
    "origin's (09:15 +02:00) but is 85 minutes later in UTC; the copy is crawled first.",
    crawl="2026-07-03T06:00:00Z",
    crawl_order=["copy", "origin"],
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="ashford", story=AIRLINE,
             path="/2026/07/02/aeronord-drops-winter-routes", date="2026-07-02T09:15:00+02:00"),
        dict(key="copy", outlet="globalflash", story=AIRLINE, copy_of="origin", parent="origin",
             path="/world/europe/aeronord-to-drop-four-winter-routes-from-ashford/",
             date="2026-07-02T03:40:00-05:00"),
    ],
)

scenario(
    id="copy-adds-disclaimer",
    description="A silent copy that appends a 264-word site-wide disclaimer inside the article "
    "container, one day later.",
    crawl="2026-10-08T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="brightwater", story=BRIDGE_TOLL,
             path="/2026/10/06/hesketh-bridge-toll-rise.html", date="2026-10-06T07:00:00+01:00"),
        dict(key="copy", outlet="truthwatch", story=BRIDGE_TOLL, copy_of="origin", parent="origin",
             path="/hesketh-bridge-toll-to-rise-by-a-third/", date="2026-10-07T12:30:00+00:00",
             append=[disclaimer(TRUTHWATCH_DISCLAIMER)]),
    ],
)

scenario(
    id="copy-adds-newsletter-plea",
    description="A copy that ends with 'Originally published by the Marrow Bay Mercury.' (no link) "
    "and a 190-word newsletter plea inside the article container.",
    crawl="2026-05-29T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="marrowbay", story=RECOUNT,
             path="/politics/recount-harbour-ward-independent-three-votes-3390",
             date="2026-05-27T00:40:00+01:00"),
        dict(key="copy", outlet="civicpulse", story=RECOUNT, copy_of="origin", parent="origin",
             path="/2026/05/28/marrow-bay-recount-three-votes/", date="2026-05-28T09:00:00+01:00",
             append=[credit("Originally published by the Marrow Bay Mercury."),
                     plea(CIVIC_PULSE_PLEA, title="Get The Ward Report")]),
    ],
)

scenario(
    id="copy-adds-first-paragraph",
    description="A copy on an enthusiasts' site that adds a new first paragraph of its own and a new "
    "headline, and ends with 'Source: Copperline News' linked.",
    crawl="2026-07-01T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="copperline", story=STEAM_ENGINE,
             path="/2026/06/27/countess-of-brill-returns.html", date="2026-06-27T18:30:00+01:00"),
        dict(key="copy", outlet="railfan", story=STEAM_ENGINE, copy_of="origin", parent="origin",
             path="/2026/06/30/countess-of-brill-back-in-steam/", date="2026-06-30T10:00:00+01:00",
             headline="Countess of Brill back in steam on the Copperline",
             prepend=[p("Railway preservation has had a difficult few years, with volunteer "
                        "numbers falling and the price of coal and boiler repairs climbing "
                        "steeply. So it is a pleasure to pass on some unambiguously good news from "
                        "the south-west this week, where one of the longest restorations this "
                        "magazine has ever followed has finally reached its goal. Here is the "
                        "report from the local paper.")],
             append=[credit("Source: Copperline News", "Copperline News", "@origin")]),
    ],
)

scenario(
    id="copy-cuts-ending",
    description="A silent copy that keeps the first 6 of 11 paragraphs (the ending is cut), ten "
    "hours later.",
    crawl="2026-10-16T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="dunholt", story=WAITING_LISTS,
             path="/news/health/2026/10/14/waiting-list-ten-year-high",
             date="2026-10-14T17:00:00+01:00"),
        dict(key="copy", outlet="headlinefeed", story=WAITING_LISTS, copy_of="origin",
             parent="origin", slice=(0, 6), excerpt=True, hide_author=True,
             path="/dunholt-hospital-waiting-list-hits-ten-year-high-20261015.html",
             date="2026-10-15T03:20:00+00:00"),
    ],
)

scenario(
    id="light-edits-new-headline",
    description="A silent copy with a new headline and one or two words changed in every paragraph "
    "('entered' → 'went into', 'frightened' → 'scared', …), the same evening.",
    crawl="2026-09-09T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="kingsferry", story=FERRY_COLLAPSE,
             path="/islands/2026/09/07/bluewake-ferries-administration",
             date="2026-09-07T15:30:00+01:00"),
        dict(key="copy", outlet="islandnews", story=FERRY_COLLAPSE, copy_of="origin",
             parent="origin", hide_author=True,
             path="/2026/09/07/skerrin-islands-fear-for-supplies-as-ferry-firm-collapses/",
             date="2026-09-07T20:45:00+01:00",
             headline="Skerrin Islands fear for supplies as ferry firm Bluewake collapses",
             edits=[
                 ("entered administration on Monday", "went into administration on Monday"),
                 ("uncertain how long", "unsure how long"),
                 ("Administrators from the accountancy firm Lathbury Nash said",
                  "Lathbury Nash, the accountancy firm appointed as administrator, said"),
                 ("while they looked for a buyer", "while it searched for a buyer"),
                 ("Bluewake has struggled since", "Bluewake has been in difficulty since"),
                 ("a loss of almost eleven million", "a loss of nearly eleven million"),
                 ("spread quickly", "travelled fast"),
                 ("said it had placed an emergency order", "confirmed it had placed an emergency "
                  "order"),
                 ("said store manager", "explained store manager"),
                 ("and they are frightened", "and they are scared"),
                 ("are particularly worried", "are especially anxious"),
                 ("had no way of getting", "had no means of getting"),
                 ("would step in to guarantee", "would intervene to guarantee"),
                 ("were already talking to", "were already in talks with"),
                 ("about one hundred and thirty people", "around 130 people"),
                 ("several expressions of interest", "a number of expressions of interest"),
             ]),
    ],
)

scenario(
    id="light-edits-credited",
    description="A copy with a new headline, small wording changes in every paragraph (units, "
    "spelling, verbs) and 'Courtesy of the Northgate Advertiser.' (no link) at the end.",
    crawl="2026-08-11T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="northgate", story=SNOW_LEOPARDS,
             path="/whats-on/twin-snow-leopard-cubs-born-fellside-7781",
             date="2026-08-07T11:00:00+01:00"),
        dict(key="copy", outlet="greenplanet", story=SNOW_LEOPARDS, copy_of="origin",
             parent="origin", path="/wildlife/rare-twin-snow-leopard-cubs-delight-keepers/",
             date="2026-08-09T14:00:00+01:00",
             headline="Rare twin snow leopard cubs delight keepers at Fellside",
             edits=[
                 ("keepers announced on Friday", "keepers said on Friday"),
                 ("Keepers waited until the pair", "Staff waited until the pair"),
                 ("Head of carnivores", "Head of big cats"),
                 ("so we were nervous", "so we were anxious"),
                 ("about half a kilogram each", "about a pound each"),
                 ("begun to wobble out", "begun to totter out"),
                 ("Conservation groups estimate", "Wildlife groups estimate"),
                 ("international breeding programme", "international breeding program"),
                 ("genetically healthy", "genetically diverse"),
                 ("the programme and moved", "the program and moved"),
                 ("from the middle of September", "from mid-September"),
                 ("Schoolchildren in the Northgate area", "Local schoolchildren"),
                 ("improving the enclosure", "upgrading the enclosure"),
             ],
             append=[credit("Courtesy of the Northgate Advertiser.")]),
    ],
)

scenario(
    id="fr-credits",
    description="French: Le Courrier des Landes → Actu Partage ('Cet article a été initialement "
    "publié sur Le Courrier des Landes.', linked) and → La Revue Régionale ('Source : Le Courrier "
    "des Landes', no link, new headline).",
    crawl="2026-10-05T08:00:00Z",
    origin="origin",
    query="c2",
    pages=[
        dict(key="origin", outlet="courrierlandes", story=SCIERIE,
             path="/economie/2026/10/03/saint-verand-des-pins-la-derniere-scierie-ferme",
             date="2026-10-03T06:00:00+02:00"),
        dict(key="c1", outlet="actupartage", story=SCIERIE, copy_of="origin", parent="origin",
             path="/2026/10/03/la-derniere-scierie-du-canton-ferme-ses-portes/",
             date="2026-10-03T14:20:00+02:00",
             append=[credit("Cet article a été initialement publié sur Le Courrier des Landes.",
                            "Le Courrier des Landes", "@origin")]),
        dict(key="c2", outlet="revueregionale", story=SCIERIE, copy_of="origin", parent="origin",
             path="/landes-la-derniere-scierie-du-canton-ferme/48213",
             date="2026-10-04T09:00:00+02:00",
             headline="Landes : la dernière scierie du canton ferme après 112 ans",
             append=[credit("Source : Le Courrier des Landes")]),
    ],
)

scenario(
    id="de-credits",
    description="German: Nordtaler Rundschau → Nachrichtenspiegel ('Quelle: Nordtaler Rundschau', "
    "linked) and → Presseschau Online ('Dieser Artikel erschien zuerst bei der Nordtaler "
    "Rundschau.', linked).",
    crawl="2026-11-04T08:00:00Z",
    origin="origin",
    query="c2",
    pages=[
        dict(key="origin", outlet="nordtaler", story=BRUECKE,
             path="/region/felsheim/talbruecke-gesperrt-pendler-umwege-2026-11-02",
             date="2026-11-02T18:30:00+01:00"),
        dict(key="c1", outlet="nachrichtenspiegel", story=BRUECKE, copy_of="origin",
             parent="origin", path="/regional/talbruecke-felsheim-gesperrt/",
             date="2026-11-03T07:10:00+01:00",
             append=[credit("Quelle: Nordtaler Rundschau", "Nordtaler Rundschau", "@origin")]),
        dict(key="c2", outlet="presseschau", story=BRUECKE, copy_of="origin", parent="origin",
             path="/artikel/felsheim-bruecke-gesperrt-umleitung-8841",
             date="2026-11-03T12:00:00+01:00",
             append=[credit("Dieser Artikel erschien zuerst bei der Nordtaler Rundschau.",
                            "Nordtaler Rundschau", "@origin")]),
    ],
)

scenario(
    id="es-credits",
    description="Spanish: El Heraldo del Valle → Noticias al Día ('Fuente: El Heraldo del Valle', "
    "linked) and → Portal Resumen ('Este artículo fue publicado originalmente en El Heraldo del "
    "Valle.', no link).",
    crawl="2026-08-30T08:00:00Z",
    origin="origin",
    query="c1",
    pages=[
        dict(key="origin", outlet="heraldovalle", story=SEQUIA,
             path="/comarca/2026/08/28/villarreja-corta-el-agua-por-las-noches.html",
             date="2026-08-28T08:00:00+02:00"),
        dict(key="c1", outlet="noticiasaldia", story=SEQUIA, copy_of="origin", parent="origin",
             path="/2026/08/28/villarreja-de-la-sierra-corta-el-agua/",
             date="2026-08-28T16:00:00+02:00",
             append=[credit("Fuente: El Heraldo del Valle", "El Heraldo del Valle", "@origin")]),
        dict(key="c2", outlet="portalresumen", story=SEQUIA, copy_of="origin", parent="origin",
             path="/sequia-villarreja-cortes-nocturnos/33107", date="2026-08-29T10:30:00+02:00",
             append=[credit("Este artículo fue publicado originalmente en El Heraldo del Valle.")]),
    ],
)

scenario(
    id="it-fonte",
    description="Italian: Gazzetta di Borgoalto → Notizie in Rete ('Fonte: Gazzetta di Borgoalto', "
    "linked).",
    crawl="2026-10-16T08:00:00Z",
    origin="origin",
    query="c1",
    pages=[
        dict(key="origin", outlet="gazzetta", story=TEATRO,
             path="/cultura/2026/10/15/borgoalto-riapre-il-teatro-comunale",
             date="2026-10-15T07:30:00+02:00"),
        dict(key="c1", outlet="notizieinrete", story=TEATRO, copy_of="origin", parent="origin",
             path="/2026/10/15/borgoalto-riapre-teatro-comunale/", date="2026-10-15T13:00:00+02:00",
             append=[credit("Fonte: Gazzetta di Borgoalto", "Gazzetta di Borgoalto", "@origin")]),
    ],
)

scenario(
    id="pt-publicado-originalmente",
    description="Portuguese: Voz da Serra → Portal Leituras ('Publicado originalmente em Voz da "
    "Serra.', linked).",
    crawl="2026-04-17T08:00:00Z",
    origin="origin",
    query="c1",
    pages=[
        dict(key="origin", outlet="vozdaserra", story=BARCO,
             path="/regiao/2026/04/14/pescadores-estreiam-barco-eletrico",
             date="2026-04-14T19:00:00+01:00"),
        dict(key="c1", outlet="portalleituras", story=BARCO, copy_of="origin", parent="origin",
             path="/2026/04/16/primeiro-barco-eletrico-da-costa/", date="2026-04-16T09:00:00+01:00",
             append=[credit("Publicado originalmente em Voz da Serra.", "Voz da Serra",
                            "@origin")]),
    ],
)

scenario(
    id="ru-istochnik",
    description="Russian: Северный вестник → Новости дня ('Источник: Северный вестник', linked).",
    crawl="2026-11-12T08:00:00Z",
    origin="origin",
    query="c1",
    pages=[
        dict(key="origin", outlet="severny", story=PAROM,
             path="/obshchestvo/2026/11/11/parom-surya-remont.html",
             date="2026-11-11T10:00:00+03:00"),
        dict(key="c1", outlet="novostidnya", story=PAROM, copy_of="origin", parent="origin",
             path="/news/2026/11/11/v-beloyarske-otremontiruyut-paromnuyu-perepravu/",
             date="2026-11-11T15:40:00+03:00",
             append=[credit("Источник: Северный вестник", "Северный вестник", "@origin")]),
    ],
)

_NPA = "outlet:Nordpress Agency"
scenario(
    id="wire-dateline",
    description="Wire copy: a Nordpress Agency story ('HALVERSUND, Osterland (NPA) —' dateline) "
    "republished by four outlets with light edits and new headlines; the agency is not in the "
    "web. Westgate Times, Fenbridge Daily and Harlow Evening Star have a 'By Nordpress Agency' "
    "byline; Westgate adds '© 2026 Nordpress Agency', Fenbridge cuts the last two paragraphs, "
    "Harlow adds a local paragraph and 'Reporting by Nordpress Agency; additional reporting by "
    "Evening Star staff'. Crossmoor News (the query) has no byline, only the (NPA) dateline.",
    crawl="2026-03-18T07:00:00Z",
    origin=None,
    origin_outlet="Nordpress Agency",
    origin_aliases=["NPA"],
    query="w4",
    pages=[
        dict(key="w1", outlet="westgate", story=EARTHQUAKE_WIRE, parent=_NPA, author_is_org=True,
             path="/world/2026/03/17/osterland-earthquake-halversund",
             date="2026-03-17T06:05:00+00:00",
             headline="5.8 quake rattles Osterland coast; no deaths reported",
             append=[note("© 2026 Nordpress Agency. All rights reserved.")]),
        dict(key="w2", outlet="fenbridge", story=EARTHQUAKE_WIRE, parent=_NPA, author_is_org=True,
             byline="By Nordpress Agency", slice=(0, 9), excerpt=True,
             path="/world/strong-earthquake-hits-halversund-2231", date="2026-03-17T06:40:00+00:00",
             headline="Strong earthquake hits Halversund, cutting power to thousands",
             edits=[("early on Tuesday", "before dawn on Tuesday"),
                    ("crushing two parked cars", "flattening two parked cars"),
                    ("The grid operator said about", "The grid operator said that about")]),
        dict(key="w3", outlet="harlow", story=EARTHQUAKE_WIRE, parent=_NPA, author_is_org=True,
             path="/news/world/osterland-earthquake-chimneys-fall-trains-halted",
             date="2026-03-17T15:10:00+00:00",
             headline="Osterland earthquake: chimneys fall and trains halted",
             edits=[("like a lorry had driven", "like a truck had driven"),
                    ("The last comparable tremor", "The last quake of similar strength")],
             append=[p("Travel agents in Harlow said they had taken calls from customers due to "
                       "fly to Osterland this week. The foreign ministry has not changed its "
                       "travel advice."),
                     note("Reporting by Nordpress Agency; additional reporting by Evening Star "
                          "staff.")]),
        dict(key="w4", outlet="crossmoor", story=EARTHQUAKE_WIRE, parent=_NPA, author=None,
             path="/world/osterland-quake-5-8-halversund", date="2026-03-17T07:55:00+00:00",
             headline="Osterland hit by 5.8 quake",
             edits=[("cracking walls, bringing down chimneys", "cracking walls and bringing down "
                     "chimneys"),
                    ("most of them cuts from broken glass", "mostly cuts from broken glass")]),
    ],
)

_OSPREY = "outlet:Osprey Wire Agency"
scenario(
    id="wire-byline",
    description="Wire copy with a byline: an Osprey Wire Agency story republished by three outlets "
    "('By Osprey Wire Agency'; one adds a local paragraph and 'with additional reporting by', one "
    "cuts the last paragraph), each with its own headline. The agency is not in the web.",
    crawl="2026-09-24T07:00:00Z",
    origin=None,
    origin_outlet="Osprey Wire Agency",
    query="b3",
    pages=[
        dict(key="b1", outlet="bbr", story=RATES_WIRE, parent=_OSPREY, author_is_org=True,
             byline="By Osprey Wire Agency",
             path="/economy/bank-of-bressania-raises-rates-third-time-2026",
             date="2026-09-23T13:20:00+02:00"),
        dict(key="b2", outlet="vessara", story=RATES_WIRE, parent=_OSPREY, author_is_org=True,
             byline="Osprey Wire Agency, with additional reporting by Nico Brandl",
             path="/economy/2026/09/23/central-bank-raises-rates-again.html",
             date="2026-09-23T14:05:00+02:00",
             headline="Central bank raises rates again as prices keep climbing",
             edits=[("had been widely expected by financial markets", "had been widely expected"),
                    ("told a news conference in the capital, Vessara,", "told a news conference in "
                     "the city"),
                    ("Critics say the bank", "Critics argue the bank")],
             append=[p("In Vessara, where rents have risen faster than anywhere else in the "
                       "country, tenant groups said they would protest outside the central bank "
                       "on Saturday.")]),
        dict(key="b3", outlet="continental", story=RATES_WIRE, parent=_OSPREY, author_is_org=True,
             byline="By Osprey Wire Agency", slice=(0, 8), excerpt=True,
             path="/economy/2026/09/23/bressania-rate-rise-inflation",
             date="2026-09-23T16:30:00+02:00",
             headline="Bressania raises rates for a third time as inflation bites",
             edits=[("as it struggles to bring down", "as it tries to bring down"),
                    ("the price of bread up by almost a fifth", "bread nearly 20 percent dearer"),
                    ("Homeowners with variable-rate mortgages", "Borrowers with variable-rate "
                     "mortgages")]),
    ],
)

scenario(
    id="meta-canonical",
    description="A syndication partner republishes the full text four hours later with a "
    "cross-domain rel=canonical to the origin and no visible credit.",
    crawl="2026-04-22T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="fairhaven", story=LIBRARY_HOURS,
             path="/2026/04/21/library-to-open-around-the-clock.html",
             date="2026-04-21T07:00:00+01:00"),
        dict(key="copy", outlet="rnn", story=LIBRARY_HOURS, copy_of="origin", parent="origin",
             canonical="origin", path="/regions/fairhaven/library-open-around-the-clock-60412",
             date="2026-04-21T11:00:00+01:00"),
    ],
)

scenario(
    id="meta-og-url",
    description="A scraper that kept the origin's og:url (and nothing else: no canonical, no "
    "visible credit, no link).",
    crawl="2026-09-02T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="stonebridge", story=CINEMA,
             path="/2026/08/31/crowdfunding-saves-the-regal.html", date="2026-08-31T08:00:00+01:00"),
        dict(key="copy", outlet="newsbeat", story=CINEMA, copy_of="origin", parent="origin",
             canonical=None, og_url="origin", hide_author=True,
             path="/2026/09/01/crowdfunding-saves-the-regal-stonebridges-last-cinema/",
             date="2026-09-01T06:45:00+01:00"),
    ],
)

scenario(
    id="meta-original-source",
    description="A copy whose only credit is <meta name=\"original-source\"> pointing at the "
    "origin.",
    crawl="2026-08-28T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="westmarch", story=TICKS,
             path="/countryside/2026/08/25/vets-warn-tick-borne-disease",
             date="2026-08-25T09:00:00+01:00"),
        dict(key="copy", outlet="petcare", story=TICKS, copy_of="origin", parent="origin",
             meta={"original-source": "origin"},
             path="/dogs/health/westmarch-vets-warn-tick-disease-spreading-north",
             date="2026-08-27T08:00:00+01:00"),
    ],
)

scenario(
    id="meta-syndication-source",
    description="A sports syndication site whose only credit is <meta name=\"syndication-source\"> "
    "pointing at the origin, same afternoon.",
    crawl="2026-09-22T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="carrick", story=MARATHON,
             path="/running/marathon-rerouted-stanmore-bridge-closed-4410",
             date="2026-09-21T12:00:00+01:00"),
        dict(key="copy", outlet="sportsdesk", story=MARATHON, copy_of="origin", parent="origin",
             meta={"syndication-source": "origin"},
             path="/athletics/carrick-marathon-rerouted-after-bridge-closure",
             date="2026-09-21T16:30:00+01:00"),
    ],
)

scenario(
    id="meta-isbasedon",
    description="A copy whose only credit is JSON-LD \"isBasedOn\" pointing at the origin.",
    crawl="2026-09-10T08:00:00Z",
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="hollowmere", story=HONEY,
             path="/countryside/2026/09/08/best-honey-harvest-in-twenty-years.html",
             date="2026-09-08T07:15:00+01:00"),
        dict(key="copy", outlet="countryside", story=HONEY, copy_of="origin", parent="origin",
             jsonld_extra={"isBasedOn": "@origin"},
             path="/2026/09/09/hollowmere-beekeepers-best-honey-harvest/",
             date="2026-09-09T10:00:00+01:00"),
    ],
)

scenario(
    id="contradiction-earlier-date",
    description="A copy that credits the origin with a link ('This story was first published by "
    "the Ravensholt Clarion.') but claims a publication date two days before it (and is crawled "
    "first): the credit must win over the dates.",
    crawl="2026-08-16T08:00:00Z",
    crawl_order=["copy", "origin"],
    origin="origin",
    query="copy",
    pages=[
        dict(key="origin", outlet="ravensholt", story=TIN_MINE,
             path="/business/2026/08/14/tin-mine-to-reopen.html", date="2026-08-14T09:00:00+01:00"),
        dict(key="copy", outlet="newsstand", story=TIN_MINE, copy_of="origin", parent="origin",
             path="/business/ravensholt-tin-mine-reopen-after-thirty-years-7765",
             date="2026-08-12T09:00:00+00:00",
             append=[credit("This story was first published by the Ravensholt Clarion.",
                            "Ravensholt Clarion", "@origin")]),
    ],
)

scenario(
    id="negative-same-event",
    description="Hard negative: three newsrooms write independently about the same eruption on the "
    "same day. They share names, figures and one short quote, but no sentences; none is a copy.",
    crawl="2026-09-15T08:00:00Z",
    origin="a",
    query="a",
    not_copies=["b", "c"],
    pages=[
        dict(key="a", outlet="islandstoday", story=ERUPTION_ISLANDS_TODAY,
             path="/skarnvik/2026/09/14/brimnes-empties-as-mount-skarn-erupts",
             date="2026-09-14T11:20:00+00:00"),
        dict(key="b", outlet="meridian", story=ERUPTION_MERIDIAN,
             path="/science/ash-from-mount-skarn-grounds-flights-8812",
             date="2026-09-14T19:05:00+01:00"),
        dict(key="c", outlet="northsea", story=ERUPTION_RADIO, author_is_org=True,
             path="/news/2026/09/14/mount-skarn-eruption-what-we-know",
             date="2026-09-14T14:30:00+01:00"),
    ],
)

_LAKESIDE_BOILER = [
    boiler(LAKESIDE_ABOUT, title="About Lakeside Community Times"),
    related(LAKESIDE_RELATED, "Around Lakeside"),
    plea(LAKESIDE_PLEA, title="Get the Sunday email", button="Send it to me"),
    boiler(LAKESIDE_CORRECTIONS),
]
scenario(
    id="negative-shared-boilerplate",
    description="Hard negative: two articles of the same volunteer outlet whose post containers end "
    "with the same ~290 words of boilerplate (about box, related links, newsletter plea, "
    "corrections note); the bodies are different stories.",
    crawl="2026-05-13T08:00:00Z",
    origin="a",
    query="a",
    not_copies=["b"],
    pages=[
        dict(key="a", outlet="lakeside", story=BOATHOUSE, path="/rowing-club-opens-new-boathouse/",
             date="2026-05-05T18:00:00+01:00", append=_LAKESIDE_BOILER),
        dict(key="b", outlet="lakeside", story=SEWER_WORKS,
             path="/shore-road-overnight-closures-sewer-works/", date="2026-05-12T17:30:00+01:00",
             append=_LAKESIDE_BOILER),
    ],
)

_GONE = "http://millbrook-gazette.example/news/2026/09/council-leader-resigns-expenses"
scenario(
    id="origin-gone-404",
    description="The origin has been taken down (404 in the web). The Commons Reader credits it "
    "with a link ('This article was originally published on Millbrook Gazette.'); a blog quotes "
    "it in full under 'Source: <its URL>'. Both copy the origin directly.",
    crawl="2026-09-15T09:00:00Z",
    crawl_order=["c1", "c2", "origin"],
    origin="origin",
    query="c2",
    pages=[
        dict(key="origin", outlet="millbrook", story=COUNCIL_EXPENSES, status=404,
             path="/news/2026/09/council-leader-resigns-expenses", date=None),
        dict(key="c1", outlet="commons", story=COUNCIL_EXPENSES, copy_of="origin", parent="origin",
             path="/2026/09/12/millbrook-council-leader-resigns-over-expenses/",
             date="2026-09-12T07:30:00+00:00",
             append=[credit("This article was originally published on Millbrook Gazette.",
                            "Millbrook Gazette", "@origin"), disclaimer(COMMONS_DISCLAIMER)]),
        dict(key="c2", outlet="politicswatch", story=COUNCIL_EXPENSES, copy_of="origin",
             parent="origin", author="Local Politics Watch", byline="Posted by the editor",
             path="/posts/millbrook-leader-resigns", date="2026-09-13T20:00:00+01:00",
             headline="Another council leader falls over expenses",
             prepend=[intro("Another leader goes over expenses. The local paper’s report, in "
                            "full:")],
             append=[credit(f"Source: {_GONE}", _GONE, "@origin")]),
    ],
)
