#!/usr/bin/env python3
"""Execute the notebooks on a fresh ``python3`` kernel and strip volatile metadata.

    .venv/bin/python notebooks/run.py                 # run and rewrite every notebook
    .venv/bin/python notebooks/run.py 01_who_conceded_what.ipynb
    .venv/bin/python notebooks/run.py --check         # run into memory; exit 1 if a file differs

Each notebook runs with its own folder as the working directory (as nbmake does),
so it reads the seed as ``../data`` and writes under ``../build/notebooks``.
After the run, :func:`strip` removes what changes from run to run or machine to
machine (execution timestamps, the Python version, kernel details), so committing
a re-run gives a minimal diff. Execution counts stay: a clean run numbers the
cells 1, 2, 3, ... every time.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
KERNEL = "python3"
TIMEOUT = 120
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": KERNEL}
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3"}
# the default object repr, "<module.Class at 0x7f...>": differs on every run
ADDRESS = re.compile(r"^<[\w.]+ (?:object )?at 0x[0-9a-f]+>$")


def notebooks(folder: Path = HERE) -> list[Path]:
    """The notebooks of ``folder``, in name order."""
    return sorted(folder.glob("[0-9]*.ipynb"))


def strip(nb: Any) -> Any:
    """Remove volatile metadata from a notebook node, in place; returns it.

    Keeps the kernel's name, cell ids, tags, outputs and execution counts;
    drops cell execution timestamps, the language version and the plain-text
    fallback of a rich output when it is only a default repr with a memory
    address (an object that displays as HTML but has no ``__repr__`` of its own).
    """
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            output.pop("transient", None)
            data = output.get("data", {})
            if len(data) > 1 and ADDRESS.match(str(data.get("text/plain", ""))):
                del data["text/plain"]
    return nb


def execute(path: Path, timeout: int = TIMEOUT) -> Any:
    """Run ``path`` top to bottom on a fresh kernel in its own folder; the stripped notebook."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=timeout,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return strip(nb)


def text_of(nb: Any) -> str:
    """The notebook as it is written to disk (nbformat's JSON, newline-terminated)."""
    import nbformat

    return nbformat.writes(nb) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebooks to run (default: all)")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 on a diff")
    args = parser.parse_args(argv)
    paths = [HERE / Path(n).name for n in args.names] or notebooks()
    stale = []
    for path in paths:
        fresh = text_of(execute(path))
        if args.check:
            if path.read_text(encoding="utf-8") != fresh:
                stale.append(path.name)
            continue
        tmp = path.with_suffix(".ipynb.tmp")
        tmp.write_text(fresh, encoding="utf-8")
        tmp.replace(path)
        print(f"ran {path.name}")
    for name in stale:
        print(f"{name}: differs from a fresh run; run notebooks/run.py {name}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
