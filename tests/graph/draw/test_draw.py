"""Tests for graph.draw.dispatch and its static, timeline and HTML drawings, and ``detente draw``."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from matplotlib.figure import Figure

from graph.cli import main
from graph.draw.dispatch import (
    HTMLGraph,
    draw_network,
    draw_timeline,
    edge_crossings,
    label_overlaps,
    prepare,
    render,
    to_html,
)
from graph.draw.html import PLACED, node_details
from graph.network.projection import project
from schemas.errors import NotFoundError, UsageError

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def g(seed):
    return project(seed)


@pytest.mark.parametrize(
    ("focus", "as_of"),
    [
        (None, None),
        ("Moscow", None),
        ("Witkoff", None),
        ("article-5-like-guarantee", None),
        (None, dt.date(2025, 8, 17)),
    ],
)
def test_static_labels_do_not_overlap(seed, focus, as_of):
    fig = draw_network(prepare(seed, focus, as_of))
    assert isinstance(fig, Figure)
    labels = [t for ax in fig.axes for t in ax.texts if t.get_gid()]
    assert labels, "no node labels drawn"
    assert label_overlaps(fig) == []


def test_label_overlaps_detects_overlap():
    fig = Figure()
    ax = fig.add_subplot()
    ax.text(0.5, 0.5, "one", gid="a", bbox={})
    ax.text(0.5, 0.5, "two", gid="b", bbox={})
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    assert label_overlaps(fig) == [("a", "b")]


def test_static_shows_every_drawn_concession_with_answer_modality_and_style(g):
    fig = draw_network(g)
    texts = {t.get_gid(): " ".join(t.get_text().split()) for t in fig.axes[0].texts if t.get_gid()}
    art5 = texts["concession:russia-accepts-us-article-5-like-guarantee"]
    assert art5.startswith("MADE · claimed") and "made, claimed by Steve Witkoff" in art5
    assert "Steve Witkoff (3 statements)" in art5
    assert "at Trump-Putin meeting in Alaska on 2025-08-15 (inferred by the curator)" in art5
    assert texts["concession:us-direct-security-commitment"].startswith("HYPOTHETICAL")
    styles = {str(ln.get_linestyle()) for ln in fig.axes[0].lines}
    assert "--" in styles  # dashed: claimed only by others
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert any("claimed only by others" in t for t in legend)
    assert any("HYPOTHETICAL" in t and "DEMANDED" in t for t in legend)  # every modality
    assert any("benefits" in t for t in legend) and any("topic" in t for t in legend)


FIGURE_VIEWS = [
    ("seed", None, None, None),
    ("seed", "Moscow", None, None),
    ("curated", None, None, None),
    ("curated", "Russia", None, None),
    ("curated", "Ukraine", dt.date(2025, 11, 30), None),
    ("curated", None, None, "security guarantees for Ukraine"),
    ("curated", None, dt.date(2025, 8, 17), None),
]


@pytest.mark.parametrize(("corpus", "focus", "as_of", "topic"), FIGURE_VIEWS)
def test_static_no_edge_passes_under_a_box_and_no_label_overlaps(request, corpus, focus,
                                                                 as_of, topic):
    fig = draw_network(prepare(request.getfixturevalue(corpus), focus, as_of, topic=topic))
    assert [ln for ln in fig.axes[0].lines if str(ln.get_gid()).startswith("edge:")]
    assert edge_crossings(fig) == []
    assert label_overlaps(fig) == []


def test_edge_crossings_detects_a_line_under_a_box():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.lines import Line2D

    fig = Figure()
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    for gid, x in (("a", 0.1), ("b", 0.5), ("c", 0.9)):
        ax.text(x, 0.5, gid * 5, gid=gid, bbox={})
    ax.add_line(Line2D([0.1, 0.9], [0.51, 0.51], gid="edge:a|c"))
    assert edge_crossings(fig) == [("a->c", "b")]


def test_beneficiaries_are_drawn_and_the_subtitle_counts_what_is_drawn(curated):
    from graph import Graph

    ask = Graph.from_corpus(curated)
    g = prepare(curated, ask=ask)
    fig = draw_network(g)
    texts = {t.get_gid(): " ".join(t.get_text().split()) for t in fig.axes[0].texts if t.get_gid()}
    for row in ask.concessions():  # each box says what `ask concessions` says
        assert f"“{row.answer}”" in texts[f"concession:{row.concession}"]
    edges = {str(ln.get_gid()) for ln in fig.axes[0].lines}
    benefits = [(u, v) for u, v, k in g.edges(keys=True) if k == "benefits"]
    assert benefits and all(f"edge:{u}|{v}" in edges for u, v in benefits)
    sub = next(t.get_text() for t in fig.texts if t.get_text().startswith("drawn:"))
    boxes = [t.get_gid() for t in fig.axes[0].texts if t.get_gid()]
    positions = sum(1 for b in boxes if b.startswith("position:"))
    concessions = sum(1 for b in boxes if b.startswith("concession:"))
    assert f"{positions} positions" in sub and f"{concessions} concessions" in sub


def _deutan(hex_colour):
    rgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    m = np.array([[0.367, 0.861, -0.228], [0.280, 0.673, 0.047], [-0.012, 0.043, 0.969]])
    return np.clip(m @ rgb, 0, 1)  # Machado et al. 2009, deuteranopia, severity 1


@pytest.mark.parametrize("simulate", [False, True])
def test_status_colours_are_distinct_also_for_colour_blind_readers(simulate):
    from graph.draw.static import STATUS_STYLE

    colours = [c for c, _, _ in STATUS_STYLE.values()]
    seen = [_deutan(c) if simulate else _deutan(c) * 0 + np.array(
        [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]) for c in colours]
    for i, a in enumerate(seen):
        for b in seen[i + 1:]:
            assert np.linalg.norm(a - b) > 0.2
    assert len({d for _, d, _ in STATUS_STYLE.values()}) == len(STATUS_STYLE)  # dashes too


def test_concession_arrows_run_conceder_to_counterpart(g):
    fig = draw_network(g)
    pos = {t.get_gid(): t.get_position() for t in fig.axes[0].texts if t.get_gid()}
    russia, us = pos["actor:russia"], pos["actor:united-states"]
    conc = pos["concession:russia-legislated-no-seizure-pledge"]
    assert russia[0] < conc[0] < us[0]


def test_timeline_has_lanes_meetings_and_undated_column(g):
    fig = draw_timeline(g)
    ax = fig.axes[0]
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert "Steve Witkoff" in lanes and lanes[-1] == "Meetings, proposals, deadlines"
    assert not any("narration" in lane for lane in lanes)  # narration lanes name the source
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert any("no date" in t for t in ticks)
    gids = {ln.get_gid() for ln in ax.lines}
    assert {
        "meeting:three-leader-meeting-proposal",
        "meeting:washington-meeting-2025-08-18",
        "statement:trump-social-big-progress",
    } <= gids
    assert any("not after" in t.get_text() for t in fig.legends[0].get_texts())


def test_timeline_labels_tie_each_statement_to_every_record_it_supports(curated):
    from graph.draw.timeline import codes

    g = prepare(curated)
    fig = draw_timeline(g)
    code = codes(g)
    tags = {t.get_gid()[5:]: t.get_text().split() for t in fig.axes[0].texts
            if str(t.get_gid()).startswith("tags:")}
    key = "\n".join(t.get_text() for t in fig.texts if str(t.get_gid()).startswith("key:"))
    for s, v, k, d in g.edges(keys=True, data=True):
        if k == "claims":
            mark = ("¬" if d.get("polarity") == "denies" else "") + code[v]
            assert mark in tags[s]
            assert f"{code[v]}  " in key
    witkoff = [s for s in tags if g.nodes[s].get("speaker") == "steve-witkoff"]
    assert len(witkoff) >= 5


@pytest.mark.parametrize("days", [0, 1, 13, 14, 40, 104, 105, 200, 400, 2000, 65000])
def test_timeline_ticks_stay_few_for_any_span(days):
    from graph.draw.timeline import MAX_TICKS, ticks_for

    first = dt.date(2025, 8, 15)
    ticks = ticks_for(first, first + dt.timedelta(days=days))
    assert 1 <= len(ticks) <= MAX_TICKS
    assert ticks == sorted(ticks) and first <= ticks[0]


def test_timeline_reports_a_date_far_outside_the_rest():
    fig = draw_timeline(project_one_far())  # 2205 for 2025: 180 years of days, once
    assert len(fig.axes[0].get_xticks()) <= 16
    assert {ln.get_gid() for ln in fig.axes[0].lines} >= {"statement:near", "statement:also"}
    assert "statement:far" not in {ln.get_gid() for ln in fig.axes[0].lines}
    key = " ".join(t.get_text() for t in fig.texts)
    assert "not drawn, dated far outside the rest: statement:far (2205-08-17)" in key


def project_one_far() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("actor:x", kind="actor", label="X")
    for sid, day in (("near", dt.date(2025, 8, 15)), ("also", dt.date(2025, 8, 16)),
                     ("far", dt.date(2205, 8, 17))):
        g.add_node(f"statement:{sid}", kind="statement", label="said", mode="paraphrase",
                   date=day)
        g.add_edge(f"statement:{sid}", "actor:x", key="said_by")
    return g


@pytest.mark.parametrize("suffix", [".html", ".graphml", ".gexf"])
def test_timeline_to_an_unsupported_suffix_is_a_usage_error(tmp_path, suffix, capsys):
    assert main(["draw", "--timeline", "--out", str(tmp_path / f"t{suffix}")]) == 2
    assert "cannot draw a timeline" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def _hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("actor:x", kind="actor", label=f"Mr {HOSTILE}")
    g.add_node(
        "statement:s",
        kind="statement",
        label=f"He said “{HOSTILE}” & </script>",
        speaker_name=HOSTILE,
        venue="<b>TV</b>",
        date=dt.date(2025, 8, 17),
        mode="direct_quote",
        source="src",
    )
    g.add_edge("statement:s", "actor:x", key="said_by", kind="said_by")
    return g


def test_html_escapes_hostile_text():
    page = to_html(_hostile_graph(), title=HOSTILE).html
    assert HOSTILE not in page
    assert '</script>"' not in page and "& </" not in page
    assert "<b>TV</b>" not in page
    assert "<script>alert" not in page and "alert(1)</script>" not in page
    assert "\\u003cscript\\u003ealert(1)" in page  # the quote travels as escaped JSON


@pytest.mark.parametrize("corpus", ["seed", "curated"])
def test_html_draws_give_identical_bytes(request, corpus, tmp_path):
    from tests.seed import DATA, SEED_DATA

    data = str(DATA if corpus == "curated" else SEED_DATA)
    for name in ("a.html", "b.html"):
        assert main(["draw", data, "--out", str(tmp_path / name)]) == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_html_folds_statements_labels_whole_words_and_legend_names_every_kind(curated):
    import json

    from graph.draw.html import KIND_STYLE, label_of

    page = to_html(prepare(curated)).html
    raw = page.split('id="graph-data">')[1].split("</script>")[0]
    data = json.loads(raw)
    kinds = {n["kind"] for n in data["nodes"]}
    assert all(n["folded"] for n in data["nodes"] if n["kind"] == "statement")
    assert not any(n["folded"] for n in data["nodes"] if n["kind"] in ("actor", "concession"))
    for n in data["nodes"]:  # every word of a label is whole: it stands in the node's text
        whole = set(re.split(r"[\s,:;·]+", n["search"]))
        for w in re.split(r"[\s,:;·]+", n["label"].lower()):
            assert w in ("", "…") or w in whole or w.strip(".()“”") in whole or w in (
                "commitment", "made"), (n["id"], w)
    assert label_of("a b c d e f g h", 3, 2) == "a b\nc d …"
    legend = " ".join(e["words"] for e in data["legend"])
    assert all(k in legend for k in kinds) and set(KIND_STYLE) <= {
        k for k in KIND_STYLE if k in legend}
    assert {"actor", "topic", "modality", "status", "source"} <= set(data["choices"])
    assert ['demanded', 'demanded'] in data["choices"]["modality"]


def test_html_is_offline(g):
    page = to_html(g).html
    remote = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert remote == []
    assert "@import" not in page and "sourceMappingURL" not in page
    assert "default-src 'none'" in page


@pytest.mark.parametrize(("placement", "words"), [("inferred", "inferred by the curator"),
                                                  ("stated", "as stated")])
def test_a_placed_concession_says_who_places_it(g, placement, words):
    node = "concession:russia-accepts-us-article-5-like-guarantee"
    h = g.copy()
    h.nodes[node]["placement"] = placement
    fig = draw_network(h)
    text = next(" ".join(t.get_text().split()) for t in fig.axes[0].texts if t.get_gid() == node)
    assert f"at Trump-Putin meeting in Alaska on 2025-08-15 ({words})" in text
    assert (placement == "stated") == ("inferred" not in text)
    details = dict(node_details(h, node))
    assert details["made on"] == "2025-08-15"
    assert details["placed"] == PLACED[placement]


def test_html_hover_data_carries_quote_speaker_venue_source_date(g):
    page = to_html(g).html
    for text in (
        "Witkoff told CNN",
        "speaker",
        "venue",
        "source",
        "date",
        "seed-2025-08-17-nato-like-guarantees",
        "2025-08-17",
    ):
        assert text in page


def test_notebook_reprs(g):
    page = to_html(g)
    assert isinstance(page, HTMLGraph)
    frame = page._repr_html_()
    assert frame.startswith('<iframe srcdoc="') and "<script" not in frame
    assert html.unescape(frame.split('srcdoc="')[1].split('" width=')[0]) == page.html
    assert isinstance(draw_timeline(g), Figure)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".html", ".graphml", ".gexf"])
def test_render_formats(seed, tmp_path, suffix):
    path = render(seed, tmp_path / f"out{suffix}")
    assert path.stat().st_size > 1000
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left


def test_render_rejects_unknown_suffix_and_focus(seed, tmp_path):
    with pytest.raises(UsageError, match=r"\.png"):
        render(seed, tmp_path / "out.jpg")
    with pytest.raises(NotFoundError, match="russia"):
        render(seed, tmp_path / "out.png", focus="Moskow")


@pytest.mark.parametrize(
    "argv",
    [
        ["draw", "data", "--out", "{tmp}/a.png"],
        ["draw", "--timeline", "--out", "{tmp}/t.svg"],
        ["draw", "--focus", "Moscow", "--as-of", "2025-08-17", "--out", "{tmp}/r.html"],
    ],
)
def test_cli_draw(tmp_path, argv, capsys):
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(args) == 0
    assert Path(args[-1]).exists()
    assert "wrote" in capsys.readouterr().out


def test_cli_draw_unknown_actor_is_a_clean_error(tmp_path, capsys):
    assert main(["draw", "--focus", "Moskow", "--out", str(tmp_path / "x.png")]) == 1
    assert "closest: russia" in capsys.readouterr().err


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    """Run headless chromium once more if the page had not drawn (seen on a loaded host)."""
    result = _chromium_once(*args)
    if "--dump-dom" in args and "data-rendered" not in result.stdout:
        result = _chromium_once(*args)
    return result


def _chromium_once(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("chromium")
    assert exe is not None
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--virtual-time-budget=10000",
                "--window-size=1400,900",
                f"--user-data-dir={profile}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


@pytest.mark.integration
@pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="chromium is not installed (python3 tasks.py test installs it)",
)
def test_html_renders_in_headless_chromium(g, tmp_path):
    from PIL import Image

    page = to_html(g).save(tmp_path / "seed.html")
    shot = tmp_path / "shot.png"
    _chromium(f"--screenshot={shot}", page.as_uri())
    pixels = np.asarray(Image.open(shot).convert("L"), dtype=float)
    graph_area = pixels[60:, :]  # below the header line
    assert graph_area.std() > 5, "screenshot is blank"
    assert (graph_area < 200).mean() > 0.01, "too few drawn pixels for a graph"
    dom = _chromium("--dump-dom", page.as_uri()).stdout
    rendered = re.search(r'data-rendered="(\d+)"', dom)
    folded = sum(1 for _, k in g.nodes(data="kind") if k in ("statement", "source", "provision"))
    assert rendered and int(rendered.group(1)) == g.number_of_nodes() - folded  # folded first
    for label in ("Russia", "Steve Witkoff", "Trump-Putin meeting in Alaska"):
        assert f">{label}</li>" in dom
    searched = _chromium("--dump-dom", page.as_uri() + "#q=witkoff").stdout
    visible = re.search(r'data-visible="(\d+)"', searched)
    assert visible and 0 < int(visible.group(1)) < int(rendered.group(1))  # the search filters


@pytest.mark.integration
@pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="chromium is not installed (python3 tasks.py test installs it)",
)
def test_hostile_quote_stays_inert_in_chromium(tmp_path):
    page = to_html(_hostile_graph()).save(tmp_path / "x.html")
    dom = _chromium("--dump-dom", page.as_uri()).stdout
    assert "data-rendered" in dom  # the page ran to the end: nothing broke out
    assert "<script>alert(1)</script>" not in dom.split('id="graph-data"')[0]
    assert "Mr &lt;script&gt;alert(1)&lt;/script&gt;" in dom
