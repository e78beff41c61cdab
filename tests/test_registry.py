"""The outlet registry: files, learned names, and credits that name an outlet by alias."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from provenance import ConfigError, Settings, Store
from provenance.cli import app
from provenance.evidence import credits
from provenance.models import Article, Evidence
from provenance.registry import Registry, load_outlets_file
from tests.servers import Route, serve

runner = CliRunner()

TOML = """
[[outlet]]
name = "Kestrel Wire Service"
domains = ["kestrelwire.example", "www.kestrel-wire.example"]
aliases = ["KWS", "Kestrel Wire"]
networks = ["wire", "kaldria"]
"""


def test_toml_and_csv_files(tmp_path):
    toml = tmp_path / "outlets.toml"
    toml.write_text(TOML)
    csv = tmp_path / "outlets.csv"
    csv.write_text(
        "name,domains,aliases,networks\nKestrel Wire Service,kestrelwire.example;kestrel-wire.example,KWS;Kestrel Wire,wire;kaldria\n"
    )
    for path in (toml, csv):
        registry = Registry(load_outlets_file(path))
        assert registry.domains_for("kws") == {"kestrelwire.example", "kestrel-wire.example"}
        assert registry.domains_for("Kestrel  Wire") == {
            "kestrelwire.example",
            "kestrel-wire.example",
        }
        outlet = registry.lookup("news.kestrelwire.example")
        assert outlet is not None and outlet.networks == ("wire", "kaldria")
    assert Registry().domains_for("AP") == {"apnews.com", "ap.org"}  # built in


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.toml", "[[outlet]]\nname = \n", "invalid TOML"),
        ("nodomain.toml", '[[outlet]]\nname = "X"\n', "outlet #1: outlet 'X' has no 'domains'"),
        ("bad.csv", "name,domains\nX,x.example\n,y.example\n", "line 3: 'name' is required"),
        ("nohead.csv", "X,x.example\n", "line 1"),
    ],
)
def test_bad_files_name_the_line(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_outlets_file(path)


def test_an_alias_in_a_credit_resolves_to_the_outlet(tmp_path):
    toml = tmp_path / "outlets.toml"
    toml.write_text(TOML)
    registry = Registry(load_outlets_file(toml))
    source = Article(url="http://kestrelwire.example/a", outlet="kestrelwire.example", text="x")
    copy = Article(
        url="http://r.example/b",
        outlet="r.example",
        text="x",
        signals=(Evidence("attribution", "Source: KWS", "KWS"),),
    )
    assert credits(copy, source) == []  # without the registry "KWS" means nothing
    assert [e.kind for e, _ in credits(copy, source, registry)] == ["attribution"]


def test_learned_from_pages(sample_warc, store_path):
    assert (
        runner.invoke(
            app,
            ["ingest", "--store", str(store_path), "--warc", str(sample_warc), "--workers", "1"],
        ).exit_code
        == 0
    )
    with Store.open(store_path, Settings()) as store:
        outlet = store.registry().lookup("northwind-dispatch.example")
        assert outlet is not None and outlet.name == "Northwind Dispatch"
        assert "globalreview.example" in store.registry().domains_for("Global Review Centre")


def test_named_origin_resolves_to_its_domain_with_an_outlets_file(tmp_path, store_path):
    toml = tmp_path / "outlets.toml"
    toml.write_text(TOML)
    body = " ".join(f"word{i % 97} filler{i % 89} text{i}" for i in range(300))
    page = (
        f"<html><body><article><h1>Wire story</h1><p>{body}</p>"
        "<p>Source: Kestrel Wire</p></article></body></html>"
    )
    server, _ = serve(
        {("reposter.example", "/a"): Route(200, page.encode(), {"Content-Type": "text/html"})}
    )
    try:
        result = runner.invoke(
            app,
            [
                "lookup",
                "--store",
                str(store_path),
                "--proxy",
                server.url,
                "--outlets",
                str(toml),
                "--json",
                "http://reposter.example/a",
            ],
        )
        bad = runner.invoke(
            app,
            [
                "lookup",
                "--store",
                str(store_path),
                "--proxy",
                server.url,
                "--outlets",
                str(tmp_path / "missing.toml"),
                "http://reposter.example/a",
            ],
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["origin"]["outlet"] == "Kestrel Wire Service"  # the registry's name for it
    assert data["edges"][0]["source"] == "outlet:Kestrel Wire Service"
    assert bad.exit_code == 2 and "cannot read outlets file" in bad.stderr
