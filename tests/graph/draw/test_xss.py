"""Hostile names, titles, topic labels and quotes stay inert in every HTML/SVG output.

A seed copy gets markup in an actor's name, a topic's label, a meeting's title,
a venue label and a verbatim quote (plus an XML comment breaker and TeX for
matplotlib's mathtext). Then:

* the offline interactive page (``detente draw --out x.html``) holds none of it
  raw, and its title (built from ``--focus``) is escaped;
* the static figure and the timeline as SVG are well-formed XML with no
  ``script``, ``img`` or ``foreignObject`` element and no event attribute;
* ``Rows._repr_html_`` (what a notebook shows) parses into a table with no
  element but ``table/thead/tbody/tr/th/td/br``, every hostile string readable
  as text.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from graph.ask.graph import Graph
from graph.cli import main
from graph.draw.dispatch import render
from schemas.loader import load
from tests.bad.cases import apply_edit, seed_copy

NAME = "Steve <script>alert('name')</script> $\\frac{$ Witkoff"  # $..$: not TeX
TOPIC = "Guarantees <img src=x onerror=alert('topic')>"
TITLE = "Alaska </title><script>alert('meeting')</script>"
VENUE = "CNN</td><svg onload=alert('venue')>"
QUOTE = "Quoted <script>alert('quote')</script> --><script>alert(2)</script><!-- $\\frac{$ end"
PAYLOADS = [
    "<script>alert('name')",
    "<img src=x",
    "<script>alert('meeting')",
    "<svg onload",
    "<script>alert('quote')",
    "--><script>",
]
SOURCE = "sources/000_15c4d2cb88880b08.yaml"
EDITS = [
    {
        "file": "actors.yaml",
        "replace": "    name: Steve Witkoff\n",
        "with": f"    name: {json.dumps(NAME)}\n",
    },
    {
        "file": "topics.yaml",
        "replace": "    label: Security guarantees for Ukraine\n",
        "with": f"    label: {json.dumps(TOPIC)}\n",
    },
    {
        "file": "meetings.yaml",
        "replace": "    title: Trump-Putin meeting in Alaska\n",
        "with": f"    title: {json.dumps(TITLE)}\n",
    },
    {"file": "sources/000_15c4d2cb88880b08.txt", "append": f"\nA reader wrote: {QUOTE}\n"},
    {
        "file": SOURCE,
        "append": "  - id: reader-hostile-comment\n"
        "    speaker: steve-witkoff\n"
        "    mode: direct_quote\n"
        f"    venue: {{label: {json.dumps(VENUE)}, kind: interview, outlet: cnn}}\n"
        "    date: 2025-08-17\n"
        "    supports: [russia-legislated-no-seizure-pledge]\n"
        f"    text: {json.dumps(QUOTE)}\n",
    },
    {"file": SOURCE, "rehash": True},
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seed copy with markup in a name, a topic label, a meeting title, a venue and a quote."""
    top = tmp_path_factory.mktemp("xss")
    data = seed_copy(top / "data")
    (top / "outside").mkdir()
    for edit in EDITS:
        apply_edit(data, edit, top / "outside")
    corpus = load(data)  # it loads: hostile text is data
    assert corpus.actors["steve-witkoff"].name == NAME
    return data


def _no_raw_payload(text: str) -> None:
    for payload in PAYLOADS:
        assert payload not in text, payload


@pytest.mark.parametrize("focus", [None, NAME, TOPIC])
def test_html_page_keeps_names_titles_labels_inert(
    hostile: Path, tmp_path: Path, focus: str | None
) -> None:
    page = render(load(hostile), tmp_path / "x.html", focus=focus).read_text(encoding="utf-8")
    _no_raw_payload(page)
    if focus != NAME:  # the topic label travels as escaped JSON
        assert "\\u003cimg src=x onerror=alert('topic')" in page
    if focus != TOPIC:  # the name and the meeting title are in the drawing, escaped
        assert "\\u003cscript\\u003ealert('name')" in page
        assert "\\u003c/title\\u003e\\u003cscript\\u003ealert('meeting')" in page
    if focus is not None:  # the focus is echoed in the page title: escaped there
        assert (
            f"around {focus}".replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#x27;")
            in page
        )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _svg_elements(path: Path) -> tuple[set[str], set[str], str]:
    root = ET.parse(path).getroot()  # well-formed XML, or this raises
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    attrs = {a.rsplit("}", 1)[-1] for el in root.iter() for a in el.attrib}
    return tags, attrs, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("timeline", [False, True])
