"""The remote room: shared SPARQL stores, pushed to and asked.

* :mod:`~graph.remote.http`: the HTTP layer (credentials, retries, redaction);
* :mod:`~graph.remote.engine`: :class:`RemoteEngine`, a SPARQL endpoint as an engine of
  :class:`~graph.ask.graph.Graph` (:func:`open_remote`);
* :mod:`~graph.remote.gsp`: :func:`push`, one Graph Store Protocol PUT per named graph;
* :mod:`~graph.remote.server`: :func:`serve`, a local Oxigraph server with the build.
"""

from typing import TYPE_CHECKING

from graph._lazy import exports

if TYPE_CHECKING:
    from graph.remote.engine import RemoteEngine, open_remote
    from graph.remote.gsp import PRESETS, Endpoint, PushReport, push
    from graph.remote.http import Transport
    from graph.remote.server import OxigraphServer, serve

__all__ = [
    "PRESETS",
    "Endpoint",
    "OxigraphServer",
    "PushReport",
    "RemoteEngine",
    "Transport",
    "open_remote",
    "push",
    "serve",
]

__getattr__, __dir__ = exports(
    __name__,
    {
        ".engine": ("RemoteEngine", "open_remote"),
        ".gsp": ("PRESETS", "Endpoint", "PushReport", "push"),
        ".http": ("Transport",),
        ".server": ("OxigraphServer", "serve"),
    },
)
