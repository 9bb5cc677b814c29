"""Output files, written whole: atomic single files, and generations of files switched at once.

**One file.** Every file detente writes goes through here: the content is written to a
temporary file in the target's folder, flushed to disk, given a normal mode,
and renamed over the target. A failure or a kill leaves the target as it was.

>>> import tempfile
>>> target = Path(tempfile.mkdtemp()) / "out" / "a.txt"
>>> write_atomic(target, b"whole")
PosixPath('...a.txt')
>>> target.read_bytes()
b'whole'

**A set of files.** A build writes its outputs into a fresh, hidden *generation* folder
(``OUT/.generations/gen-*``), then switches one symbolic link,
``OUT/.current``, to it with a single atomic ``rename``. The visible outputs
are stable links into it (``OUT/detente.ttl -> .current/detente.ttl``), so a
process killed at any moment leaves every visible file whole and all of them
from the same build. Older generations are removed after the switch.

An output folder written before this scheme (plain files) is adopted first:
its files are hard-linked into a generation of their own, so even that first
switch is all-or-nothing.

>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> with Generation(out) as gen:
...     _ = gen.path("a.txt").write_text("one")
...     gen.commit(["a.txt"])
>>> (out / "a.txt").read_text(), (out / "a.txt").is_symlink()
('one', True)
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType

from schemas.errors import UsageError

__all__ = [
    "BUILD_FILES",
    "CURRENT",
    "GENERATIONS",
    "INPUTS",
    "SNAPSHOT",
    "Generation",
    "build_file",
    "check_output",
    "forget_inputs",
    "inputs_match",
    "write_atomic",
    "write_inputs",
    "write_via",
]

BUILD_FILES = ("detente.nq", "detente.trig")
"""Files of a build folder that hold every named graph, in order of preference."""
SNAPSHOT = "detente.answers.json"
"""A build's answer snapshot (:mod:`graph.ask.snapshot`): judged rows beside the RDF."""

INPUTS = ".inputs.json"
"""What a build read: every file of its data folder with its stat (:func:`write_inputs`)."""


def write_via(path: str | os.PathLike[str], write: Callable[[str], object]) -> Path:
    """Call ``write(tmp)`` to fill a temporary file, then rename it over ``path``.

    For writers that want a file name (matplotlib, networkx); the folder is made
    if missing. Returns the target path.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(tmp)
        with Path(tmp).open("rb") as handle:
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        Path(tmp).chmod(0o666 & ~umask)  # mkstemp makes it 0600; give it the usual mode
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; returns the target path."""
    return write_via(path, lambda tmp: Path(tmp).write_bytes(data))


CURRENT = ".current"
GENERATIONS = ".generations"
_LOCK = ".lock"


class Generation:
    """One build's outputs, written aside and published together by :meth:`commit`.

    Use as a context manager: it holds an exclusive lock on the output folder
    (a second build into the same folder fails with a clear message), and an
    uncommitted generation is removed on exit, leaving the old outputs in place.
    """

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        self.dir: Path | None = None
        self._lock: int | None = None
        self.committed = False

    def __enter__(self) -> Generation:
        self.out.mkdir(parents=True, exist_ok=True)
        self._lock = os.open(self.out / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._lock)
            self._lock = None
            raise UsageError(f"another build is writing to {self.out}; wait for it") from None
        root = self.out / GENERATIONS
        root.mkdir(exist_ok=True)
        _remove_stale(root, self._current_name())
        self.dir = Path(tempfile.mkdtemp(prefix="gen-", dir=root))
        self.dir.chmod(0o755)  # mkdtemp makes it private; outputs are for everyone who may read OUT
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if not self.committed and self.dir is not None:
                shutil.rmtree(self.dir, ignore_errors=True)
        finally:
            if self._lock is not None:
                os.close(self._lock)  # releases the lock
                self._lock = None

    def path(self, name: str) -> Path:
        """Where to write output ``name`` in this generation."""
        if self.dir is None:
            raise RuntimeError("use Generation as a context manager")
        return self.dir / name

    def commit(self, names: Iterable[str]) -> None:
        """Switch the visible outputs ``names`` to this generation, all at once."""
        if self.dir is None:
            raise RuntimeError("use Generation as a context manager")
        names = list(names)
        _fsync_dir(self.dir)
        self._adopt(names)
        for name in names:  # stable links; they already point through .current
            _link(self.out / name, f"{CURRENT}/{name}")
        _link(self.out / CURRENT, f"{GENERATIONS}/{self.dir.name}")  # the one switch
        _fsync_dir(self.out)
        self.committed = True
        _remove_stale(self.out / GENERATIONS, self.dir.name)

    def _current_name(self) -> str | None:
        current = self.out / CURRENT
        if current.is_symlink():
            return current.readlink().name
        return None

    def _adopt(self, names: list[str]) -> None:
        """Make every visible output a link into ``.current``, keeping what readers see now."""
        current = self.out / CURRENT
        plain = [n for n in names if (self.out / n).is_file() and not (self.out / n).is_symlink()]
        if current.exists() and not current.is_symlink():
            shutil.rmtree(current) if current.is_dir() else current.unlink()  # a copied tree
        if not plain and current.is_symlink():
            return
        if current.is_symlink() and current.resolve().is_dir():
            home = current.resolve()
        else:
            home = Path(tempfile.mkdtemp(prefix="gen-", dir=self.out / GENERATIONS))
            home.chmod(0o755)
        for name in plain:  # same bytes, now reachable through .current as well
            _replace_with_hard_link(self.out / name, home / name)
        _fsync_dir(home)
        _link(current, f"{GENERATIONS}/{home.name}")
        for name in plain:
            _link(self.out / name, f"{CURRENT}/{name}")


