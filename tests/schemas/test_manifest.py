"""What each record file defines and needs; edits rechecked as sets, or handed to the full load."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from schemas.loader import load
from schemas.manifest import FileFacts, Recheck, file_facts, recheck, scan

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SEED, target)
    return target


def _a_source_file(facts: dict[str, FileFacts]) -> str:
    return next(rel for rel, f in sorted(facts.items()) if f.source is not None)


def test_facts_name_what_each_file_defines_and_claims(data: Path) -> None:
    corpus = load(data)
    facts = file_facts(data, corpus)
    defined = {i for f in facts.values() for ids in f.ids.values() for i in ids}
    assert defined == set(corpus.locations)
    claimed = {t for f in facts.values() for t in f.claims}
    assert claimed == {t for st in corpus.statements.values() for t in (*st.supports, *st.denies)}
    outlets = {i for f in facts.values() for i in f.outlets}
    assert outlets == {a.id for a in corpus.actors.values() if a.kind == "media_outlet"}
    for rel, f in facts.items():
        assert (f.source is not None) is (set(f.ids) <= {"sources", "statements"})
        if f.source is not None:
            assert (data / f.texts[f.source]).is_file(), rel
    texts = {t for f in facts.values() for t in f.texts.values()}
    assert texts == {f"sources/{s.text}" for s in corpus.sources.values()}
    assert FileFacts.from_json(facts["actors.yaml"].to_json()) == facts["actors.yaml"]


def test_a_source_with_statements_elsewhere_is_no_source_file(data: Path) -> None:
    facts = file_facts(data, load(data))
    rel = _a_source_file(facts)
    sid = facts[rel].source
    statement = facts[rel].ids["statements"][0]
    corpus = load(data)
    moved = corpus.statements[statement]
    corpus.locations[moved.id] = type(corpus.locations[moved.id])("data/elsewhere.yaml", 1)
    again = file_facts(data, corpus)
    assert again[rel].source is None and sid is not None
    assert again["elsewhere.yaml"].source is None


@pytest.mark.parametrize("kind", ["link", "fifo", "folder"])
def test_a_link_or_special_file_makes_scan_give_up(data: Path, kind: str) -> None:
    assert scan(data) is not None
    if kind == "link":
        (data / "sources" / "linked.yaml").symlink_to(data / "actors.yaml")
    elif kind == "fifo":
        os.mkfifo(data / "pipe")
    else:
        (data / "sources" / "odd.yaml").mkdir()
    assert scan(data) is None
    assert scan(data / "missing") is None


def test_scan_lists_every_file_with_its_stat(data: Path) -> None:
    found = scan(data)
    assert found is not None
    assert set(found) == {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()}
    st = (data / "actors.yaml").stat()
    assert found["actors.yaml"] == (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def test_an_unchanged_source_file_rechecks_clean(data: Path) -> None:
    facts = file_facts(data, load(data))
    rel = _a_source_file(facts)
    found = recheck(data, facts, [rel], [])
    assert isinstance(found, Recheck)
    assert found.facts[rel] == facts[rel]
    full = load(data)
    sid = facts[rel].source
    assert sid is not None
    assert found.corpus.sources[sid] == full.sources[sid]  # sha256 set as the full load sets it
    for ident in facts[rel].ids["statements"]:
        assert found.corpus.statements[ident] == full.statements[ident]  # evidence anchored


@pytest.mark.parametrize(
    ("rel", "reason"),
    [
        ("actors.yaml", "actors.yaml is not a source file"),
        ("concessions.yaml", "concessions.yaml is not a source file"),
    ],
)
def test_other_files_are_left_to_the_full_load(data: Path, rel: str, reason: str) -> None:
    facts = file_facts(data, load(data))
    assert recheck(data, facts, [rel], []) == reason


def test_removing_the_only_claimant_is_refused(data: Path) -> None:
    facts = file_facts(data, load(data))
    lonely = 0
    for rel, fact in facts.items():
        if fact.source is None:
            continue
        others = {t for r, f in facts.items() if r != rel for t in f.claims}
        found = recheck(data, facts, [], [rel])
        if set(fact.claims) - others:
            lonely += 1
            assert isinstance(found, str) and found.startswith("no statement claims"), rel
        else:
            assert isinstance(found, Recheck), rel
    assert lonely, "the seed has sources that alone claim something"


@pytest.mark.parametrize(
    ("rel", "claimed"),
    [
        ("sources/2025-11-22_npr-28-point-plan.yaml", "us-28-point-plan-cede-donbas"),
        ("sources/2025-12-16_digest-berlin.yaml", "merz-welcomes-us-offer"),
        ("sources/2025-09-04_coalition-paris.yaml", "us-contributions-to-guarantees"),
    ],
)
def test_a_later_report_is_rechecked_against_stubs_of_what_it_claims(
    data: Path, rel: str, claimed: str
) -> None:
    """Provisions, proposals, commitments and responses are stubbed like concessions."""
    facts = file_facts(data, load(data))
    assert facts[rel].source is not None
    path = data / rel
    path.write_text(path.read_text(encoding="utf-8").replace("date_note: '", "date_note: 'x ", 1))
    found = recheck(data, facts, [rel], [])
    assert isinstance(found, Recheck), found
    targets = {t for st in found.corpus.statements.values() for t in st.supports}
    assert claimed in targets
    assert claimed in {*found.corpus.provisions, *found.corpus.commitments,
                       *found.corpus.responses, *found.corpus.proposals}


def test_provisions_are_facts_of_their_proposal_file(data: Path) -> None:
    facts = file_facts(data, load(data))
    owner = facts["later-reports/proposals.yaml"].provisions
    assert owner["us-28-point-plan-renounce-nato"] == "us-28-point-plan"
    assert FileFacts.from_json(facts["later-reports/proposals.yaml"].to_json()).provisions == owner
