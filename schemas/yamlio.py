"""Safe YAML reading that keeps the line of every key and item.

Built on libyaml's ``CSafeLoader`` (falling back to the pure-Python
``SafeLoader`` only where libyaml is missing). Mappings come back as
:class:`LineDict` and sequences as :class:`LineList`, which remember where
each key or item stood, so that a validation error deep inside a record can
be reported at its own line. Duplicate keys are errors, and timestamps stay
strings so that pydantic reports a bad date against its field.

>>> doc = read_yaml_text("a: 1\\nb:\\n  - x\\n  - y\\n", "f.yaml")
>>> doc["b"], doc.line_of("b"), doc["b"].line_of(1)
(['x', 'y'], 2, 4)
>>> line_at(doc, ("b", 1))
4
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import yaml

from schemas.errors import DataError, Problem

__all__ = ["LineDict", "LineList", "line_at", "read_yaml_text"]

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict[Any, Any]):
    """A mapping that knows the (1-based) line of itself and of each key."""

    line: int = 0
    lines: dict[Hashable, int]

    def line_of(self, key: Hashable) -> int:
        return self.lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence that knows the (1-based) line of itself and of each item."""

    line: int = 0
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader that builds LineDict/LineList and rejects duplicate keys."""

    def construct_yaml_map(self, node: yaml.MappingNode) -> Any:
        data = LineDict()
        data.line = node.start_mark.line + 1
        data.lines = {}
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            if key in data.lines:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first on line {data.lines[key]})",
                    key_node.start_mark,
                )
            data.lines[key] = key_node.start_mark.line + 1
            data[key] = self.construct_object(value_node, deep=True)

    def construct_yaml_seq(self, node: yaml.SequenceNode) -> Any:
        data = LineList()
        data.line = node.start_mark.line + 1
        data.lines = [item.start_mark.line + 1 for item in node.value]
        yield data
        data.extend(self.construct_object(item, deep=True) for item in node.value)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_yaml_seq)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def read_yaml_text(text: str, file: str) -> Any:
    """Parse one YAML document safely; raise :class:`DataError` naming ``file:line``."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else 1
        context = err.context or ""
        if err.context_mark is not None and err.problem_mark is not None and context:
            opened = err.context_mark.line + 1
            if opened != line:
                context = f"{context} (opened on line {opened})"
        message = ": ".join(part for part in (context, err.problem) if part)
        hint = (
            "YAML indents with spaces, never tabs"
            if "\t" in text
            else "check the indentation, brackets and quoting on this line and the lines above"
        )
        raise DataError([Problem(file, line, "(yaml)", message or "invalid YAML", hint)]) from None
    except yaml.YAMLError as err:
        raise DataError(
            [Problem(file, 1, "(yaml)", str(err), "save the file as UTF-8 YAML")]
        ) from None


def line_at(node: Any, path: Sequence[int | str]) -> int:
    """The line of the deepest element of ``path`` that the parsed tree remembers."""
    line = getattr(node, "line", 1) or 1
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line, node = node.line_of(step), node[step]
            continue
        if isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line, node = node.line_of(step), node[step]
            continue
        break
    return line
