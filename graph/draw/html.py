"""The interactive page: a self-contained HTML file that works offline (vis-network).

The vis-network script and stylesheet that ship inside the ``pyvis`` package are
inlined, so the page fetches nothing. The graph travels as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and
every hover card is built with ``textContent``: a quote holding ``<script>`` shows as
text. pyvis's own template is not used because it always loads Bootstrap from a CDN
and pastes titles into the page unescaped.

>>> from schemas import load
>>> from graph.network.projection import project
>>> page = to_html(project(load("data")))
>>> "https://" in page.html.split("<script")[0], "Witkoff told CNN" in page.html
(False, True)
"""

from __future__ import annotations

import html
import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["HTMLGraph", "node_details", "to_html"]

KIND_STYLE: dict[str, tuple[str, str]] = {  # kind -> (vis shape, colour)
    "actor": ("ellipse", "#c6dbef"),
    "concession": ("box", "#fdd0a2"),
    "topic": ("hexagon", "#c7e9c0"),
    "meeting": ("diamond", "#dadaeb"),
    "position": ("dot", "#e5f5e0"),
    "statement": ("square", "#f0f0f0"),
    "source": ("database", "#d9d9d9"),
}
STATUS_COLOUR = {
    "confirmed": "#1b7837",
    "claimed": "#d95f02",
    "disputed": "#b2182b",
    "denied": "#6a6a6a",
}
FIELDS: dict[str, tuple[tuple[str, str], ...]] = {  # kind -> (attribute, heading) shown
    "actor": (("actor_kind", "kind"), ("aliases", "also called"), ("wikidata", "Wikidata")),
    "concession": (
        ("status", "status"),
        ("modality", "modality"),
        ("form", "form"),
        ("date", "made on"),
        ("conditions", "conditions"),
        ("note", "note"),
    ),
    "topic": (("topic_kind", "kind"), ("description", "description")),
    "meeting": (("status", "status"), ("date", "date"), ("location", "venue"), ("note", "note")),
    "position": (("stance", "stance"), ("note", "note")),
    "statement": (
        ("label", "quote"),
        ("speaker_name", "speaker"),
        ("mode", "mode"),
        ("venue", "venue"),
        ("date", "date"),
        ("date_precision", "date precision"),
        ("date_note", "how dated"),
        ("source", "source"),
        ("note", "note"),
    ),
    "source": (("publisher", "publisher"), ("date", "published"), ("url", "url")),
}


