"""Export: strict parsers accept the output, it is isomorphic everywhere, rebuilds are identical."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.builder.run import build
from graph.cli import main
from graph.compile.quads import compile_quads
from graph.export.writers import serialize
from graph.files import write_atomic
from schemas import Corpus
from schemas.errors import UsageError
from tests.graph.corpora import corpora

DATA = Path(__file__).resolve().parents[3] / "data"


@pytest.fixture(scope="module")
def turtle(seed: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "detente.ttl"
    path.write_bytes(serialize(compile_quads(seed), "turtle"))
    return path


def _rdflib_graph(seed: Corpus) -> Graph:
    return Graph().parse(data=compile_quads(seed).ntriples(), format="nt")


def test_turtle_parses_in_pyoxigraph_isomorphic_to_rdflib(seed: Corpus, turtle: Path) -> None:
    triples = ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE)
    nt = ox.serialize((q.triple for q in triples), format=ox.RdfFormat.N_TRIPLES) or b""
    assert isomorphic(Graph().parse(data=nt.decode(), format="nt"), _rdflib_graph(seed))
    assert isomorphic(Graph().parse(turtle, format="turtle"), _rdflib_graph(seed))


@pytest.mark.integration
def test_turtle_parses_in_rapper_isomorphic_to_rdflib(seed: Corpus, turtle: Path) -> None:
    if shutil.which("rapper") is None:
        pytest.skip("rapper (Debian raptor2-utils) is not installed; tasks.py installs it on CI")
    out = subprocess.run(
        ["rapper", "-q", "-i", "turtle", "-o", "ntriples", str(turtle)],
        capture_output=True,
        check=True,
    )
    assert isomorphic(Graph().parse(data=out.stdout.decode(), format="nt"), _rdflib_graph(seed))
    counted = subprocess.run(["rapper", "-i", "turtle", "-c", str(turtle)], capture_output=True)
    assert counted.returncode == 0, counted.stderr


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("trig", "trig"), ("jsonld", "json-ld")])
def test_dataset_formats_hold_the_same_quads(seed: Corpus, fmt: str, rdflib_format: str) -> None:
    compiled = compile_quads(seed)
    expected = Dataset()
    expected.parse(data=compiled.nquads(), format="nquads")
    got = Dataset()
    got.parse(data=serialize(compiled, fmt).decode(), format=rdflib_format)
    assert set(got.quads()) == set(expected.quads())
    ox_fmt = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.JSON_LD
    oxq = {str(q) for q in ox.parse(serialize(compiled, fmt), format=ox_fmt)}
    assert oxq == {str(q) for q in ox.parse(compiled.nquads(), format=ox.RdfFormat.N_QUADS)}


def test_jsonld_context_is_inline(seed: Corpus) -> None:
    doc = json.loads(serialize(compile_quads(seed), "jsonld"))
    assert isinstance(doc["@context"], dict)
    assert doc["@context"]["prov"] == "http://www.w3.org/ns/prov#"
    assert "http" not in json.dumps(doc["@graph"][0]["@graph"][0]["@type"])


def test_prefixes_are_declared_in_a_fixed_order(seed: Corpus) -> None:
    head = serialize(compile_quads(seed), "trig").decode().splitlines()[:3]
    assert head == [
        "@prefix actor: <https://w3id.org/detente/id/actor/> .",
        "@prefix topic: <https://w3id.org/detente/id/topic/> .",
        "@prefix meeting: <https://w3id.org/detente/id/meeting/> .",
    ]


def test_unknown_format_is_a_usage_error(seed: Corpus) -> None:
    with pytest.raises(UsageError, match="format"):
        serialize(compile_quads(seed), "rdfxml")


def test_build_twice_is_byte_identical(tmp_path: Path) -> None:
    first = build(DATA, tmp_path / "a")
    second = build(DATA, tmp_path / "b")
    again = build(DATA, tmp_path / "a")  # warm cache, same bytes
    assert [p.name for p in first.files] == ["detente.ttl", "detente.trig", "detente.jsonld"]
    for one, two, three in zip(first.files, second.files, again.files, strict=True):
        assert one.read_bytes() == two.read_bytes() == three.read_bytes()
    assert again.validated == 0 < first.validated


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "x.ttl"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["x.ttl"]


def test_cli_build_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(DATA), "--out", str(tmp_path)]) == 0
    assert "SHACL OK" in capsys.readouterr().out
    assert (tmp_path / "detente.ttl").exists()
    out = tmp_path / "x.nt"
    assert main(["export", str(DATA), "--format", "nt", "--out", str(out)]) == 0
    assert len(Graph().parse(out, format="nt")) > 1000


def test_cli_build_fails_readably_on_bad_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(tmp_path / "missing")]) == 1
    assert "not a data folder" in capsys.readouterr().err


def test_cli_bad_base_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["build", str(DATA), "--out", str(tmp_path), "--base", "nope"]) == 2


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=corpora())
def test_parts_join_to_the_one_pass_documents(corpus: Corpus) -> None:
    """Graph-by-graph writing (and direct JSON-LD) equals pyoxigraph's one pass + compaction."""
    from graph.export.writers import _jsonld, _with_header_one_pass
    from graph.rdf.terms import prefixes

    compiled = compile_quads(corpus)
    assert serialize(compiled, "jsonld") == _jsonld(compiled, prefixes(compiled.base))
    for fmt in ("turtle", "trig"):
        assert serialize(compiled, fmt) == _with_header_one_pass(compiled, fmt)


def test_the_direct_jsonld_writer_falls_back_on_a_language_tag(seed: Corpus) -> None:
    from graph.compile.compiled import Compiled
    from graph.export.writers import _jsonld
    from graph.rdf.terms import prefixes

    compiled = compile_quads(seed)
    name = compiled.graph_names()[0]
    tagged = {**compiled.graphs, name: [*compiled.graphs[name], '<http://x/s> <http://x/p> "a"@en']}
    odd = Compiled(tagged, compiled.base)
    assert serialize(odd, "jsonld") == _jsonld(odd, prefixes(odd.base))
