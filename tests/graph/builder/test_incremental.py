"""The incremental path of ``detente build``: cold-build bytes, cold-build errors, or the full path."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from graph.ask.graph import Graph
from graph.ask.snapshot import read_snapshot
from graph.builder.incremental import MANIFEST
from graph.builder.run import BuildReport, build
from graph.files import SNAPSHOT
from schemas.errors import DataError
from tests.graph.builds import copy_of, read_outputs, synth_corpus


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth_corpus(tmp_path_factory, 120, seed=7)


@pytest.fixture
def data(corpus_dir: Path, tmp_path: Path) -> Path:
    return copy_of(corpus_dir, tmp_path)


def _state(folder: Path) -> dict[str, bytes]:
    """The outputs and the cache files an incremental build writes."""
    cache = folder / ".cache"
    kept = {name: (cache / name).read_bytes() for name in (MANIFEST, "parts.json")}
    return {**read_outputs(folder), **kept}


def _sources(data: Path) -> list[Path]:
    return sorted((data / "sources").glob("*.yaml"))


def _middle(data: Path) -> Path:
    files = _sources(data)
    return files[len(files) // 2]


def _sub(path: Path, pattern: str, repl: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(pattern, repl, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {path}"
    path.write_text(new, encoding="utf-8")


# --- edits the incremental path takes -------------------------------------------------


def _flip_a_comment(data: Path) -> None:
    path = _middle(data)
    path.write_text("# touched\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


def _relabel_a_venue(data: Path) -> None:
    _sub(_middle(data), r'label: "([^"]+)"', r'label: "\1 (as relabelled)"')


def _redate_a_statement(data: Path) -> None:
    """Move a statement's date one day back: still on or before its source's date."""
    path = _middle(data)
    text = path.read_text(encoding="utf-8")
    found = re.search(r"^    date: (\d{4}-\d{2})-(\d{2})$", text, re.M)
    assert found is not None and found.group(2) != "01"
    day = f"{int(found.group(2)) - 1:02d}"
    path.write_text(text[: found.start(2)] + day + text[found.end(2) :], encoding="utf-8")


def _extend_a_text(data: Path) -> None:
    text = _middle(data).with_suffix(".txt")
    text.write_text(text.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8")


def _copy_a_source(data: Path, suffix: str = "copy") -> Path:
    """A new source file: a copy of one under new ids (its claims are claimed twice)."""
    original = _middle(data)
    sid = original.stem
    text = original.read_text(encoding="utf-8").replace(sid, f"{sid}-{suffix}")
    copy = original.with_name(f"{sid}-{suffix}.yaml")
    copy.write_text(text, encoding="utf-8")
    shutil.copy(original.with_suffix(".txt"), copy.with_suffix(".txt"))
    return copy


def _add_a_source(data: Path) -> None:
    _copy_a_source(data)


EDITS = [
    (_flip_a_comment, False),
    (_relabel_a_venue, True),
    (_redate_a_statement, True),
    (_extend_a_text, True),
    (_add_a_source, True),
]


@pytest.mark.parametrize(("edit", "changes"), EDITS, ids=lambda e: getattr(e, "__name__", ""))
def test_an_edited_source_file_is_rebuilt_alone_into_the_cold_bytes(
    data: Path, tmp_path: Path, edit: Callable[[Path], None], changes: bool
) -> None:
    build(data, tmp_path / "out")
    before = read_outputs(tmp_path / "out")
    edit(data)
    report = build(data, tmp_path / "out")
    assert (report.path, report.reread, report.fallback) == ("incremental", 1, "")
    cold = build(data, tmp_path / "cold", cache=False)
    assert read_outputs(tmp_path / "out") == read_outputs(tmp_path / "cold")
    assert (read_outputs(tmp_path / "out") != before) is changes
    assert (report.triples, report.graphs) == (cold.triples, cold.graphs)
    again = build(data, tmp_path / "out")  # and the manifest it left is right
    assert (again.path, again.reread) == ("incremental", 0)
    assert read_outputs(tmp_path / "out") == read_outputs(tmp_path / "cold")


def _retitle_a_source(data: Path) -> None:
    """A source's title: evidence, since it names the source where the source itself speaks."""
    _sub(_narrating(data), r'^  title: "([^"]+)"', r'  title: "\1 (retitled)"')