def _text(value: Any) -> str:
    if isinstance(value, tuple | list):
        return "; ".join(map(str, value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def node_details(graph: nx.MultiDiGraph, node: str) -> list[tuple[str, str]]:
    """The (heading, text) lines of a node's hover card, plain text (escaped later).

    >>> from schemas import load
    >>> from graph.network.projection import project
    >>> g = project(load("data"))
    >>> dict(node_details(g, "statement:witkoff-cnn-won-concession"))["venue"]
    'CNN'
    """
    data = graph.nodes[node]
    kind = str(data.get("kind", ""))
    lines = [(kind, str(data.get("label", node)))]
    for attr, heading in FIELDS.get(kind, ()):
        if attr in data and attr != "label":
            lines.append((heading, _text(data[attr])))
        elif attr == "label" and kind == "statement":
            lines[0] = ("quote", str(data.get("label", "")))
    for _, v, k in graph.out_edges(node, keys=True):
        if k in ("conceded_to", "benefits", "claims", "made_at", "about", "affiliated_with"):
            lines.append((k.replace("_", " "), str(graph.nodes[v].get("label", v))))
    for u, _, k in graph.in_edges(node, keys=True):
        if k in ("conceded", "attended", "holds"):
            role = graph.edges[u, node, k].get("role")
            who = str(graph.nodes[u].get("label", u)) + (f" ({role})" if role else "")
            names = {"conceded": "conceder", "attended": "participant", "holds": "held by"}
            lines.append((names[k], who))
    if kind == "concession":
        for u, _, k in graph.in_edges(node, keys=True):
            if k == "claims":
                st = graph.nodes[u]
                lines.append(
                    (
                        f"claim ({graph.edges[u, node, k].get('polarity', 'asserts')})",
                        f"{st.get('speaker_name', '')}, {st.get('venue', '')}, "
                        f"{_text(st.get('date', ''))}: {st.get('label', '')}",
                    )
                )
    return lines


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _payload(graph: nx.MultiDiGraph) -> dict[str, Any]:
    nodes = []
    for n, data in graph.nodes(data=True):
        kind = str(data.get("kind", ""))
        shape, colour = KIND_STYLE.get(kind, ("dot", "#ffffff"))
        label = str(data.get("label", n))
        if kind == "statement":
            who = data.get("speaker_name", "")
            who = "the article" if data.get("mode") == "narration" else who
            label = f"{who}, {_text(data.get('date', ''))}"
        border = STATUS_COLOUR.get(str(data.get("status")), "#555555")
        nodes.append(
            {
                "id": n,
                "label": _short(label),
                "group": kind,
                "shape": shape,
                "color": {"background": colour, "border": border},
                "borderWidth": 2 if kind == "concession" else 1,
                "details": node_details(graph, n),
            }
        )
    edges = []
    for u, v, k, data in graph.edges(keys=True, data=True):
        if k == "reported_in":  # every statement's card names its source; the hub clutters
            continue
        status = str(data.get("status", ""))
        edges.append(
            {
                "from": u,
                "to": v,
                "label": k,
                "arrows": "to",
                "dashes": status in ("claimed", "disputed"),
                "color": STATUS_COLOUR.get(status, "#9e9e9e"),
                "width": 3 if k in ("conceded", "conceded_to") else 1,
            }
        )
    return {"nodes": nodes, "edges": edges}


def _script_json(value: Any) -> str:
    """JSON safe inside an HTML <script> element: no '<', '>' or '&' survive raw."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, esc)
    return text


def _asset(name: str) -> str:
    text = resources.files("pyvis").joinpath("lib", "vis-9.1.2", name).read_text("utf-8")
    # drop source-map pointers: devtools would fetch them
    return re.sub(r"(//[#@]|/\*[#@]) sourceMappingURL=[^\s*]+( \*/)?", "", text)


_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  function card(lines) {
    var box = document.createElement("div");
    box.className = "card";
    lines.forEach(function (pair) {
      var row = document.createElement("div");
      var head = document.createElement("b");
      head.textContent = pair[0] + ": ";
      row.appendChild(head);
      row.appendChild(document.createTextNode(pair[1]));
      box.appendChild(row);
    });
    return box;
  }
  var list = document.getElementById("node-list");
  data.nodes.forEach(function (n) {
    n.title = card(n.details);
    var item = document.createElement("li");
    item.textContent = n.label;
    item.dataset.node = n.id;
    list.appendChild(item);
  });
  var network = new vis.Network(document.getElementById("graph"), {
    nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)
  }, {
    nodes: {font: {size: 20}, widthConstraint: {maximum: 220}},
    edges: {font: {size: 9, color: "#777777", strokeWidth: 0}, smooth: {type: "dynamic"}},
    physics: {solver: "forceAtlas2Based", stabilization: {iterations: 400},
              forceAtlas2Based: {gravitationalConstant: -120, springLength: 120, avoidOverlap: 1,
                                 centralGravity: 0.015}},
    interaction: {hover: true, tooltipDelay: 120}
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
    network.fit();
  });
  network.on("afterDrawing", function () {
    document.body.dataset.rendered = String(network.body.nodeIndices.length);
  });
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{css}</style>
<style>
body {{ font-family: sans-serif; margin: 0; }}
header {{ padding: 6px 12px; border-bottom: 1px solid #ddd; font-size: 13px; }}
#graph {{ width: 100%; height: 800px; }}
.card {{ max-width: 420px; white-space: normal; font-size: 12px; line-height: 1.35; }}
#node-list {{ display: none; }}
</style>
</head>
<body>
<header><b>{title}</b> · {legend}</header>
<div id="graph"></div>
<ul id="node-list" aria-label="nodes"></ul>
<script type="application/json" id="graph-data">{data}</script>
<script>{js}</script>
<script>{script}</script>
</body>
</html>
"""


class HTMLGraph:
    """A self-contained page; notebooks show it inline (an iframe with escaped srcdoc)."""

    def __init__(self, page: str) -> None:
        self.html = page

    def __repr__(self) -> str:
        return f"<HTMLGraph: {len(self.html):,} characters of self-contained HTML>"

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" width="100%" '
            'height="820" style="border:0" sandbox="allow-scripts"></iframe>'
        )

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page atomically; returns the path."""
        from graph.files import write_via

        return write_via(path, lambda tmp: Path(tmp).write_text(self.html, "utf-8"))


def to_html(graph: nx.MultiDiGraph, title: str = "detente: who conceded what") -> HTMLGraph:
    """The interactive page of the projection; hover a node to read its details."""
    legend = (
        "ellipse actor · box concession (border: green confirmed, orange claimed) · "
        "hexagon topic · diamond meeting · dot position · square statement · "
        "dashed edge: claimed only by the other side"
    )
    page = _PAGE.format(
        title=html.escape(title),
        legend=html.escape(legend),
        css=_asset("vis-network.css"),
        js=_asset("vis-network.min.js"),
        data=_script_json(_payload(graph)),
        script=_SCRIPT,
    )
    return HTMLGraph(page)
