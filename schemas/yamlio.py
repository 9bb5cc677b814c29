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
_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{t}" for t in ("str", "map", "seq"))
_SIMPLE = {f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "timestamp")}
_MERGE = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}


class LineDict(dict[Any, Any]):
    """A mapping that knows the (1-based) line of itself and of each key."""

    line: int = 0
    lines: dict[Hashable, int]
    size: int = 0  # a file's bytes, and its records' characters (schemas.limits)
    characters: int = 0

    def line_of(self, key: Hashable) -> int:
        return self.lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence that knows the (1-based) line of itself and of each item."""

    line: int = 0
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


def _new_key(data: LineDict, key: Any, key_node: yaml.Node) -> Hashable:
    """Note the line of ``key``, a new key of ``data``; refuse unhashable and repeated keys."""
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
    return key


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader that builds LineDict/LineList and rejects duplicate keys."""

    def construct_yaml_map(self, node: yaml.MappingNode) -> Any:
        data = LineDict()
        data.line = node.start_mark.line + 1
        data.lines = {}
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = _new_key(data, self.construct_object(key_node, deep=True), key_node)
            data[key] = self.construct_object(value_node, deep=True)

    def construct_yaml_seq(self, node: yaml.SequenceNode) -> Any:
        data = LineList()
        data.line = node.start_mark.line + 1
        data.lines = [item.start_mark.line + 1 for item in node.value]
        yield data
        data.extend(self.construct_object(item, deep=True) for item in node.value)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        return self.construct_scalar(node)

    def construct_document(self, node: yaml.Node) -> Any:
        """Build plain maps, lists and scalars directly; anything rarer the usual way."""
        self._built: dict[int, Any] = {}
        try:
            return self._build(node)
        finally:
            self._built = {}
            self.state_generators: list[Any] = []
            self.constructed_objects: dict[Any, Any] = {}
            self.recursive_objects: dict[Any, Any] = {}
            self.deep_construct = False

    def _build(self, node: yaml.Node) -> Any:
        """What ``construct_object(node, deep=True)`` gives, in one call per node."""
        tag, kind = node.tag, type(node)
        if kind is yaml.ScalarNode:
            if tag == _STR:
                return node.value
            if tag in _SIMPLE:
                return self.yaml_constructors[tag](self, node)
            return self.construct_object(node, deep=True)
        built = self._built.get(id(node))
        if built is not None:  # an alias, or a collection that contains itself
            return built
        if kind is yaml.MappingNode and tag == _MAP:
            data = LineDict()
            data.line, data.lines = node.start_mark.line + 1, {}
            self._built[id(node)] = data
            if any(k.tag in _MERGE for k, _ in node.value):
                self.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = _new_key(data, self._build(key_node), key_node)
                data[key] = self._build(value_node)
            return data
        if kind is yaml.SequenceNode and tag == _SEQ:
            items = LineList()
            items.line = node.start_mark.line + 1
            items.lines = [item.start_mark.line + 1 for item in node.value]
            self._built[id(node)] = items
            items.extend([self._build(item) for item in node.value])
            return items
        return self.construct_object(node, deep=True)

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The usual tag resolution, with quoted scalars and plain words resolved at once."""
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers:
            if not implicit[0] and implicit[1]:  # quoted: always a string
                return _STR
            resolvers = self.yaml_implicit_resolvers
            if implicit[0] and value[:1] not in resolvers and None not in resolvers:
                return _STR
        tag: str = super().resolve(kind, value, implicit)
        return tag


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
                unclosed = _unclosed_quote(text, opened, line)
                if unclosed is not None:
                    context = f"unclosed double quote? parser stopped on line {line}, {context}"
                    line = unclosed
        message = ": ".join(part for part in (context, err.problem) if part)
        hint = (
            "YAML indents with spaces, never tabs"
            if "\t" in text
            else "check the indentation, brackets and quoting on this line and the lines above"
        )
        raise DataError([Problem(file, line, "(yaml)", message or "invalid YAML", hint)]) from None
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1
        char = err.character if isinstance(err.character, str) else chr(err.character)
        raise DataError(
            [
                Problem(
                    file,
                    line,
                    "(yaml)",
                    f"character {char!r} not allowed: {err.reason}",
                    "remove it, or write it as an escape inside a double-quoted string",
                )
            ]
        ) from None
    except yaml.YAMLError as err:
        raise DataError(
            [Problem(file, 1, "(yaml)", str(err), "save the file as UTF-8 YAML")]
        ) from None
    except RecursionError:  # libyaml allows 1,000 levels; building them recurses in Python
        raise DataError(
            [
                Problem(
                    file,
                    _deep_line(text),
                    "(yaml)",
                    "nested too deeply",
                    "records need only a few levels of lists and mappings",
                )
            ]
        ) from None


def _deep_line(text: str, limit: int = 100) -> int:
    """The first line nested more than ``limit`` levels (brackets or indentation), else 1."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) - len(line.lstrip(" ")) > limit:
            return number
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth > limit:
                return number
    return 1


def _unclosed_quote(text: str, first: int, last: int) -> int | None:
    """The first line in ``first..last`` (1-based) with an odd number of ``"``, if any."""
    for number, line in enumerate(text.splitlines()[first - 1 : last], start=first):
        if not line.lstrip().startswith("#") and line.replace('\\"', "").count('"') % 2:
            return number
    return None


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