def _narrating(data: Path) -> Path:
    """A source file in which the source itself speaks (its id as a statement's speaker)."""
    for path in _sources(data):
        if f"speaker: {path.stem}" in path.read_text(encoding="utf-8"):
            return path
    raise AssertionError("no source narrates")


def _annotate_a_statement(data: Path) -> None:
    """A curator's note on a statement: its graph changes, what its claim counts as does not."""
    _sub(_middle(data), r"^(    mode: \w+)$", r'\1\n    note: "noted by the curator"')


def _snapshot_rows(folder: Path) -> object:
    state = json.loads((folder / SNAPSHOT).read_bytes())
    return state["refs"], state["rows"]


@pytest.mark.parametrize(
    ("edit", "derives"),
    [
        (_annotate_a_statement, False),
        (_retitle_a_source, True),
        (_flip_a_comment, False),
        (_relabel_a_venue, True),
        (_redate_a_statement, True),
        (_add_a_source, True),
    ],
    ids=lambda e: getattr(e, "__name__", ""),
)
def test_the_derived_facts_are_worked_out_again_only_when_a_claims_evidence_changed(
    data: Path, tmp_path: Path, edit: Callable[[Path], None], derives: bool
) -> None:
    out = tmp_path / "out"
    build(data, out)
    before = read_outputs(out)
    edit(data)
    report = build(data, out)
    assert report.path == "incremental", report.fallback
    assert ("derive" in report.seconds) is derives
    build(data, tmp_path / "cold", cache=False)
    assert read_outputs(out) == read_outputs(tmp_path / "cold")
    if derives:  # judged again: the answer snapshot is written anew, as a cold build's
        assert _snapshot_rows(out) == _snapshot_rows(tmp_path / "cold")
    elif read_outputs(out) != before:  # its rows may show a claim as it was: it goes
        assert not (out / SNAPSHOT).exists()
    else:  # nothing was written: the snapshot still describes the build
        assert read_snapshot(out, out / "detente.trig") is not None
    graph = Graph.from_build(out)
    assert list(graph.concessions()) == list(Graph.from_build(tmp_path / "cold").concessions())


