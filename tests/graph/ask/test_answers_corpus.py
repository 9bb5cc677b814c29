"""Honest answers across the four-source corpus: illustrative sources, roll-ups, history, tensions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from graph.ask.graph import Graph
from graph.cli import main
from tests.seed import DATA

RUSSIA_AQ = "russia-accepts-us-article-5-like-guarantee"
US_OFFER = "us-offers-nato-style-guarantee"
DONBAS = "ukraine-cedes-donbas-territory"
DONETSK = "ukraine-withdraws-from-donetsk"
REFUSAL = "ukraine-disagrees-with-us-on-territory"


@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph.from_data(DATA)


# --- illustrative sources never count unless asked ----------------------------------------
def _illustrative(data: Path) -> None:
    """Add an invented source in which Putin denies one concession and Zelenskyy claims another."""
    text = "Putin denied that Russia accepted anything.\n\nZelenskyy said Russia agreed to it.\n"
    (data / "sources" / "zz-illustrative.txt").write_text(text, encoding="utf-8")
    record = {
        "source": {"id": "zz-illustrative", "title": "An invented example", "kind": "illustrative",
                   "published": "2025-08-18", "text": "zz-illustrative.txt"},
        "statements": [
            {"id": "zz-putin-denies", "speaker": "vladimir-putin", "mode": "paraphrase",
             "venue": {"label": "not stated", "kind": "unspecified"}, "date": "2025-08-18",
             "text": "Putin denied that Russia accepted anything.", "denies": [RUSSIA_AQ]},
            {"id": "zz-zelenskyy-claims", "speaker": "volodymyr-zelenskyy", "mode": "paraphrase",
             "venue": {"label": "not stated", "kind": "unspecified"}, "date": "2025-08-18",
             "text": "Zelenskyy said Russia agreed to it.",
             "supports": ["russia-legislated-no-seizure-pledge"]},
        ],
    }  # fmt: skip
    (data / "sources" / "zz-illustrative.yaml").write_text(yaml.safe_dump(record), "utf-8")


def _standing(graph: Graph) -> dict[str, tuple[str, str, str, int, int, int]]:
    return {r.concession: (r.status, r.corroboration, r.answer, r.claimants, r.chains, r.sources)
            for r in graph.concessions()}  # fmt: skip


def test_an_illustrative_source_changes_nothing_unless_asked(tmp_path: Path, g: Graph) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _illustrative(data)
    with_example = Graph.from_data(data)
    assert _standing(with_example) == _standing(g)
    assert "zz-putin-denies" not in {s.statement for s in with_example.statements()}
    counted = _standing(with_example.with_illustrative())
    assert counted[RUSSIA_AQ][0] == "denied"
    assert counted["russia-legislated-no-seizure-pledge"][3] == 2
    kinds = {c.source_kind for r in with_example.with_illustrative().concessions()
             for c in r.claims}  # fmt: skip
    assert "illustrative" in kinds


def test_the_cli_counts_illustrative_claims_only_with_the_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _illustrative(data)
    assert main(["ask", "concessions", "--data", str(data), "--format", "json"]) == 0
    plain = {r["concession"]: r["status"] for r in json.loads(capsys.readouterr().out)}
    assert plain[RUSSIA_AQ] == "claimed"
    argv = ["ask", "concessions", "--data", str(data), "--format", "json", "--include-illustrative"]
    assert main(argv) == 0
    flagged = {r["concession"]: r for r in json.loads(capsys.readouterr().out)}
    assert flagged[RUSSIA_AQ]["status"] == "denied"
    assert {c["source_kind"] for c in flagged[RUSSIA_AQ]["claims"]} >= {"illustrative"}


def test_claims_say_what_a_restatement_restates(g: Graph) -> None:
    (row,) = g.concessions(by="Ukraine", topic="donbas-territory", exact=True)
    claim = row.claims[0]
    assert claim.source_kind == "restatement" and claim.restates is not None
    assert claim.restates.startswith("NPR")


# --- the answer model on the corpus ------------------------------------------------------
def test_demands_are_never_claimed_concessions(g: Graph) -> None:
    demanded = g.concessions(modality="demanded")
    assert {r.concession for r in demanded} >= {DONBAS, DONETSK}
    for r in demanded:
        assert r.status == "demanded" and r.conceder.id == "ukraine"
        assert r.answer.startswith("demanded of Ukraine by ")
    assert not g.concessions(modality="demanded", status="confirmed")


def test_a_relayed_claim_is_one_claimant_and_one_chain(g: Graph) -> None:
    (offer,) = [r for r in g.concessions() if r.concession == US_OFFER]
    assert (offer.claimants, offer.chains) == (1, 1)
    (claim,) = offer.claims
    assert [v.id for v in claim.via] == ["wall-street-journal"]
    assert "via The Wall Street Journal" in offer.answer


# --- roll-ups ------------------------------------------------------------------------------
def test_a_topic_includes_the_topics_under_it(g: Graph) -> None:
    rolled = {r.concession for r in g.concessions(topic="ukraine-security-guarantees")}
    assert {RUSSIA_AQ, US_OFFER, "us-direct-security-commitment"} <= rolled
    assert not g.concessions(topic="ukraine-security-guarantees", exact=True)
    territory = {r.concession for r in g.concessions(topic="territory-in-settlement")}
    assert {DONBAS, DONETSK} <= territory


def test_a_person_concedes_for_the_state_only_when_asked(g: Graph) -> None:
    assert not g.concessions(by="Putin")
    via = {r.conceder.id for r in g.concessions(by="Putin", via_affiliation=True)}
    assert via == {"russia"}


def test_the_by_hint_names_what_the_person_speaks_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["ask", "concessions", "--by", "Putin", "--data", str(DATA)]) == 0
    err = capsys.readouterr().err
    assert "no concessions by Vladimir Putin directly; Russia" in err and "--via-affiliation" in err


def test_a_group_includes_its_members(tmp_path: Path, g: Graph) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    actors = yaml.safe_load((data / "actors.yaml").read_text("utf-8"))
    actors["actors"].append({"id": "test-bloc", "name": "Test bloc", "kind": "informal_group"})
    for actor in actors["actors"]:
        if actor["id"] == "ukraine":
            actor["affiliations"] = [{"of": "test-bloc", "role": "member"}]
    (data / "actors.yaml").write_text(yaml.safe_dump(actors, allow_unicode=True), "utf-8")
    bloc = Graph.from_data(data)
    ukraine = {r.concession for r in g.concessions(by="ukraine")}
    assert ukraine and {r.concession for r in bloc.concessions(by="test-bloc")} == ukraine
    assert not bloc.concessions(by="test-bloc", exact=True)


# --- history and tensions ------------------------------------------------------------------
def test_the_article_5_history_runs_from_august_to_december(g: Graph) -> None:
    rows = g.history("article-5-like-guarantee")
    dates = [r.date for r in rows]
    assert dates == sorted(dates)
    order = [r.record for r in rows]
    assert order.index(RUSSIA_AQ) < order.index(US_OFFER)
    assert {r.source for r in rows} >= {"seed-2025-08-17-nato-like-guarantees",
                                        "restatement-2025-12-16-digest-berlin"}  # fmt: skip


def test_an_actor_history_holds_what_it_said(g: Graph) -> None:
    rows = g.history("Zelensky")
    assert rows and all(r.date <= rows[-1].date for r in rows)
    assert any(r.speaker.id == "volodymyr-zelenskyy" for r in rows)


def test_history_of_nothing_known_is_a_clean_error(g: Graph) -> None:
    from schemas.errors import NotFoundError

    with pytest.raises(NotFoundError, match="unknown topic or actor"):
        g.history("no such thing at all")


def test_tensions_pair_demands_with_refusals_and_opposition_with_pledges(g: Graph) -> None:
    pairs = {(t.kind, t.sides[0].record, t.sides[1].record): t for t in g.tensions()}
    assert ("demand refused", DONBAS, REFUSAL) in pairs
    assert ("demand refused", DONETSK, REFUSAL) in pairs
    pledge = ("opposed while offered", "russia-opposes-western-military-presence",
              "twenty-six-nations-pledge-guarantees")  # fmt: skip
    assert pledge in pairs
    for t in pairs.values():
        assert t.sides[0].claims and t.sides[1].claims  # both sides carry their evidence


def test_tensions_json_carries_both_sides(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "tensions", "--data", str(DATA), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    donbas = next(t for t in rows if t["sides"][0]["record"] == DONBAS)
    assert len(donbas["sides"]) == 2
    assert all(side["claims"][0]["quote"] for side in donbas["sides"])


def _later_source(data: Path, statement: dict[str, object], text: str) -> None:
    (data / "sources" / "zz-later.txt").write_text(text + "\n", encoding="utf-8")
    record = {
        "source": {"id": "zz-later", "title": "A later report", "published": "2025-12-20",
                   "text": "zz-later.txt"},
        "statements": [statement],
    }  # fmt: skip
    (data / "sources" / "zz-later.yaml").write_text(yaml.safe_dump(record), "utf-8")


@pytest.mark.parametrize(("stance", "turns"), [("supports", True), ("opposes", False)])
def test_a_stance_that_turns_over_time_is_a_tension(
    tmp_path: Path, stance: str, turns: bool
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    positions = yaml.safe_load((data / "positions.yaml").read_text("utf-8"))
    positions["positions"].append({"id": "putin-later-on-nato", "actor": "vladimir-putin",
                                   "topic": "ukraine-nato-membership", "stance": stance,
                                   "summary": "Putin, later, on Ukraine's NATO membership."})  # fmt: skip
    (data / "positions.yaml").write_text(yaml.safe_dump(positions, allow_unicode=True), "utf-8")
    text = "Putin said later that he had changed his mind."
    _later_source(data, {"id": "zz-putin-later", "speaker": "vladimir-putin", "mode": "paraphrase",
                         "venue": {"label": "not stated", "kind": "unspecified"},
                         "date": "2025-12-20", "text": text,
                         "supports": ["putin-later-on-nato"]}, text)  # fmt: skip
    turned = [t for t in Graph.from_data(data).tensions() if t.kind == "stance turned"]
    pairs = [(t.sides[0].record, t.sides[1].record) for t in turned]
    assert (("putin-opposes-ukraine-nato-membership", "putin-later-on-nato") in pairs) is turns


def test_diff_counts_an_illustrative_claim_only_with_the_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    assert main(["build", str(data), "--out", str(tmp_path / "before")]) == 0
    _illustrative(data)
    assert main(["build", str(data), "--out", str(tmp_path / "after")]) == 0
    capsys.readouterr()
    old, new = str(tmp_path / "before"), str(tmp_path / "after")
    assert main(["diff", old, new]) == 0
    assert capsys.readouterr().out.strip() == "no differences"
    assert main(["diff", old, new, "--include-illustrative"]) == 0
    out = capsys.readouterr().out
    assert f"~ concession {RUSSIA_AQ}: status claimed -> denied" in out
    assert "zz-putin-denies" in out
