"""``detente sparql`` never opens a network connection, whatever the query text (issue 18 #1).

A loopback listener records every request; each query of the corpus below tries to
reach it through a SERVICE clause (or an update) that an earlier keyword scanner let
through (``.SERVICE``, ``\\#`` and ``\\'`` in prefixed names) or might (comments, case,
prefixed names, nested groups, subqueries, escapes). Against a build, against
``--endpoint`` and through :meth:`Graph.sparql`: refused with exit 2, nothing received.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from graph.ask.graph import Graph
from graph.builder.run import build
from graph.cli import main
from schemas.errors import UsageError
from tests.bad.cases import SEED
from tests.security.loopback import listening

S = "SERVICE <{url}/x> { ?x ?y ?z }"
BYPASSES = [
    "SELECT * WHERE { ?s ?p ?o .SERVICE <{url}/x> { ?x ?y ?z } }",  # the issue's own
    "SELECT * WHERE { ?s ?p ?o .SERVICE SILENT <{url}/x> { ?x ?y ?z } }",
    "PREFIX e: <http://x/> SELECT * WHERE { ?s e:a\\# ?o . " + S + " }",
    "PREFIX e: <http://x/> SELECT * WHERE { ?s e:a\\' ?o . " + S + " . ?s e:b\\' ?o }",
    'PREFIX e: <http://x/> SELECT * WHERE { ?s e:a\\" ?o . ' + S + " }",
    "SELECT * WHERE { ?s ?p ?o #\n" + S + " }",
    "SELECT * WHERE { ?s ?p ?o }\n#\nSELECT * WHERE { " + S + " }",
    "select * where { sErViCe <{url}/x> { ?x ?y ?z } }",
    "PREFIX s: <{url}/> SELECT * WHERE { SERVICE s:x { ?x ?y ?z } }",
    "PREFIX : <{url}/> SELECT * WHERE { SERVICE :x { ?x ?y ?z } }",
    "SELECT * WHERE { { { OPTIONAL { " + S + " } } } }",
    "SELECT * WHERE { { ?s ?p ?o } UNION { " + S + " } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { " + S + " } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { " + S + " } }",
    "SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { " + S + " } }",
    "SELECT * WHERE { { SELECT * WHERE { " + S + " } } }",
    "SELECT * WHERE { GRAPH ?g { " + S + " } }",
    "SELECT * WHERE { VALUES ?u { <{url}/x> } SERVICE ?u { ?x ?y ?z } }",
    "SELECT * WHERE { ?s ?p ?o }GROUP BY ?s HAVING (EXISTS { " + S + " })",
    "SELECT (EXISTS { " + S + " } AS ?b) WHERE { }",
    "ASK {" + S + "}",
    "CONSTRUCT { ?x ?y ?z } WHERE {" + S + "}",
    "DESCRIBE ?x WHERE {" + S + "}",
    "SELECT * WHERE {\t?s ?p ?o\t.\tSERVICE\t<{url}/x>\t{ ?x ?y ?z } }",
    "SELECT * WHERE { ?s ?p ?o .\fSERVICE <{url}/x> { ?x ?y ?z } }",
    'SELECT * WHERE { ?s ?p "a\\"" . ' + S + " }",
    "SELECT * WHERE { ?s ?p '''a\\''' . " + S + " }",
    "SELECT * WHERE { ?s ?p ?o } #\\u000a SERVICE <{url}/x> { ?x ?y ?z }",
    "SELECT * WHERE { \\u0053ERVICE <{url}/x> { ?x ?y ?z } }",
    "SELECT * WHERE { SERVICE <http:\\u002f\\u002f127.0.0.1:{port}/x> { ?x ?y ?z } }",
    "BASE <{url}/> SELECT * WHERE { SERVICE <x> { ?x ?y ?z } }",
    "LOAD <{url}/data.ttl>",
    "SELECT * WHERE { ?s ?p ?o } ; LOAD <{url}/data.ttl>",
    "PREFIX e: <http://x/> SELECT * WHERE { ?s e:a\\# ?o } ;\nLOAD <{url}/d.ttl>",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built") / "build"
    build(SEED, out, formats=("nq",))
    return out


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    return code, err.getvalue()


@pytest.mark.parametrize("query", BYPASSES)
@pytest.mark.parametrize("where", ["build", "endpoint", "api"])
def test_no_query_text_reaches_the_network(query: str, where: str, built: Path) -> None:
    with listening("record") as listener:
        text = query.replace("{url}", listener.url).replace("{port}", listener.port)
        if where == "api":
            with pytest.raises(UsageError):
                Graph.from_build(built).sparql(text)
        else:
            flag = (
                ["--build", str(built)]
                if where == "build"
                else ["--endpoint", f"{listener.url}/query"]
            )
            code, err = _run(["sparql", text, *flag])
            assert code == 2, err
            assert "Traceback" not in err
        assert listener.seen == []
