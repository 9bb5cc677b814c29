#!/usr/bin/env python3
"""Set up and run detente with nothing but python3.

    python3 tasks.py main   # set up .venv, build the bundled data, ask who conceded what
    python3 tasks.py test   # set up .venv and system tools, then ruff, mypy and pytest

Set-up is idempotent: the virtual environment at .venv/ is created once and
reinstalled only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
PY = BIN / "python"
STAMP = VENV / ".detente-installed"
# Debian packages the tests drive: rapper (strict Turtle parser), headless chromium, and
# Virtuoso (a second SPARQL store for push and remote ask: tests/graph/remote/test_virtuoso.py).
SYSTEM_TOOLS = {
    "rapper": "raptor2-utils",
    "chromium": "chromium",
    "virtuoso-t": "virtuoso-opensource-7-bin",
}


def run(*cmd: str | Path, check: bool = True) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def setup() -> None:
    """Create .venv and install detente in editable mode with its test extra."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PY.exists():
        return
    if not PY.exists():
        run(sys.executable, "-m", "venv", VENV)
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", ".[test]")
    run(PY, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3")
    STAMP.write_text(wanted)


def system_tools() -> None:
    """Install the Debian packages the integration tests use, when we may."""
    missing = [pkg for tool, pkg in SYSTEM_TOOLS.items() if shutil.which(tool) is None]
    if not missing:
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        print(
            f"note: {', '.join(missing)} missing and cannot be installed here; "
            "the tests that need them will be skipped",
            flush=True,
        )
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=False,
        env=env,
    )


def main_job() -> int:
    setup()
    detente = BIN / "detente"
    for cmd in (["check", "data"], ["build", "data"], ["ask", "concessions"]):
        code = run(detente, *cmd, check=False)
        if code:
            return code
    return 0


def test() -> int:
    setup()
    system_tools()
    run(BIN / "ruff", "check", ".")
    run(BIN / "mypy")
    code = run(
        PY,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--doctest-modules",
        "--nbmake",
        "schemas",
        "graph",
        "tests",
        "notebooks",
        check=False,
    )
    return code


def main(argv: list[str]) -> int:
    jobs = {"setup": lambda: setup() or 0, "main": main_job, "test": test}
    if len(argv) != 1 or argv[0] not in jobs:
        print(f"usage: python3 tasks.py {{{'|'.join(jobs)}}}", file=sys.stderr)
        return 2
    try:
        return jobs[argv[0]]()
    except subprocess.CalledProcessError as err:
        return err.returncode or 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
