"""Read the declarative bad-input cases in ``tests/bad/cases/`` and lay them out on disk.

A case is one YAML file: a base (a copy of the seed ``data/`` or an empty
folder), a list of edits, the command to run and what must come out. See
``tests/bad/README.md`` for the format. The helpers here are shared with the
fuzz tests in ``tests/schemas/test_fuzz_loader.py``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from schemas.loader import MAX_FILE_BYTES

__all__ = [
    "CASES",
    "ROOT",
    "SEED",
    "Case",
    "ExpectedProblem",
    "apply_edit",
    "lay_out",
    "load_cases",
    "seed_copy",
    "snapshot",
]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data"
CASES = Path(__file__).resolve().parent / "cases"
SEED_SOURCE = "sources/000_15c4d2cb88880b08.yaml"


@dataclass(frozen=True)
class ExpectedProblem:
    """One problem the command must report: ``file:line: field: ...message...``."""

    file: str
    field: str
    message: str
    line: int | None = None  # an exact line number, or ...
    at: str | None = None  # ... the first line of the patched file holding this text
    after: str | None = None  # ... looked for after the first line holding this text


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it and what ``detente`` must say about it."""

    name: str
    klass: str
    about: str
    base: str
    edits: list[dict[str, Any]]
    command: list[str]
    exit: int
    problems: list[ExpectedProblem]
    count: int | None = None
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)  # parts of the message (no file:line)
    secrets: list[str] = field(default_factory=list)  # must never be printed
    subprocess: bool = False
    prebuild: bool = False


_CASE_KEYS = {"class", "about", "base", "edits", "command", "expect", "subprocess", "prebuild"}
_EXPECT_KEYS = {"exit", "problems", "count", "stdout", "stderr", "secrets"}


def load_cases(folder: Path = CASES) -> list[Case]:
    """Every case file in ``folder``, sorted by name; a malformed case file fails loudly."""
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        unknown = set(spec) - _CASE_KEYS
        assert not unknown, f"{path.name}: unknown keys {unknown}"
        expect = spec["expect"]
        assert not set(expect) - _EXPECT_KEYS, f"{path.name}: unknown expect keys"
        cases.append(
            Case(
                name=path.stem,
                klass=spec["class"],
                about=spec["about"],
                base=spec.get("base", "seed"),
                edits=spec.get("edits", []),
                command=spec.get("command", ["check", "{data}"]),
                exit=expect["exit"],
                problems=[ExpectedProblem(**p) for p in expect.get("problems", [])],
                count=expect.get("count"),
                stdout=expect.get("stdout", []),
                stderr=expect.get("stderr", []),
                secrets=expect.get("secrets", []),
                subprocess=spec.get("subprocess", False),
                prebuild=spec.get("prebuild", False),
            )
        )
    return cases


def seed_copy(target: Path) -> Path:
    """Copy the seed data folder to ``target`` with every file writable."""
    shutil.copytree(SEED, target, symlinks=True)
    for path in target.rglob("*"):
        if path.is_file() and not path.is_symlink():
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return target


def lay_out(case: Case, workdir: Path) -> Path:
    """Build the case's data folder at ``workdir/data`` (and ``workdir/outside``).

    With ``prebuild``, ``workdir/build`` first holds the outputs of the unedited data.
    """
    data = workdir / "data"
    outside = workdir / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("actors: []\n", encoding="utf-8")
    (outside / "secret.txt").write_text("a secret outside the data folder\n", encoding="utf-8")
    if case.base == "seed":
        seed_copy(data)
    else:
        assert case.base == "empty", f"{case.name}: base must be seed or empty"
        data.mkdir()
    if case.prebuild:  # a good build first: its outputs must survive the bad one untouched
        from graph.builder.run import build

        build(data, workdir / "build")
    for edit in case.edits:
        apply_edit(data, edit, outside)
    return data


def _text(edit: dict[str, Any], key: str) -> str:
    value: str = edit[key]
    repeat = edit.get("repeat", [])
    for part in [repeat] if isinstance(repeat, dict) else repeat:
        value += part["text"] * part["times"]
    return value


def apply_edit(data: Path, edit: dict[str, Any], outside: Path) -> None:
    """Apply one declarative edit to the data folder (see tests/bad/README.md)."""
    path = data / edit["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    if "replace" in edit:
        text = path.read_text(encoding="utf-8")
        old = edit["replace"]
        assert old in text, f"{edit['file']}: {old!r} not in the seed"
        path.write_text(text.replace(old, _text(edit, "with"), edit.get("count", 1)), "utf-8")
    elif "append" in edit:
        with path.open("a", encoding="utf-8") as out:
            out.write(_text(edit, "append"))
    elif "write" in edit:
        path.write_text(_text(edit, "write"), encoding="utf-8")
    elif "write_hex" in edit:
        path.write_bytes(bytes.fromhex(edit["write_hex"]))
    elif "fill" in edit:
        size = MAX_FILE_BYTES + 1 if edit["size"] == "over-limit" else int(edit["size"])
        chunk = edit["fill"].encode("utf-8")
        path.write_bytes((chunk * (size // len(chunk) + 1))[:size])
    elif "delete" in edit:
        path.unlink()
    elif "symlink" in edit:
        if path.exists() or path.is_symlink():
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        path.symlink_to(edit["symlink"].format(outside=outside, data=data))
    elif "mkdir" in edit:
        path.mkdir()
    elif "fifo" in edit:
        os.mkfifo(path)
    elif "rehash" in edit:
        _rehash(data, path)
    else:
        raise AssertionError(f"unknown edit {edit}")


def _rehash(data: Path, source_file: Path) -> None:
    """Set the source file's sha256 to the hash of the text it names (a re-curated text)."""
    text = source_file.read_text(encoding="utf-8")
    name = re.search(r"^  text: (\S+)$", text, re.MULTILINE)
    assert name, f"{source_file}: no text: line"
    digest = hashlib.sha256((data / "sources" / name[1]).read_bytes()).hexdigest()
    source_file.write_text(re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", text), "utf-8")


def line_of(data: Path, problem: ExpectedProblem) -> int:
    """The expected line of ``problem`` in the laid-out data."""
    if problem.line is not None:
        return problem.line
    assert problem.at is not None, "give line: or at:"
    rel = Path(problem.file).relative_to("data")
    lines = (data / rel).read_text(encoding="utf-8").splitlines()
    start = 0
    if problem.after is not None:
        start = next(i for i, text in enumerate(lines) if problem.after in text) + 1
    return next(i for i, text in enumerate(lines) if i >= start and problem.at in text) + 1


def snapshot(folder: Path) -> dict[str, tuple[str, str, int]]:
    """Every entry under ``folder``: kind, content digest (or link target), mtime."""
    out: dict[str, tuple[str, str, int]] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        info = path.lstat()
        if path.is_symlink():
            out[rel] = ("link", os.readlink(path), info.st_mtime_ns)
        elif stat.S_ISREG(info.st_mode):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[rel] = ("file", digest, info.st_mtime_ns)
        elif path.is_dir():
            out[rel] = ("dir", "", info.st_mtime_ns)
        else:
            out[rel] = ("other", "", info.st_mtime_ns)
    return out