def _link(path: Path, target: str) -> None:
    """Make ``path`` a symbolic link to ``target``, atomically (no moment without it)."""
    if path.is_symlink() and str(path.readlink()) == target:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.link")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    tmp.replace(path)


def _replace_with_hard_link(source: Path, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.link(source, tmp)
    tmp.replace(target)


def _remove_stale(root: Path, keep: str | None) -> None:
    """Remove generations other than ``keep``: leftovers of killed or finished builds."""
    for entry in root.iterdir():
        if entry.name != keep and entry.name.startswith("gen-"):
            shutil.rmtree(entry, ignore_errors=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def build_file(folder: str | Path) -> Path | None:
    """The file of a build folder holding every named graph, or None.

    A file that the last ``detente build`` published (a link into ``.current``) wins
    over one left beside it, say by ``detente export --out build/detente.nq``; among
    files of the same kind, :data:`BUILD_FILES` order, then the newest.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> _ = (out / "detente.nq").write_text("")
    >>> with Generation(out) as gen:
    ...     _ = gen.path("detente.trig").write_text("")
    ...     gen.commit(["detente.trig"])
    >>> build_file(out).name
    'detente.trig'
    """
    root = Path(folder)
    found = [root / name for name in BUILD_FILES if (root / name).is_file()]
    published = [
        path for path in found if path.is_symlink() and path.readlink().parts[:1] == (CURRENT,)
    ]
    if published:
        return published[0]
    return max(found, key=lambda path: path.stat().st_mtime_ns, default=None)


def write_inputs(out: str | Path, stats: dict[str, tuple[int, int, int, int]] | None) -> None:
    """Record what a build read (``stats`` from :func:`schemas.manifest.scan`, taken before).

    Written after the outputs are published, and removed before (:func:`forget_inputs`),
    so that it exists only when it describes the outputs there. None (a data folder
    with links or special files) records nothing: such a build is never taken as fresh.
    """
    if stats is not None:
        data = json.dumps({"files": {k: list(v) for k, v in stats.items()}}, sort_keys=True)
        write_atomic(Path(out) / INPUTS, data.encode())


def forget_inputs(out: str | Path) -> None:
    """Remove the record of a build's inputs (its outputs are about to change)."""
    (Path(out) / INPUTS).unlink(missing_ok=True)


def inputs_match(out: str | Path, data: str | Path) -> bool:
    """True when the data folder holds exactly the files, unchanged, that the build read.

    A file added, edited, deleted or moved makes it False, whatever the times say.

    >>> import tempfile
    >>> from schemas.manifest import scan
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "data").mkdir(), (root / "build").mkdir()
    (None, None)
    >>> _ = (root / "data" / "a.yaml").write_text("actors: []")
    >>> write_inputs(root / "build", scan(root / "data"))
    >>> inputs_match(root / "build", root / "data")
    True
    >>> (root / "data" / "a.yaml").unlink()
    >>> inputs_match(root / "build", root / "data")
    False
    """
    from schemas.manifest import scan

    try:
        recorded = json.loads((Path(out) / INPUTS).read_bytes())["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    now = scan(Path(data))
    if now is None or not isinstance(recorded, dict):
        return False
    return {k: list(v) for k, v in now.items()} == recorded


def check_output(out: str | Path, data: str | Path, folder: bool) -> None:
    """UsageError unless ``out`` may receive outputs made from the data folder ``data``.

    ``folder``: ``out`` is a build folder (else one file). Refused: a file where a
    folder is wanted and the reverse, a filesystem root, the data folder itself,
    anything inside it, and a folder that holds it (outputs never overwrite records).

    >>> check_output("build", "data", folder=True)
    >>> check_output("data/actors.yaml", "data", folder=False)
    Traceback (most recent call last):
    ...
    schemas.errors.UsageError: --out data/actors.yaml is inside the data folder data; \
write outputs elsewhere
    """
    target, source = Path(out).resolve(), Path(data).resolve()
    if folder and target.exists() and not target.is_dir():
        raise UsageError(f"--out {out} is a file; give a folder for the build")
    if not folder and target.is_dir():
        raise UsageError(f"--out {out} is a folder; give the file to write")
    if target == Path(target.anchor):
        raise UsageError(f"--out {out} is the root of the filesystem; give a folder of its own")
    if target == source or target.is_relative_to(source):
        raise UsageError(f"--out {out} is inside the data folder {data}; write outputs elsewhere")
    if folder and source.is_relative_to(target):
        raise UsageError(f"--out {out} holds the data folder {data}; give a folder of its own")
