"""Each class of data error is reported at its exact file, line and field, with a hint."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from schemas import DataError, load

SOURCE_YAML = "sources/000_15c4d2cb88880b08.yaml"


@dataclass(frozen=True)
class Case:
    """Replace ``old`` by ``new`` in ``file``; expect a problem at the line holding ``marker``."""

    name: str
    file: str
    old: str
    new: str
    marker: str
    field: str
    message: str

    def apply(self, data: Path) -> int:
        path = data / self.file
        text = path.read_text(encoding="utf-8")
        assert self.old in text, f"case {self.name}: {self.old!r} not in {self.file}"
        text = text.replace(self.old, self.new, 1)
        path.write_text(text, encoding="utf-8")
        return text[: text.index(self.marker)].count("\n") + 1


CASES = [
    # the parser notices the unclosed bracket on the next line, and names where it opened
    Case("yaml-syntax", "topics.yaml", "kind: territory\n", "kind: [territory\n",
         "    description: >-\n      Russia enshrining", "(yaml)", "(opened on line 29)"),
    Case("unknown-field", "actors.yaml", "    kind: alliance\n",
         "    kind: alliance\n    membres: 32\n", "membres: 32", "actors[9].membres",
         "unknown field"),
    Case("wrong-type", "meetings.yaml", "    location: Alaska\n",
         "    location: [Alaska, Anchorage]\n", "location: [Alaska", "meetings[0].location",
         "valid string"),
    Case("bad-date", "meetings.yaml", "start: 2025-08-15", "start: 2025-08-32",
         "start: 2025-08-32", "meetings[0].start", "not a date"),
    Case("bad-date-words", SOURCE_YAML, "date: 2025-08-15\n    date_note: Said right",
         "date: last Friday\n    date_note: Said right", "date: last Friday",
         "statements[12].date", "not a date"),
    Case("dangling-reference", "concessions.yaml", "conceder: russia\n    conceded_to: [united-states]\n    beneficiaries: [ukraine]\n    topic: legislated",
         "conceder: rusia\n    conceded_to: [united-states]\n    beneficiaries: [ukraine]\n    topic: legislated",
         "conceder: rusia", "conceder", "unknown actor 'rusia'"),
    Case("dangling-supports", SOURCE_YAML, "supports: [russia-legislated-no-seizure-pledge]\n    note: The article says only",
         "supports: [russia-legislated-no-seizure-pledges]\n    note: The article says only",
         "russia-legislated-no-seizure-pledges", "supports[0]", "unknown concession"),
    Case("duplicate-id-across-files", "topics.yaml", "  - id: three-leader-meeting\n",
         "  - id: alaska-summit-2025\n", "- id: alaska-summit-2025", "topics.id",
         "duplicate id 'alaska-summit-2025', first defined at data/meetings.yaml:3"),
    Case("quote-not-in-source", SOURCE_YAML, "we are ready to work on this.”",
         "we are ready to work on it.”", "we are ready to work on it.", "text",
         "quote not found in the source text"),
    Case("text-path-outside-data", SOURCE_YAML, "text: 000_15c4d2cb88880b08.txt",
         "text: ../../../etc/passwd", "text: ../../../etc/passwd", "source.text", "points outside"),
    Case("malformed-qid", "actors.yaml", "wikidata: Q7747", "wikidata: q7747", "wikidata: q7747",
         "actors[1].wikidata", "'q7747' is not a Wikidata QID"),
    Case("qid-as-number", "actors.yaml", "wikidata: Q7747", "wikidata: 7747", "wikidata: 7747",
         "actors[1].wikidata", "7747 is not a Wikidata QID"),
    Case("meeting-ends-before-start", "meetings.yaml", "    start: 2025-08-15\n",
         "    start: 2025-08-15\n    end: 2025-08-14\n", "end: 2025-08-14",
         "meetings[0].end", "end is before start"),
    Case("narration-speaker", SOURCE_YAML,
         "speaker: seed-2025-08-17-nato-like-guarantees\n    mode: narration\n    venue: {label: the article, kind: article}\n    date: 2025-08-17\n    text: \"The development",
         "speaker: donald-trump\n    mode: narration\n    venue: {label: the article, kind: article}\n    date: 2025-08-17\n    text: \"The development",
         "speaker: donald-trump", "speaker", "attributed to its source"),
    Case("circular-affiliation", "actors.yaml", "    kind: state\n    wikidata: Q30\n",
         "    kind: state\n    wikidata: Q30\n    affiliations:\n      - {of: donald-trump, role: led by}\n",
         "affiliations:\n      - {of: donald-trump", "affiliations", "circular affiliations"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_error_names_file_line_and_field(seed_copy: Path, case: Case) -> None:
    line = case.apply(seed_copy)
    with pytest.raises(DataError) as caught:
        load(seed_copy)
    where = f"data/{case.file}:{line}: "
    matching = [p for p in caught.value.problems if str(p).startswith(where)]
    assert matching, f"no problem at {where}; got:\n{caught.value}"
    problem = matching[0]
    assert problem.field.endswith(case.field) or case.field in problem.field
    assert case.message in problem.message
    assert problem.hint, "every problem says how to mend it"


def test_all_problems_are_reported_not_just_the_first(seed_copy: Path) -> None:
    for case in (CASES[1], CASES[10]):
        case.apply(seed_copy)
    with pytest.raises(DataError) as caught:
        load(seed_copy)
    fields = [p.field for p in caught.value.problems]
    assert "actors[9].membres" in fields and "actors[1].wikidata" in fields


def test_unknown_actor_hint_names_closest_ids_and_aliases(seed_copy: Path) -> None:
    CASES[5].apply(seed_copy)
    with pytest.raises(DataError) as caught:
        load(seed_copy)
    assert "closest: russia" in caught.value.problems[0].hint


def test_missing_quote_hint_shows_closest_passage(seed_copy: Path) -> None:
    CASES[8].apply(seed_copy)
    with pytest.raises(DataError) as caught:
        load(seed_copy)
    assert "we are ready to work on this" in caught.value.problems[0].hint


def test_edited_source_text_is_caught_by_its_hash(seed_copy: Path) -> None:
    path = seed_copy / "sources" / "000_15c4d2cb88880b08.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("nearly", "almost"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(seed_copy)
    (problem,) = caught.value.problems
    assert problem.field == "source.sha256" and "changed since curation" in problem.message


def test_symlink_out_of_the_data_folder_is_refused(seed_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret", encoding="utf-8")
    link = seed_copy / "sources" / "000_15c4d2cb88880b08.txt"
    link.unlink()
    os.symlink(outside, link)
    with pytest.raises(DataError) as caught:
        load(seed_copy)
    assert any("points outside" in p.message for p in caught.value.problems)


def test_quotes_match_across_typographic_variants(seed_copy: Path) -> None:
    path = seed_copy / SOURCE_YAML
    text = path.read_text(encoding="utf-8").replace("Trump’s senior foreign", "Trump's  senior foreign")
    path.write_text(text, encoding="utf-8")
    corpus = load(seed_copy)
    st = corpus.statements["lead-official-guarantees-not-ruled-out"]
    assert st.evidence is not None and "Trump’s senior foreign" in st.evidence.exact
