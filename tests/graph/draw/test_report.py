"""Tests for graph.draw.report and ``detente report``: the dossier."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from graph import Graph
from graph.cli import main
from graph.draw.report import anchor, dossier, write_report
from tests.graph.draw.test_draw import _chromium

MARK = re.compile(r'<mark data-statement="([^"]+)" data-start="(\d+)" data-end="(\d+)">(.*?)</mark>',
                  re.S)


@pytest.fixture(scope="module")
def page(curated):
    return dossier(curated, Graph.from_corpus(curated))


def test_every_claim_of_every_concession_is_marked_at_its_stored_offsets(curated, page):
    marks = {(s, int(a), int(b)): text for s, a, b, text in MARK.findall(page)}
    rows = Graph.from_corpus(curated).concessions()
    assert len(rows) >= 8
    for row in rows:
        assert f'id="{anchor(row.concession)}"' in page
        assert html.escape(row.answer, quote=True) in page
        for claim in row.claims:
            ev = curated.statements[claim.statement].evidence
            assert ev is not None
            text = curated.texts[claim.source]
            key = (claim.statement, ev.start, ev.end)
            assert key in marks, key
            assert html.unescape(marks[key]) == text[ev.start:ev.end] == ev.exact


def test_report_has_every_section_and_no_external_url(page):
    for heading in ("Who conceded what", "Proposals and their provisions", "Positions by topic",
                    "Meetings", "History per topic", "Tensions"):
        assert f">{heading}</h2>" in page
    assert re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I) == []
    assert "@import" not in page and "default-src 'none'" in page and "@media print" in page
    assert f'id="{anchor("us-28-point-plan-cede-donbas")}"' in page  # provisions anchored


@pytest.mark.parametrize(
    ("options", "present", "absent"),
    [
        ({"focus": "Russia"}, "russia-legislated-no-seizure-pledge", None),
        ({"topic": "security guarantees for Ukraine"}, "us-offers-nato-style-guarantee",
         "ukraine-cedes-donbas-territory"),
        ({"as_of": dt.date(2025, 8, 17)}, "russia-legislated-no-seizure-pledge",
         "ukraine-cedes-donbas-territory"),
    ],
)
def test_report_views(curated, options, present, absent):
    page = dossier(curated, Graph.from_corpus(curated), **options)
    assert f'id="{anchor(present)}"' in page
    if absent:
        assert f'id="{anchor(absent)}"' not in page


@pytest.mark.parametrize("out", ["folder", "dossier.html"])
def test_cli_report(tmp_path, out, capsys):
    assert main(["report", "--out", str(tmp_path / out)]) == 0
    written = tmp_path / out / "report.html" if out == "folder" else tmp_path / out
    assert written.stat().st_size > 10_000
    assert "wrote" in capsys.readouterr().out


def test_cli_report_bad_suffix_is_a_usage_error(tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "cannot write a report" in capsys.readouterr().err


def test_report_bytes_are_stable(curated):
    ask = Graph.from_corpus(curated)
    assert dossier(curated, ask) == dossier(curated, ask)


@pytest.mark.integration
@pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="chromium is not installed (python3 tasks.py test installs it)",
)
def test_report_in_chromium_is_not_blank_and_the_search_box_filters(curated, tmp_path):
    from PIL import Image

    path: Path = write_report(curated, Graph.from_corpus(curated), tmp_path / "r.html")
    shot = tmp_path / "shot.png"
    _chromium(f"--screenshot={shot}", path.as_uri())
    pixels = np.asarray(Image.open(shot).convert("L"), dtype=float)
    assert pixels.std() > 5 and (pixels < 200).mean() > 0.01, "screenshot is blank"
    every = re.search(r'data-visible="(\d+)"', _chromium("--dump-dom", path.as_uri()).stdout)
    some = re.search(r'data-visible="(\d+)"',
                     _chromium("--dump-dom", path.as_uri() + "#q=witkoff").stdout)
    assert every and some and 0 < int(some.group(1)) < int(every.group(1))
