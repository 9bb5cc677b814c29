"""HTTP for remote SPARQL stores: timeouts, bounded replies, retries, credentials, redaction.

Requests go through httpx (``httpx.Client``): :class:`Transport` sends one request and

* gives up after ``timeout`` seconds per attempt, *in total*: connecting, sending,
  and every read of the reply count against one deadline (a server trickling one
  byte a second is cut off at the deadline, not kept alive by each byte);
* reads at most ``max_bytes`` of a reply (:data:`MAX_REPLY_BYTES` by default),
  streaming it and stopping as soon as it grows past that, so an endless reply
  costs that much memory and no more;
* retries 5xx replies, timeouts and connection errors (refused, reset) up to
  ``retries`` times with exponential backoff (``backoff * 2**n``, capped, and a
  server's ``Retry-After`` honoured up to the cap); never retries a 4xx or an
  over-long reply;
* never follows redirects (they could carry credentials to another host);
* raises :class:`~schemas.errors.EndpointError` naming the endpoint (redacted)
  and the HTTP status.

Credentials (:func:`credentials`) come from ``DETENTE_ENDPOINT_TOKEN`` (Bearer),
``DETENTE_ENDPOINT_USER`` + ``DETENTE_ENDPOINT_PASSWORD``, the URL's userinfo, or
``~/.netrc`` (``$NETRC``), in that order. They are sent only in the
``Authorization`` header. A token goes with every request; a user and password
(:meth:`Auth.login`) only once the server asks for them (a 401), in the scheme
its challenge offers: HTTP Digest when it offers Digest (Virtuoso's graph store
does; the password itself never travels), else Basic. The scheme chosen is
kept for the transport's later requests, so a push is not sent twice per graph.
Every message detente prints goes through :func:`redact`, which drops userinfo
and secret query parameters. Tests replace the network with
``httpx.MockTransport`` (``Transport(wire=...)``).

>>> redact("http://alice:s3cret@example.org:7878/store?graph=x&token=abc")
'http://***@example.org:7878/store?graph=x&token=***'
>>> Auth.basic("alice", "s3cret"), Auth.login("alice", "s3cret")
(Auth(scheme='Basic', secret=***), Auth(scheme='Login', secret=***))
>>> import httpx
>>> wire = httpx.MockTransport(lambda request: httpx.Response(200, content=b"x" * 100))
>>> Transport(wire=wire).request("GET", "http://store.example/q").body[:3]
b'xxx'
>>> Transport(wire=wire, max_bytes=10).request("GET", "http://store.example/q")
Traceback (most recent call last):
...
schemas.errors.EndpointError: http://store.example/q (HTTP 200): the reply is over 10 bytes; \
ask for less (a LIMIT), or raise the limit
"""

from __future__ import annotations

import base64
import email.utils
import functools
import math
import netrc
import os
import ssl
import time
import urllib.parse
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from schemas.errors import EndpointError, UsageError

__all__ = [
    "ENV_PASSWORD",
    "ENV_TOKEN",
    "ENV_USER",
    "MAX_REPLY_BYTES",
    "Auth",
    "Reply",
    "Transport",
    "credentials",
    "redact",
]

ENV_TOKEN = "DETENTE_ENDPOINT_TOKEN"  # noqa: S105 - the variable's name, not a secret
"""Environment variable holding a bearer token."""
ENV_USER = "DETENTE_ENDPOINT_USER"
"""Environment variable holding the user name (HTTP Digest or Basic authentication)."""
ENV_PASSWORD = "DETENTE_ENDPOINT_PASSWORD"  # noqa: S105 - the variable's name, not a secret
"""Environment variable holding the password that goes with :data:`ENV_USER`."""

_SECRET_PARAMS = frozenset({"token", "access_token", "apikey", "api_key", "key", "password"})
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_MAX_WAIT = 8.0

MAX_REPLY_BYTES = 64 * 1024 * 1024
"""The largest reply read by default (64 MiB); past it the request fails."""


@functools.cache
def _tls(trust_env: bool) -> ssl.SSLContext:
    """The TLS context, made once: loading the CA bundle costs about 25 ms a client."""
    return httpx.create_ssl_context(trust_env=trust_env)