def test_without_the_kept_lines_the_derived_facts_take_the_full_path(
    data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(data, out)
    (out / ".cache" / "fixed.json").unlink()
    _relabel_a_venue(data)
    report = build(data, out)
    assert (report.path, report.fallback) == ("full", "no usable fixed.json")
    build(data, tmp_path / "cold", cache=False)
    assert read_outputs(out) == read_outputs(tmp_path / "cold")


def test_a_removed_source_file_is_rebuilt_into_the_cold_bytes(data: Path, tmp_path: Path) -> None:
    copy = _copy_a_source(data)
    build(data, tmp_path / "out")
    with_copy = read_outputs(tmp_path / "out")
    copy.unlink()
    copy.with_suffix(".txt").unlink()
    report = build(data, tmp_path / "out")
    assert (report.path, report.reread) == ("incremental", 0)
    build(data, tmp_path / "cold", cache=False)
    assert read_outputs(tmp_path / "out") == read_outputs(tmp_path / "cold") != with_copy


def test_edits_one_after_another_stay_on_the_cold_bytes(data: Path, tmp_path: Path) -> None:
    build(data, tmp_path / "out")
    for edit, _ in EDITS:
        edit(data)
        assert build(data, tmp_path / "out").path == "incremental"
    build(data, tmp_path / "cold", cache=False)
    assert read_outputs(tmp_path / "out") == read_outputs(tmp_path / "cold")


# --- bad edits: the cold build's error, nothing written ---------------------------------


def _support_an_unknown_concession(data: Path) -> None:
    _sub(_middle(data), r"supports: \[[^\]]+\]", "supports: [concession-nowhere]")


def _reuse_a_statement_id(data: Path) -> None:
    """A new source file whose last statement keeps the id it has in the file it was copied from."""
    copy = _copy_a_source(data)
    found = re.findall(r"^  - id: (\S+)-copy(\S*)$", copy.read_text(encoding="utf-8"), re.M)
    sid, rest = found[-1]
    _sub(copy, rf"^  - id: {re.escape(sid)}-copy{re.escape(rest)}$", f"  - id: {sid}{rest}")


def _reuse_a_source_id(data: Path) -> None:
    """A new source file under the id of the source it was copied from (new statement ids)."""
    copy = _copy_a_source(data)
    sid = copy.stem.removesuffix("-copy")
    text = copy.read_text(encoding="utf-8").replace(f"{sid}-copy-", f"{sid}-again-")
    for field in ("id", "speaker"):
        text = text.replace(f"{field}: {sid}-copy\n", f"{field}: {sid}\n")
    copy.write_text(text, encoding="utf-8")


def _misquote(data: Path) -> None:
    _sub(_middle(data), r'^    text: "', '    text: "Nobody ever said this: ')


def _drop_every_claim_of_a_concession(data: Path) -> None:
    """Point every statement that claims one concession at another one, in every file."""
    found = re.findall(r"concession-\d+", _middle(data).read_text(encoding="utf-8"))
    assert found
    lost = found[0]
    other = next(
        c
        for path in _sources(data)
        for c in re.findall(r"concession-\d+", path.read_text(encoding="utf-8"))
        if c != lost
    )
    for path in _sources(data):
        text = path.read_text(encoding="utf-8")
        if lost in text:
            path.write_text(text.replace(lost, other), encoding="utf-8")


BAD_EDITS = [
    _support_an_unknown_concession,
    _reuse_a_statement_id,
    _reuse_a_source_id,
    _misquote,
    _drop_every_claim_of_a_concession,
]


@pytest.mark.parametrize("edit", BAD_EDITS, ids=lambda e: e.__name__)
def test_a_bad_edit_fails_as_a_cold_build_does_and_writes_nothing(
    data: Path, tmp_path: Path, edit: Callable[[Path], None]
) -> None:
    build(data, tmp_path / "out")
    before = _state(tmp_path / "out")
    edit(data)
    with pytest.raises(DataError) as cold:
        build(data, tmp_path / "cold", cache=False)
    with pytest.raises(DataError) as warm:
        build(data, tmp_path / "out")
    assert warm.value.problems == cold.value.problems
    assert _state(tmp_path / "out") == before


# --- what takes the full path -----------------------------------------------------------


def _add_an_actor_alias(data: Path, out: Path) -> None:
    _sub(data / "actors.yaml", r"aliases: \[", 'aliases: ["A New Alias", ')


def _edit_an_output(data: Path, out: Path) -> None:
    ttl = out / "detente.ttl"
    ttl.write_bytes(ttl.read_bytes().replace(b"actor:", b"ACTOR:"))


def _damage_the_manifest(data: Path, out: Path) -> None:
    (out / ".cache" / MANIFEST).write_text('{"version": 1}', encoding="utf-8")


def _damage_the_parts(data: Path, out: Path) -> None:
    _relabel_a_venue(data)  # a graph changes, so the parts are spliced
    parts = out / ".cache" / "parts.json"
    state = json.loads(parts.read_text(encoding="utf-8"))
    state["turtle"]["parts"] = dict(list(state["turtle"]["parts"].items())[1:])
    parts.write_text(json.dumps(state), encoding="utf-8")


def _move_statements_out_of_their_file(data: Path, out: Path) -> None:
    """A statement away from its source's file: neither file is a source file any more."""
    path = _middle(data)
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.partition("statements:\n")
    first, sep, rest = tail.partition("\n  - id:")
    sid = path.stem
    path.write_text(f"{head}statements:\n  - id:{rest}", encoding="utf-8")
    moved = first.replace("  - id:", f"  - source: {sid}\n    id:", 1)
    (data / "moved.yaml").write_text(f"statements:\n{moved}\n", encoding="utf-8")
    assert sep


def _scramble_the_manifest(data: Path, out: Path) -> None:
    """Valid JSON of the wrong shape: the graphs as a list."""
    _relabel_a_venue(data)
    manifest = out / ".cache" / MANIFEST
    state = json.loads(manifest.read_text(encoding="utf-8"))
    state["graphs"] = list(state["graphs"].items())
    manifest.write_text(json.dumps(state), encoding="utf-8")


def _drop_the_context(data: Path, out: Path) -> None:
    _relabel_a_venue(data)  # a graph changes, so its SHACL unit needs the context
    (out / ".cache" / "context.nt").unlink()


FALLBACKS = [
    (_add_an_actor_alias, "actors.yaml is not a source file"),
    (_edit_an_output, "an output file changed since the last build"),
    (_damage_the_manifest, "no usable manifest"),
    (_damage_the_parts, "detente.ttl does not match parts.json"),
    (_drop_the_context, "no usable context.nt"),
    (_scramble_the_manifest, "the cache is not usable (AttributeError"),
    (_move_statements_out_of_their_file, "is not a source file"),
]


@pytest.mark.parametrize(("change", "reason"), FALLBACKS, ids=lambda e: getattr(e, "__name__", ""))
def test_anything_but_source_files_takes_the_full_path(
    data: Path, tmp_path: Path, change: Callable[[Path, Path], None], reason: str
) -> None:
    build(data, tmp_path / "out")
    change(data, tmp_path / "out")
    report: BuildReport = build(data, tmp_path / "out")
    assert report.path == "full"
    assert reason in report.fallback
    assert report.reread == len(list(data.rglob("*.yaml")))  # every record file looked at
    build(data, tmp_path / "cold", cache=False)
    assert read_outputs(tmp_path / "out") == read_outputs(tmp_path / "cold")
    assert build(data, tmp_path / "out").path == "incremental"  # and the next one is fast again


def test_other_options_take_the_full_path(data: Path, tmp_path: Path) -> None:
    build(data, tmp_path / "out")
    report = build(data, tmp_path / "out", formats=("turtle",))
    assert (report.path, report.fallback) == (
        "full",
        "the code, the options or the data folder changed",
    )
    assert build(data, tmp_path / "out", cache=False).fallback == ""


def test_the_text_of_a_source_in_no_source_file_is_watched_too(data: Path, tmp_path: Path) -> None:
    _move_statements_out_of_their_file(data, tmp_path / "out")
    build(data, tmp_path / "out")
    before = read_outputs(tmp_path / "out")
    _extend_a_text(data)  # the text of the source whose statement moved away
    report = build(data, tmp_path / "out")
    assert report.path == "full" and "is not a source file" in report.fallback
    build(data, tmp_path / "cold", cache=False)
    assert read_outputs(tmp_path / "out") == read_outputs(tmp_path / "cold") != before


def test_the_command_line_says_which_path_ran(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from graph.cli import main

    assert main(["build", str(data), "--out", str(tmp_path / "out")]) == 0
    assert "incremental" not in capsys.readouterr().out
    _relabel_a_venue(data)
    assert main(["build", str(data), "--out", str(tmp_path / "out")]) == 0
    assert "SHACL OK (1 checked, " in (out := capsys.readouterr().out)
    assert "; incremental: 1 record file(s) reread" in out
