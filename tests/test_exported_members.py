"""Each module's __all__ names exactly what it defines for the public."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

import graph
import schemas


def _modules() -> list[str]:
    names = []
    for package in (schemas, graph):
        names.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if not info.name.endswith("__main__"):
                names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_all_is_declared_and_resolves(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{name} must declare __all__"
    missing = [n for n in exported if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ names undefined {missing}"
    assert len(exported) == len(set(exported))


def _packages() -> list[str]:
    return [n for n in _modules() if hasattr(importlib.import_module(n), "__path__")]


@pytest.mark.parametrize("package", _packages())
def test_exports_are_not_shadowed_by_submodules(package: str) -> None:
    """Importing every submodule first must leave each exported name as it was exported."""
    module = importlib.import_module(package)
    for name in _modules():
        importlib.import_module(name)
    for name in module.__all__:
        value = getattr(module, name)
        assert not isinstance(value, ModuleType), f"{package}.{name} is a module, not the export"