def redact(url: str) -> str:
    """``url`` without userinfo and with secret query parameters masked (for messages)."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    netloc = parts.netloc
    if "@" in netloc:
        netloc = "***@" + netloc.rsplit("@", 1)[1]
    query = parts.query
    if query:
        pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
        if any(k.lower() in _SECRET_PARAMS for k, _ in pairs):
            query = "&".join(
                f"{k}=***" if k.lower() in _SECRET_PARAMS else urllib.parse.urlencode({k: v})
                for k, v in pairs
            )
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


@dataclass(frozen=True)
class Auth:
    """Credentials for the ``Authorization`` header; the ``repr`` never shows the secret.

    ``Basic`` and ``Bearer`` are sent with every request; ``Login`` (a user and
    password from the environment, the URL or ``~/.netrc``) only when the server
    asks, as Digest or Basic (see the module docstring).
    """

    scheme: str
    secret: str = field(repr=False)
    user: str = field(default="", repr=False)

    @classmethod
    def basic(cls, user: str, password: str) -> Auth:
        """HTTP Basic credentials, sent with every request."""
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return cls("Basic", token)

    @classmethod
    def bearer(cls, token: str) -> Auth:
        """A bearer token."""
        return cls("Bearer", token)

    @classmethod
    def login(cls, user: str, password: str) -> Auth:
        """A user and password, answered to the server's challenge (Digest, else Basic)."""
        return cls("Login", password, user)

    def header(self) -> str:
        """The ``Authorization`` header value (of a Basic or Bearer credential)."""
        if self.scheme == "Login":
            raise ValueError("a login is answered to a challenge; use flow()")
        return f"{self.scheme} {self.secret}"

    def flow(self) -> httpx.Auth:
        """An httpx authentication flow sending these credentials."""
        if self.scheme == "Login":
            return _Challenged(self.user, self.secret)
        return _Header(self.header())

    def __repr__(self) -> str:
        return f"Auth(scheme={self.scheme!r}, secret=***)"


class _Header(httpx.Auth):
    """Sends one ``Authorization`` header with every request."""

    def __init__(self, value: str) -> None:
        self._value = value

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._value
        yield request


class _Challenged(httpx.Auth):
    """A user and password sent only after a 401: Digest when offered, else Basic.

    The first request goes without credentials; the scheme the server then asks
    for is kept, so later requests are answered at once (Digest reusing the
    server's nonce, which httpx's ``DigestAuth`` renews when the server calls
    it stale).
    """

    def __init__(self, user: str, password: str) -> None:
        self._digest = httpx.DigestAuth(user, password)
        self._basic = httpx.BasicAuth(user, password)
        self._chosen: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._chosen is not None:
            yield from self._chosen.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        offers = {h.split(" ", 1)[0].lower() for h in response.headers.get_list("www-authenticate")}
        if "digest" not in offers:
            self._chosen = self._basic
            yield from self._basic.auth_flow(request)
            return
        self._chosen = self._digest
        flow = self._digest.auth_flow(request)
        next(flow)  # the request without credentials: already sent, and answered 401
        try:
            answered = flow.send(response)
        except StopIteration:
            return
        yield answered


def credentials(url: str, env: Mapping[str, str] | None = None) -> Auth | None:
    """Credentials for ``url``: environment, then the URL's userinfo, then ``~/.netrc``.

    >>> credentials("http://127.0.0.1:7878/query", env={ENV_TOKEN: "t0k"})
    Auth(scheme='Bearer', secret=***)
    >>> credentials("http://127.0.0.1:7878/query", env={"NETRC": "/nonexistent"}) is None
    True
    """
    env = os.environ if env is None else env
    if env.get(ENV_TOKEN):
        return Auth.bearer(env[ENV_TOKEN])
    if env.get(ENV_USER):
        return Auth.login(env[ENV_USER], env.get(ENV_PASSWORD, ""))
    parts = urllib.parse.urlsplit(url)
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        return Auth.login(user, urllib.parse.unquote(parts.password or ""))
    path = Path(env["NETRC"]) if env.get("NETRC") else Path.home() / ".netrc"
    if not path.is_file() or parts.hostname is None:
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(parts.hostname)
    except (netrc.NetrcParseError, OSError):
        # the parser's message can quote the file's lines, so it is not shown
        raise UsageError(f"{path} cannot be read as a netrc file; fix it or remove it") from None
    if entry is None:
        return None
    login, _, password = entry
    return Auth.login(login or "", password or "")


