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

__all__ = ["KIND_STYLE", "HTMLGraph", "label_of", "node_details", "to_html"]

KIND_STYLE: dict[str, tuple[str, str]] = {  # kind -> (vis shape, colour)
    "actor": ("ellipse", "#c6dbef"),
    "concession": ("box", "#fdd0a2"),
    "topic": ("hexagon", "#c7e9c0"),
    "meeting": ("diamond", "#dadaeb"),
    "position": ("dot", "#e5f5e0"),
    "statement": ("square", "#f0f0f0"),
    "source": ("database", "#d9d9d9"),
    "proposal": ("star", "#fdbf6f"),
    "provision": ("triangle", "#ffe8c2"),
    "commitment": ("box", "#d6eaf8"),
    "response": ("triangleDown", "#e0f3f8"),
}
STATUS_COLOUR = {
    "confirmed": "#009E73",
    "claimed": "#E69F00",
    "disputed": "#CC79A7",
    "denied": "#000000",
}
KIND_WORDS = {
    "actor": "actor", "concession": "concession (modality first)", "topic": "topic",
    "meeting": "meeting", "position": "position", "statement": "statement (folded: click a "
    "record)", "source": "source (article)", "proposal": "proposal", "provision": "provision "
    "(folded: click its proposal)", "commitment": "commitment", "response": "response",
}
FIELDS: dict[str, tuple[tuple[str, str], ...]] = {  # kind -> (attribute, heading) shown
    "actor": (("actor_kind", "kind"), ("aliases", "also called"), ("wikidata", "Wikidata")),
    "concession": (
        ("status", "status"),
        ("modality", "modality"),
        ("form", "form"),
        ("date", "made on"),
        ("placement", "placed"),
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
    "commitment": (("status", "status"), ("modality", "modality"), ("date", "made on"),
                   ("placement", "placed"), ("conditions", "conditions"), ("note", "note")),
    "proposal": (("status", "status"), ("date", "date"), ("response_deadline", "deadline"),
                 ("note", "note")),
    "provision": (("number", "point"), ("note", "note")),
    "response": (("response_kind", "response"), ("date", "date"), ("note", "note")),
}


PLACED = {"stated": "as a statement of the source says", "inferred": "inferred by the curator"}
"""How a hover card words a record's ``placement`` of its meeting and date."""


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
        if attr == "placement" and data.get(attr) in PLACED:
            lines.append((heading, PLACED[data[attr]]))
        elif attr in data and attr != "label":
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


def label_of(text: str, width: int = 26, lines: int = 3) -> str:
    """A node label wrapped at word boundaries; what does not fit ends after a whole word.

    >>> label_of("Russia agreed to enshrine in law a pledge not to take more land", 20, 2)
    'Russia agreed to\\nenshrine in law a …'
    """
    import textwrap

    wrapped = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], wrapped[lines - 1] + " …"]
    return "\n".join(wrapped)


FOLDED = ("statement", "source", "provision")
"""Kinds hidden at first, shown when a record they belong to is clicked."""
RECORD_KINDS = ("concession", "commitment", "position", "proposal", "provision", "response",
                "meeting")
"""Records the filters apply to; a click on one unfolds its statements."""


def _node_label(graph: nx.MultiDiGraph, n: str) -> str:
    d = graph.nodes[n]
    kind = str(d.get("kind", ""))
    text = str(d.get("label", n))
    if kind == "concession":
        modality = str(d.get("modality", ""))
        head = modality.upper() + (f" · {d.get('status')}" if modality == "made" else "")
        return head + "\n" + label_of(text, 28, 3)
    if kind == "commitment":
        return f"COMMITMENT · {str(d.get('modality', '')).upper()}\n" + label_of(text, 28, 3)
    if kind == "position":
        holder = [str(graph.nodes[u].get("label", u)) for u, _, k in
                  graph.in_edges(n, keys=True) if k == "holds"]
        stance = str(d.get("stance", "")).replace("_", " ")
        return label_of(f"{', '.join(holder)} {stance}: {text}", 28, 3)
    if kind == "statement":
        who = d.get("speaker_name", "")
        return label_of(f"{who}, {d.get('venue', '')}, {_text(d.get('date', ''))}", 28, 2)
    if kind == "source":
        return label_of(f"{d.get('publisher') or 'source'}: {text}", 28, 2)
    return label_of(text, 26, 3)


