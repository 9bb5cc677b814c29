"""Lazy package exports: a room's ``__init__`` names what it exposes without importing it.

Start-up matters (``detente ask`` must not pay for matplotlib, networkx or
rdflib), so a package's public names are looked up in their modules on first
use. Each ``__init__`` also imports the same names under ``TYPE_CHECKING``, so
type checkers see them; a test holds the two lists equal.

>>> getattr_, dir_ = exports("graph.rdf", {".ntriples": ("literal",)})
>>> getattr_("literal")('a')
'"a"'
>>> getattr_("nothing")
Traceback (most recent call last):
...
AttributeError: module 'graph.rdf' has no attribute 'nothing'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

__all__ = ["exports"]


def exports(
    package: str, modules: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package`` exposing ``modules[m]`` of each module m.

    Module names are absolute (``schemas.loader``) or relative to ``package`` (``.quads``).
    """
    home = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:  # noqa: N807
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(module, package), name)

    def __dir__() -> list[str]:  # noqa: N807
        return sorted(home)

    return __getattr__, __dir__