@pytest.mark.parametrize("focus", [None, NAME])
def test_svg_is_well_formed_with_no_active_content(
    hostile: Path, tmp_path: Path, timeline: bool, focus: str | None
) -> None:
    out = render(load(hostile), tmp_path / "x.svg", focus=focus, timeline=timeline)
    tags, attrs, text = _svg_elements(out)
    assert not tags & {"script", "img", "foreignObject", "iframe", "a"}, tags
    assert not {a for a in attrs if a.lower().startswith("on")}, attrs
    _no_raw_payload(text)


def test_svg_through_the_cli(hostile: Path, tmp_path: Path) -> None:
    """``detente draw --focus NAME --out x.svg`` with the hostile name: exit 0, inert SVG."""
    code = main(["draw", str(hostile), "--focus", NAME, "--out", str(tmp_path / "x.svg")])
    assert code == 0
    tags, _, text = _svg_elements(tmp_path / "x.svg")
    assert "script" not in tags
    _no_raw_payload(text)


@pytest.mark.parametrize(
    ("view", "wanted"),
    [
        ("concessions", [NAME]),
        ("statements", [NAME, VENUE, QUOTE]),
        ("meetings", [TITLE, NAME]),
        ("topic", []),
        ("positions", []),
    ],
)
def test_rows_html_keeps_hostile_text_inert(hostile: Path, view: str, wanted: list[str]) -> None:
    graph = Graph.from_data(hostile)
    rows = graph.topic("ukraine-security-guarantees") if view == "topic" else getattr(graph, view)()
    table = rows._repr_html_()
    _no_raw_payload(table)
    parser = _Tags()
    parser.feed(table)
    assert set(parser.tags) <= {"table", "thead", "tbody", "tr", "th", "td", "br"}, parser.tags
    assert parser.attrs == []
    shown = "".join(parser.text)
    for text in wanted:  # the hostile text is there, as text
        assert text in shown or text.replace("\n", "") in shown, text


def test_topic_label_is_escaped_in_rows_and_profile(hostile: Path) -> None:
    """The topic label travels through the registry; its rows and the actor profile stay inert."""
    graph = Graph.from_data(hostile)
    assert graph.resolve_topic(TOPIC) == "ukraine-security-guarantees"
    profile = graph.actor("steve-witkoff")
    assert profile.actor.name == NAME
    for part in (profile.statements, profile.meetings):
        kind = "statements" if part is profile.statements else "meetings"
        from graph.ask.results import Rows

        _no_raw_payload(Rows(kind, list(part))._repr_html_())
    assert re.search(r"&lt;script&gt;alert\(&#x27;name&#x27;\)", graph.statements()._repr_html_())


@pytest.mark.parametrize("focus", [None, NAME])
def test_report_keeps_hostile_text_inert(hostile: Path, tmp_path: Path, focus: str | None) -> None:
    from graph import Graph
    from graph.draw.report import write_report

    corpus = load(hostile)
    page = write_report(corpus, Graph.from_corpus(corpus), tmp_path / "r.html", focus=focus).read_text(encoding="utf-8")
    _no_raw_payload(page)
    tags = _Tags()
    tags.feed(page)
    assert tags.tags.count("script") == 1  # the search script, nothing else
    assert not {a for a in tags.attrs if a.startswith("on")}  # no onload=, onerror=
    assert "javascript:" not in " ".join(tags.attrs)
    assert "&lt;script&gt;alert(&#x27;quote&#x27;)" in page  # the quote shows, as text
    assert 'data-statement="reader-hostile-comment"' in page