def _positions(graph: nx.MultiDiGraph, owners: dict[str, list[str]]) -> dict[str, tuple[int, int]]:
    """Where each node sits: the static figure's layered layout, then each other node
    beside what it belongs to. No randomness, so the same graph gives the same bytes."""
    from graph.draw import layers, static

    roles, texts, edges, _ = static.scene(graph)
    boxes = [layers.Box(n, static.ROW[r], 0, 0) for n, r in roles.items()]
    static.measure(boxes, texts, roles)
    layers.place(boxes, [(u, v) for u, v, _ in edges])
    pos: dict[str, tuple[float, float]] = {b.node: (b.x * 1.3, -b.y * 1.4) for b in boxes}
    near: dict[str, list[str]] = {}
    for u, v in graph.to_undirected(as_view=True).edges():
        near.setdefault(u, []).append(v)
        near.setdefault(v, []).append(u)
    folded = {n for n, k in graph.nodes(data="kind") if k in FOLDED}
    top = min((y for _, y in pos.values()), default=0.0)
    bottom = max((y for _, y in pos.values()), default=0.0)
    rows: dict[float, list[tuple[float, str]]] = {}
    for n in sorted(graph):  # the rest of the first view: a row above or below
        if n in pos or n in folded:
            continue
        xs = [pos[a][0] for a in near.get(n, []) if a in pos]
        y = top - 170 if xs else bottom + 170
        rows.setdefault(y, []).append((sum(xs) / len(xs) if xs else 0.0, n))
    for y, row in rows.items():
        row.sort()
        x_prev = -1e9
        for want, n in row:
            x_prev = max(want, x_prev + 190)
            pos[n] = (x_prev, y)
    fan: dict[str, int] = {}
    for n in sorted(folded):  # unfolded on a click: fanned out under what they belong to
        anchors = [a for a in owners.get(n, []) + near.get(n, []) if a in pos]
        a = anchors[0] if anchors else ""
        k = fan.get(a, 0)
        fan[a] = k + 1
        x0, y0 = pos.get(a, (0.0, bottom + 340))
        pos[n] = (x0 + (1 if k % 2 else -1) * (90 + 70 * (k // 2)), y0 + 80 + 40 * (k // 2))
    return {n: (round(x), round(y)) for n, (x, y) in pos.items()}


def _facets(graph: nx.MultiDiGraph, n: str, claims: list[str]) -> dict[str, Any]:
    d = graph.nodes[n]
    ends = [*graph.predecessors(n), *graph.successors(n)]
    actors = {graph.nodes[a]["record_id"] for a in ends if graph.nodes[a].get("kind") == "actor"}
    speakers = {v for s in claims for _, v, k in graph.out_edges(s, keys=True) if k == "said_by"}
    actors |= {graph.nodes[a]["record_id"] for a in speakers
               if graph.nodes[a].get("kind") == "actor"}
    topics = {graph.nodes[t]["record_id"] for t in ends if graph.nodes[t].get("kind") == "topic"}
    dates = sorted(_text(graph.nodes[s]["date"]) for s in claims if "date" in graph.nodes[s])
    return {
        "actors": sorted(actors), "topics": sorted(topics),
        "sources": sorted({str(graph.nodes[s].get("source")) for s in claims}),
        "modality": str(d.get("modality", "")), "status": str(d.get("status", "")),
        "first": dates[0] if dates else "", "last": dates[-1] if dates else "",
    }  # fmt: skip


def _payload(graph: nx.MultiDiGraph) -> dict[str, Any]:
    kind = dict(graph.nodes(data="kind"))
    claims: dict[str, list[str]] = {}
    owners: dict[str, list[str]] = {}
    for u, v, k in graph.edges(keys=True):
        if k == "claims":
            claims.setdefault(v, []).append(u)
            owners.setdefault(u, []).append(v)
        elif k == "has_provision":
            owners.setdefault(v, []).append(u)
    for u, v, k in graph.edges(keys=True):
        if k == "said_by" and kind.get(v) == "source":
            owners.setdefault(v, []).extend(owners.get(u, []))
    pos = _positions(graph, owners)
    nodes = []
    for n, data in graph.nodes(data=True):
        k = str(data.get("kind", ""))
        shape, colour = KIND_STYLE.get(k, ("dot", "#ffffff"))
        details = node_details(graph, n)
        record = k in RECORD_KINDS
        folded = k in FOLDED
        nodes.append({
            "id": n, "label": _node_label(graph, n), "kind": k, "shape": shape,
            "color": {"background": colour,
                      "border": STATUS_COLOUR.get(str(data.get("status")), "#555555")},
            "borderWidth": 2 if k == "concession" else 1,
            "shapeProperties": {"borderDashes": [5, 4] if k == "concession"
                                and data.get("modality") != "made" else False},
            "details": details, "x": pos[n][0], "y": pos[n][1], "record": record,
            "folded": folded, "owners": sorted(set(owners.get(n, []))),
            "search": " ".join([n, *(text for pair in details for text in pair)]).lower(),
            "facets": _facets(graph, n, claims.get(n, [])) if record else {},
        })  # fmt: skip
    edges = []
    for u, v, k, data in graph.edges(keys=True, data=True):
        if k == "reported_in":  # every statement's card names its source; the hub clutters
            continue
        status = str(data.get("status", ""))
        edges.append({
            "from": u, "to": v, "label": k.replace("_", " "), "arrows": "to",
            "dashes": status in ("claimed", "disputed") or k == "claims",
            "color": STATUS_COLOUR.get(status, EDGE_COLOUR.get(k, "#9e9e9e")),
            "width": 3 if k in ("conceded", "conceded_to") else 1,
        })  # fmt: skip
    return {"nodes": nodes, "edges": edges, "choices": _choices(graph, nodes),
            "legend": _legend()}


def _choices(graph: nx.MultiDiGraph, nodes: list[dict[str, Any]]) -> dict[str, list[Any]]:
    facets = [n["facets"] for n in nodes if n["record"]]
    label = {str(d.get("record_id")): str(d.get("label")) for _, d in graph.nodes(data=True)
             if d.get("kind") in ("actor", "topic", "source")}

    def of(key: str, many: bool) -> list[list[str]]:
        values = {v for f in facets for v in (f[key] if many else [f[key]]) if v}
        return [[v, label.get(v, v)] for v in sorted(values, key=lambda v: label.get(v, v))]

    return {"actor": of("actors", True), "topic": of("topics", True),
            "source": of("sources", True), "modality": of("modality", False),
            "status": of("status", False)}


EDGE_COLOUR = {"claims": "#0072B2", "benefits": "#56B4E9", "demanded": "#D55E00"}
SVG_SHAPE = {  # vis shape -> (svg element, attributes)
    "ellipse": ("ellipse", {"cx": "13", "cy": "7", "rx": "11", "ry": "6"}),
    "box": ("rect", {"x": "2", "y": "2", "width": "22", "height": "10", "rx": "2"}),
    "hexagon": ("polygon", {"points": "7,1 19,1 25,7 19,13 7,13 1,7"}),
    "diamond": ("polygon", {"points": "13,1 24,7 13,13 2,7"}),
    "dot": ("circle", {"cx": "13", "cy": "7", "r": "5"}),
    "square": ("rect", {"x": "8", "y": "2", "width": "10", "height": "10"}),
    "database": ("rect", {"x": "6", "y": "1", "width": "14", "height": "12", "rx": "5"}),
    "triangle": ("polygon", {"points": "13,1 24,13 2,13"}),
    "star": ("polygon", {"points": "13,1 16,6 22,6 17,9 19,13 13,10 7,13 9,9 4,6 10,6"}),
    "triangleDown": ("polygon", {"points": "2,1 24,1 13,13"}),
}


def _legend() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for k, (shape, colour) in KIND_STYLE.items():
        tag, attrs = SVG_SHAPE[shape]
        out.append({"shape": tag, "line": False, "words": KIND_WORDS[k],
                    "attrs": {**attrs, "fill": colour, "stroke": "#555555"}})
    for status, colour in STATUS_COLOUR.items():
        out.append({"line": True, "words": f"conceded, {status}" + (
            " (dashed)" if status in ("claimed", "disputed") else ""), "attrs": {
            "x1": "1", "y1": "7", "x2": "25", "y2": "7", "stroke": colour, "stroke-width": "3",
            "stroke-dasharray": "5,3" if status in ("claimed", "disputed") else "none"}})
    for k, colour in EDGE_COLOUR.items():
        out.append({"line": True, "words": k + (" (statement → record)" if k == "claims" else ""),
                    "attrs": {"x1": "1", "y1": "7", "x2": "25", "y2": "7", "stroke": colour,
                              "stroke-width": "2",
                              "stroke-dasharray": "5,3" if k == "claims" else "none"}})
    out.append({"shape": "rect", "line": False, "words": "concession not made (dashed border)",
                "attrs": {"x": "2", "y": "2", "width": "22", "height": "10", "fill": "#fdd0a2",
                          "stroke": "#555555", "stroke-dasharray": "3,2"}})
    out.append({"line": True, "words": "other relation (label on the line)", "attrs": {
        "x1": "1", "y1": "7", "x2": "25", "y2": "7", "stroke": "#9e9e9e", "stroke-width": "1"}})
    return out

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
    """The interactive page of the projection: same graph, same bytes.

    >>> from schemas import load
    >>> from graph.network.projection import project
    >>> g = project(load("data"))
    >>> to_html(g).html == to_html(g).html
    True
    """
    from graph.draw.page import PAGE, SCRIPT, STYLE

    page = PAGE.format(
        title=html.escape(title),
        css=_asset("vis-network.css"),
        style=STYLE,
        js=_asset("vis-network.min.js"),
        data=_script_json(_payload(graph)),
        script=SCRIPT,
    )
    return HTMLGraph(page)
