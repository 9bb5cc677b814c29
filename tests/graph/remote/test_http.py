"""A user and password go only to a server that asks, as Digest when it offers Digest."""

from __future__ import annotations

import base64

import httpx
import pytest

from graph.remote.engine import RemoteEngine
from graph.remote.http import Auth, Transport
from schemas.errors import EndpointError

DIGEST = 'Digest realm="SPARQL", nonce="abc123", qop="auth", opaque="xyz"'
SECRET = "s3cret-passw0rd"


class Store:
    """A scripted store: 401 with ``challenge`` until a request carries the right scheme."""

    def __init__(self, challenge: str | None, scheme: str, headers: dict[str, str] | None = None):
        self.challenge, self.scheme = challenge, scheme
        self.headers = headers or {}
        self.seen: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        sent = request.headers.get("Authorization", "")
        self.seen.append(sent)
        if self.scheme and not sent.startswith(self.scheme):
            head = {"WWW-Authenticate": self.challenge} if self.challenge else {}
            return httpx.Response(401, headers=head)
        body = b'{"head": {"vars": []}, "results": {"bindings": []}}'
        return httpx.Response(
            200, content=body, headers={"Content-Type": "application/json", **self.headers}
        )


def transport(store: Store, auth: Auth | None) -> Transport:
    return Transport(auth, retries=0, wire=httpx.MockTransport(store))


def never_sent(store: Store) -> None:
    plain = base64.b64encode(f"alice:{SECRET}".encode()).decode()
    assert all(SECRET not in h and plain not in h for h in store.seen)


@pytest.mark.parametrize(
    ("challenge", "scheme"), [(DIGEST, "Digest"), ('Basic realm="x"', "Basic"), (None, "Basic")]
)
def test_a_login_answers_the_challenge_it_is_given(challenge: str | None, scheme: str) -> None:
    store = Store(challenge, scheme)
    http = transport(store, Auth.login("alice", SECRET))
    for _ in range(3):
        http.request("PUT", "http://store.example/gsp?graph=g", b"<a> <b> <c> .")
    # the first request goes bare; the scheme asked for is kept for the next ones
    assert store.seen[0] == "" and len(store.seen) == 4
    assert all(h.startswith(scheme) for h in store.seen[1:])
    if scheme == "Digest":
        never_sent(store)
        assert 'username="alice"' in store.seen[1] and "nc=00000002" in store.seen[2]


def test_no_credentials_go_to_a_server_that_does_not_ask() -> None:
    store = Store(None, "")
    transport(store, Auth.login("alice", SECRET)).request("POST", "http://store.example/sparql")
    assert store.seen == [""]


def test_a_refused_login_is_a_clean_401() -> None:
    store = Store(DIGEST, "Never")
    with pytest.raises(EndpointError) as err:
        transport(store, Auth.login("alice", SECRET)).request("PUT", "http://store.example/g")
    assert err.value.status == 401 and SECRET not in str(err.value)
    never_sent(store)


def test_a_token_goes_with_every_request() -> None:
    store = Store(None, "Bearer")
    transport(store, Auth.bearer("t0k")).request("GET", "http://store.example/q")
    assert store.seen == ["Bearer t0k"]


def test_a_login_has_no_fixed_header() -> None:
    with pytest.raises(ValueError, match="challenge"):
        Auth.login("alice", SECRET).header()
    assert SECRET not in repr(Auth.login("alice", SECRET))


@pytest.mark.parametrize(
    ("headers", "says"),
    [
        ({"X-SPARQL-MaxRows": "10000"}, "cut the answer at 10000 rows"),
        ({"X-SQL-State": "S1TAT", "X-SQL-Message": "RC...: Returning incomplete results"},
         "partial answer (S1TAT"),
    ],
)  # fmt: skip
def test_a_cut_answer_is_an_error_not_a_short_one(headers: dict[str, str], says: str) -> None:
    store = Store(None, "", headers)
    engine = RemoteEngine("http://store.example/sparql", transport(store, None))
    with pytest.raises(EndpointError, match=says.replace("(", r"\(")):
        engine.select("SELECT ?s WHERE { ?s ?p ?o }")


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ({"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": [
            {"__ASK_RETVAL": {"type": "typed-literal", "value": "1",
                              "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}, True),
        ({"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": []}}, False),
        ({"head": {}, "boolean": False}, False),
    ],
)  # fmt: skip
def test_ask_comes_back_a_boolean(reply: dict[str, object], expected: bool) -> None:
    wire = httpx.MockTransport(lambda request: httpx.Response(200, json=reply))
    engine = RemoteEngine("http://store.example/sparql", Transport(retries=0, wire=wire))
    assert engine.run("ASK { ?s ?p ?o }") is expected


def test_queries_are_url_encoded_posts_asking_for_the_form_they_are() -> None:
    sent: list[httpx.Request] = []

    def store(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if "json" in request.headers["Accept"]:
            return httpx.Response(200, json={"head": {"vars": []}, "results": {"bindings": []}})
        return httpx.Response(200, text="<http://e/a>\t<http://e/p>\t\"1\"^^<http://www.w3.org/2001/"
                              "XMLSchema#unsignedByte> .\n",
                              headers={"Content-Type": "application/n-triples"})  # fmt: skip

    engine = RemoteEngine("http://store.example/sparql", Transport(wire=httpx.MockTransport(store)))
    engine.run("SELECT * WHERE { ?s ?p ?o }")
    triples = engine.run("CONSTRUCT WHERE { ?s ?p ?o }")
    assert [r.headers["Content-Type"] for r in sent] == ["application/x-www-form-urlencoded"] * 2
    assert sent[0].content.startswith(b"query=SELECT")
    assert sent[0].headers["Accept"] == "application/sparql-results+json"
    assert sent[1].headers["Accept"].startswith("application/n-triples")
    assert triples == (
        '<http://e/a> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    )