def _strip_userinfo(url: str) -> str:
    """``url`` without ``user:password@`` (credentials travel in a header instead)."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


@dataclass
class Reply:
    """A successful HTTP reply."""

    status: int
    body: bytes
    content_type: str
    headers: Mapping[str, str] = field(default_factory=dict)


class _AttemptError(Exception):
    """One attempt failed; ``retry`` says whether another may do better."""

    def __init__(self, message: str, status: int | None, retry: bool, after: float | None = None):
        super().__init__(message)
        self.message, self.status, self.retry, self.after = message, status, retry, after


@dataclass
class Transport:
    """Sends HTTP requests with a total deadline, bounded replies, retries and credentials.

    ``sleep`` is injectable so tests can count waits instead of waiting;
    ``attempts`` counts every request sent (retries included); ``wire`` replaces
    the network (an ``httpx.MockTransport`` in tests).
    """

    auth: Auth | None = None
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    sleep: Callable[[float], None] = time.sleep
    attempts: int = 0
    max_bytes: int = MAX_REPLY_BYTES
    wire: httpx.BaseTransport | None = None
    _flow: httpx.Auth | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if not (math.isfinite(self.timeout) and self.timeout > 0):
            raise UsageError(f"--timeout must be a positive number of seconds, not {self.timeout}")
        if self.retries < 0:
            raise UsageError(f"--retries must be 0 or more, not {self.retries}")

    @classmethod
    def for_url(cls, url: str, **options: float | int) -> Transport:
        """A transport with the credentials :func:`credentials` finds for ``url``."""
        return cls(credentials(url), **options)  # type: ignore[arg-type]

    def request(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reply:
        """Send one request (retrying as described above) and return the reply."""
        target = _strip_userinfo(url)
        parts = urllib.parse.urlsplit(target)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"{redact(url)} is not an http(s) URL")
        sent = dict(headers or {})
        if self.auth is not None and self._flow is None:
            self._flow = self.auth.flow()  # kept: a Digest challenge answers later requests
        failure: _AttemptError | None = None
        with httpx.Client(
            transport=self.wire,
            follow_redirects=False,
            timeout=httpx.Timeout(self.timeout),
            trust_env=parts.hostname not in _LOOPBACK,  # no proxy for this machine
            verify=_tls(parts.hostname not in _LOOPBACK),
        ) as client:
            for attempt in range(self.retries + 1):
                if attempt:
                    self.sleep(self._wait(attempt, failure.after if failure else None))
                self.attempts += 1
                try:
                    return self._once(client, method, target, body, sent)
                except _AttemptError as err:
                    if not err.retry:
                        raise EndpointError(redact(url), err.message, err.status) from None
                    failure = err
        tries = self.retries + 1
        assert failure is not None
        raise EndpointError(
            redact(url),
            f"{failure.message} (gave up after {tries} attempt{'s' * (tries > 1)})",
            failure.status,
        )

    def _once(
        self,
        client: httpx.Client,
        method: str,
        url: str,
        body: bytes | None,
        headers: dict[str, str],
    ) -> Reply:
        deadline = time.monotonic() + self.timeout
        late = f"no complete reply within {self.timeout:g} s"
        try:
            with client.stream(
                method, url, content=body, headers=headers, auth=self._flow
            ) as response:
                status = response.status_code
                if status >= 300:
                    detail = _detail(response, deadline)
                    if status < 500:
                        raise _AttemptError(_explain(status, detail), status, retry=False)
                    after = _retry_after(response.headers.get("Retry-After"))
                    raise _AttemptError(detail or response.reason_phrase or "server error", status,
                                  retry=True, after=after)  # fmt: skip
                chunks = bytearray()
                for chunk in response.iter_bytes():
                    chunks += chunk
                    if len(chunks) > self.max_bytes:
                        raise _AttemptError(
                            f"the reply is over {self.max_bytes:,} bytes; ask for less "
                            "(a LIMIT), or raise the limit",
                            status,
                            retry=False,
                        )
                    if time.monotonic() > deadline:
                        raise _AttemptError(late, None, retry=True)
                media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
                return Reply(
                    status, bytes(chunks), media or "application/octet-stream", response.headers
                )
        except httpx.TimeoutException:
            raise _AttemptError(late, None, retry=True) from None
        except (httpx.TransportError, httpx.StreamError, OSError) as err:
            raise _AttemptError(f"cannot connect ({_plain(err) or type(err).__name__})", None,
                          retry=True) from None  # fmt: skip

    def _wait(self, attempt: int, retry_after: float | None) -> float:
        wait: float = min(self.backoff * 2.0 ** (attempt - 1), _MAX_WAIT)
        if retry_after is not None:
            wait = min(max(wait, retry_after), _MAX_WAIT)
        return wait


def _detail(response: httpx.Response, deadline: float) -> str:
    """The start of an error reply's body (400 bytes at most, within the deadline)."""
    got = bytearray()
    try:
        for chunk in response.iter_bytes():
            got += chunk
            if len(got) >= 400 or time.monotonic() > deadline:
                break
    except (httpx.HTTPError, OSError):
        return ""
    text = bytes(got[:400]).decode("utf-8", "replace")
    return " ".join(text.split())[:200]


def _plain(reason: object) -> str:
    return " ".join(str(reason).split())[:200]


def _explain(status: int, detail: str) -> str:
    if status in (401, 403):
        what = "needs credentials" if status == 401 else "refused the credentials or the operation"
        return (
            f"the endpoint {what}; set {ENV_USER} and {ENV_PASSWORD}, or {ENV_TOKEN}, "
            "or add a ~/.netrc entry for its host"
        )
    if 300 <= status < 400:
        return "the endpoint redirects; give the URL it redirects to"
    if status == 404:
        return "no such endpoint; check the URL and --preset" + (f": {detail}" if detail else "")
    return detail or "the request was refused"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, float(when.timestamp()) - time.time())
