"""The static picture: who conceded what to whom, according to whom (matplotlib).

Five rows, laid out by :mod:`graph.draw.layers` so that no line passes under a box
it does not end at:

====  ==========================================================================
row   what it holds
====  ==========================================================================
0     meetings where a drawn record is said to have been made
1     voices: the people, outlets and articles that claim (and members who speak
      for a party)
2     the claims: concessions and commitments (modality first, then the answer
      in :func:`graph.ask.words.answer`'s words)
3     parties: conceders, counterparts, beneficiaries, demanders, committers
4     positions: holder, stance, according to whom (a line from holder to topic)
5     topics
====  ==========================================================================

The colour of a conceder's and counterpart's line is the concession's status
(Okabe-Ito colours, safe for colour-blind readers, each with its own dash too). A
place or date is printed as stated when a statement places it there, else as inferred
by the curator (the record's ``placement``).

>>> from schemas import load
>>> from graph.network.projection import project
>>> fig = draw_network(project(load("data")))
>>> label_overlaps(fig), edge_crossings(fig)
([], [])
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from typing import TYPE_CHECKING, Any, ParamSpec

from graph.draw import layers
from graph.draw.layers import Box

if TYPE_CHECKING:
    from collections.abc import Callable

    import networkx as nx
    from matplotlib.figure import Figure

__all__ = ["EDGE_STYLE", "NODE_STYLE", "ROW", "STATUS_STYLE", "draw_network", "edge_crossings",
           "label_overlaps", "measure", "plain_text", "scene"]

_P = ParamSpec("_P")


def plain_text(draw: Callable[_P, Figure]) -> Callable[_P, Figure]:
    """Draw with every text shown as written: ``$...$`` in a name is not TeX (nor a crash).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("actor:x", kind="actor", label="Steve $\\frac{$ Witkoff")
    >>> draw_network(g).savefig(__import__("io").BytesIO(), format="svg")
    """
    import functools

    @functools.wraps(draw)
    def drawn(*args: _P.args, **kwargs: _P.kwargs) -> Figure:
        import matplotlib as mpl
        from matplotlib.text import Text

        with mpl.rc_context({"text.parse_math": False}):
            fig = draw(*args, **kwargs)
        for text in fig.findobj(Text):
            text.set_parse_math(False)
        return fig

    return drawn


# Okabe-Ito: orange, sky blue, bluish green, yellow, blue, vermilion, reddish purple, black
STATUS_STYLE: dict[str, tuple[str, Any, str]] = {
    "confirmed": ("#009E73", "solid", "confirmed by the conceder's side"),
    "claimed": ("#E69F00", (0, (5, 3)), "claimed only by others"),
    "disputed": ("#CC79A7", (0, (1, 2)), "disputed: denied by others"),
    "denied": ("#000000", (0, (6, 2, 1, 2)), "denied by the conceder's side"),
}
"""Corroboration -> (colour, dash, legend words) of the conceder's and counterpart's lines."""
NOT_MADE = ("#7f7f7f", (0, (2, 2)), "not a concession made: offered, hypothetical, "
            "demanded, proposed or expected")
EDGE_STYLE: dict[str, tuple[str, Any, float, str]] = {
    "claims": ("#0072B2", (0, (1, 1.5)), 1.3, "according to: voice → what it claims"),
    "denies": ("#D55E00", (0, (4, 1.5, 1, 1.5)), 1.3, "denied by: voice → what it denies"),
    "benefits": ("#56B4E9", (0, (8, 2)), 1.6, "benefits: concession or commitment → actor"),
    "demanded": ("#D55E00", "solid", 1.4, "demands it: actor → concession"),
    "affiliated_with": ("#9a9a9a", "solid", 1.0, "speaks for (affiliation): member → party"),
    "about": ("#b0b0b0", "solid", 0.9, "is about a topic (or topic within a topic)"),
    "holds": ("#6f6f6f", "solid", 1.0, "holds a position: actor → position → topic"),
    "attended": ("#c9b3d9", "solid", 0.9, "took part in a meeting"),
    "made_at": ("#8c6bb1", (0, (3, 2)), 1.0, "made at a meeting (as stated, or inferred)"),
    "committed": ("#0072B2", "solid", 1.6, "commits: committer → commitment → partner"),
}
"""Edge kind -> (colour, dash, width, legend words) of every other line."""
# role -> (face, edge colour, box style, weight, legend words)
NODE_STYLE: dict[str, tuple[str, str, str, str, str]] = {
    "party": ("#dbe9f6", "#0072B2", "square,pad=0.5", "bold", "party: state, alliance, group"),
    "voice": ("#ffffff", "#0072B2", "round,pad=0.45", "normal",
              "voice: person, outlet or article (role)"),
    "concession": ("#fff4dc", "#E69F00", "round4,pad=0.5", "normal",
                   "concession reported made: MADE · status, then who says so"),
    "pending": ("#f4f4f4", "#7f7f7f", "round4,pad=0.5", "normal",
                "concession not made: OFFERED, HYPOTHETICAL, DEMANDED, PROPOSED, EXPECTED"),
    "commitment": ("#e3f1fa", "#0072B2", "round4,pad=0.5", "normal",
                   "commitment: modality, committer, who says so"),
    "position": ("#ffffff", "#6f6f6f", "round,pad=0.4", "normal",
                 "position: holder, stance, according to whom"),
    "meeting": ("#f1ecf7", "#8c6bb1", "round,pad=0.5,rounding_size=0.9", "normal",
                "meeting: status, date (dashed border: not held)"),
    "topic": ("#eeeeee", "#555555", "sawtooth,pad=0.45", "normal", "topic on the table"),
}
ROW = {"meeting": 0, "voice": 1, "concession": 2, "pending": 2, "commitment": 2,
       "party": 3, "position": 4, "topic": 5}
VOICE_KINDS = {"person", "media_outlet"}
FONT = 8.5


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def measure(boxes: list[Box], texts: dict[str, str], roles: dict[str, str]) -> None:
    """Set each box's width and height in points from its text (pad included)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(dpi=72)
    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    for b in boxes:
        style = NODE_STYLE[roles[b.node]]
        t = fig.text(0, 0, texts[b.node], fontsize=FONT, weight=style[3], ha="center",
                     va="center", multialignment="center", parse_math=False)
        ext = t.get_window_extent(renderer)
        pad = 2 * float(style[2].split("pad=")[1].split(",")[0]) * FONT
        b.w, b.h = ext.width + pad, ext.height + pad


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    """A node's name; an article speaking for itself is named after its publisher."""
    d = graph.nodes[node]
    if d.get("kind") == "source":
        return f"{d['publisher']} (the article)" if d.get("publisher") else "the article itself"
    return str(d.get("label", node))


def _names(graph: nx.MultiDiGraph, nodes: list[str]) -> str:
    return ", ".join(dict.fromkeys(_name(graph, n) for n in nodes))


def scene(graph: nx.MultiDiGraph) -> tuple[dict[str, str], dict[str, str],
                                            list[tuple[str, str, str]], int]:
    """Roles, texts and edges (u, v, style key) of what is drawn; and statements summarised."""
    from graph.ask.words import answer, status_word

    data = graph.nodes
    kind = dict(graph.nodes(data="kind"))
    out = defaultdict(list)
    for u, v, k in graph.edges(keys=True):
        out[u].append((v, k))
    speaker = {u: v for u, v, k in graph.edges(keys=True) if k == "said_by"}
    voices: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for u, v, k, d in graph.edges(keys=True, data=True):
        if k == "claims" and u in speaker and kind.get(v) in ("concession", "commitment",
                                                              "position"):
            voices[v][d.get("polarity", "asserts")].append(speaker[u])
    roles: dict[str, str] = {}
    texts: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    summarised = 0
    for n, k in kind.items():
        d = data[n]
        said = voices.get(n, {})
        summarised += sum(len(x) for x in said.values())
        backers = list(dict.fromkeys(said.get("asserts", [])))
        ends = {kk: [v for v, k2 in out[n] if k2 == kk] for kk in
                ("conceded_to", "benefits", "made_at", "proposed_in", "about")}
        if k == "concession":
            modality = str(d.get("modality", "made"))
            corroboration = str(d.get("corroboration", d.get("status", "claimed")))
            conceder = next((u for u, _, kk in graph.in_edges(n, keys=True) if kk == "conceded"),
                            None)
            demanders = [u for u, _, kk in graph.in_edges(n, keys=True) if kk == "demanded"]
            words = str(d.get("answer") or answer(
                modality, corroboration, str(data[conceder]["label"]) if conceder else "?",
                claimants=[_name(graph, s) for s in backers],
                demanded_by=[str(data[a]["label"]) for a in demanders],
                proposed_in=_names(graph, ends["proposed_in"]) or None))
            head = modality.upper() + (f" · {status_word(modality, corroboration)}"
                                       if modality == "made" else "")
            roles[n] = "concession" if modality == "made" else "pending"
            count = "; ".join(d.get("claimants", ())) or "no statement in view"
            texts[n] = (f"{head}\n{_wrap(str(d['label']), 36)}\n“{_wrap(words, 38)}”\n"
                        f"{_wrap('statements: ' + count, 38)}")
            if conceder:
                edges.append((conceder, n, f"status:{corroboration}:{modality}"))
            edges += [(n, v, f"status:{corroboration}:{modality}") for v in ends["conceded_to"]]
            edges += [(a, n, "demanded") for a in demanders]
        elif k == "commitment":
            roles[n] = "commitment"
            committer = [u for u, _, kk in graph.in_edges(n, keys=True) if kk == "committed"]
            to = [v for v, kk in out[n] if kk == "committed_to"]
            who = _names(graph, backers) or "no voice in view"
            texts[n] = (f"COMMITMENT · {str(d.get('modality', '')).upper()}\n"
                        f"{_wrap(str(d['label']), 36)}\n{_wrap('according to ' + who, 38)}")
            edges += [(c, n, "committed") for c in committer]
            edges += [(n, v, "committed") for v in to]
        elif k == "position":
            roles[n] = "position"
            holder = [u for u, _, kk in graph.in_edges(n, keys=True) if kk == "holds"]
            who = _names(graph, backers) or "no voice in view"
            stance = str(d.get("stance", "")).replace("_", " ")
            texts[n] = (f"{_wrap(_names(graph, holder), 24)}\n{stance}"
                        f"\n{_wrap('according to ' + who, 26)}")
            edges += [(h, n, "holds") for h in holder]
        else:
            continue
        when, where = d.get("date"), ends["made_at"]
        if k != "position" and (when or where):
            bits = [f"at {_names(graph, where)}"] if where else []
            bits += [f"on {when.isoformat()}"] if when else []
            placed = "as stated" if d.get("placement") == "stated" else "inferred by the curator"
            texts[n] += "\n" + _wrap(" ".join(bits) + f" ({placed})", 38)
        edges += [(n, v, "benefits") for v in ends["benefits"]]
        edges += [(n, t, "holds" if k == "position" else "about") for t in ends["about"]]
        for polarity, style in (("asserts", "claims"), ("denies", "denies")):
            if k == "position" and polarity == "asserts":
                continue  # the box names them: 'according to ...'
            edges += [(s, n, style) for s in dict.fromkeys(said.get(polarity, []))]
    drawn = {x for e in edges for x in e[:2]}
    for n in sorted(drawn):
        if kind.get(n) == "actor":
            voice = data[n].get("actor_kind") in VOICE_KINDS
            roles[n] = "voice" if voice else "party"
        elif kind.get(n) == "source":
            roles[n] = "voice"
        elif kind.get(n) == "topic":
            roles[n] = "topic"
    for u, v, k, d in graph.edges(keys=True, data=True):
        if k == "affiliated_with" and roles.get(u) == "voice" and roles.get(v) == "party":
            edges.append((u, v, "affiliated_with"))
            texts[u] = f"{data[u]['label']}\n({d['role']})" if d.get("role") else ""
        elif k == "broader" and u in roles and v in roles:
            edges.append((u, v, "about"))
        elif k == "attended" and roles.get(u) == "voice":
            edges.append((u, v, "attended"))
    made_at = {v for u, v, k in graph.edges(keys=True) if k == "made_at" and u in roles}
    keep_meetings = made_at
    edges = [e for e in edges if e[2] != "attended" or e[1] in keep_meetings]
    for m in sorted(keep_meetings):
        roles[m] = "meeting"
    edges += [(u, v, "made_at") for u, v, k in graph.edges(keys=True)
              if k == "made_at" and u in roles and v in keep_meetings]
    for n, role in roles.items():
        d = data[n]
        if role == "meeting":
            day = d.get("date")
            texts[n] = (f"{_wrap(str(d['label']), 28)}\n{d.get('status', '')} · "
                        f"{day.isoformat() if day else 'no date'}")
        elif role == "voice" and not texts.get(n):
            texts[n] = _wrap(_name(graph, n), 20)
        elif role in ("party", "topic"):
            texts[n] = _wrap(str(d.get("label", n)), 20 if role == "party" else 24)
        elif role == "voice":
            texts[n] = "\n".join(_wrap(line, 22) for line in texts[n].split("\n"))
    return roles, texts, list(dict.fromkeys(edges)), summarised


def _line_style(key: str) -> tuple[str, Any, float]:
    if key.startswith("status:"):
        _, corroboration, modality = key.split(":")
        if modality != "made":
            return NOT_MADE[0], NOT_MADE[1], 1.8
        colour, dash, _ = STATUS_STYLE.get(corroboration, STATUS_STYLE["claimed"])
        return colour, dash, 2.4
    colour, dash, width, _ = EDGE_STYLE[key]
    return colour, dash, width


def _legend(used: set[str]) -> tuple[list[Any], list[str], dict[Any, Any]]:
    from matplotlib.legend_handler import HandlerPatch
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyBboxPatch

    def make(legend: Any, orig_handle: Any, xdescent: float, ydescent: float, width: float,
             height: float, fontsize: float) -> Any:
        orig, xd, yd, w, h = orig_handle, xdescent, ydescent, width, height
        return FancyBboxPatch((-xd + w * 0.15, -yd + h * 0.1), w * 0.7, h * 0.8,
                              boxstyle=orig.get_boxstyle(), facecolor=orig.get_facecolor(),
                              edgecolor=orig.get_edgecolor(), linewidth=1.2,
                              linestyle=orig.get_linestyle(), mutation_scale=4)

    handles: list[Any] = []
    labels: list[str] = []
    hmap: dict[Any, Any] = {}
    for role, (face, edge, style, _, words) in NODE_STYLE.items():
        if role not in used:
            continue
        patch = FancyBboxPatch((0, 0), 1, 1, boxstyle=style.split(",")[0], facecolor=face,
                               edgecolor=edge, linewidth=1.2,
                               linestyle="--" if role in ("pending", "meeting") else "-")
        hmap[patch] = HandlerPatch(patch_func=make)
        handles.append(patch)
        labels.append(words)
    lines = [(c, s, 2.4, f"conceder → concession → counterpart: {w}")
             for c, s, w in STATUS_STYLE.values()]
    lines.append((NOT_MADE[0], NOT_MADE[1], 1.8, f"conceder → concession: {NOT_MADE[2]}"))
    lines += list(EDGE_STYLE.values())
    for colour, dash, width, words in lines:
        handles.append(Line2D([], [], color=colour, linestyle=dash, linewidth=width))
        labels.append(words)
    return handles, labels, hmap


@plain_text
def draw_network(graph: nx.MultiDiGraph, title: str | None = None) -> Figure:
    """Draw the projection as a labelled figure; returns the matplotlib Figure.

    One data unit is one point, so labels keep their size; save with ``fig.savefig``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    roles, texts, edges, summarised = scene(graph)
    boxes = [Box(n, ROW[r], 0, 0) for n, r in roles.items()]
    measure(boxes, texts, roles)
    routes = layers.place(boxes, [(u, v) for u, v, _ in edges])
    xs = [b.x + s * b.w / 2 for b in boxes for s in (-1, 1)] or [0.0, 400.0]
    ys = [b.y + s * b.h / 2 for b in boxes for s in (-1, 1)] or [0.0, 200.0]
    ys += [y for pts in routes for _, y in pts]
    margin = 24.0
    x0, x1, y0, y1 = min(xs) - margin, max(xs) + margin, min(ys) - margin, max(ys) + margin
    handles, labels, hmap = _legend(set(roles.values()))
    head, legend_h = 70.0, 15.0 * ((len(labels) + 1) // 2) + 24.0
    width_pt = max(x1 - x0, 1000.0)
    x_pad = (width_pt - (x1 - x0)) / 2
    height_pt = (y1 - y0) + head + legend_h
    fig = Figure(figsize=(width_pt / 72, height_pt / 72), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((x_pad / width_pt, legend_h / height_pt, (x1 - x0) / width_pt,
                       (y1 - y0) / height_pt))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_axis_off()
    for b in boxes:
        face, edge, style, weight, _ = NODE_STYLE[roles[b.node]]
        dashed = ((roles[b.node] == "meeting" and graph.nodes[b.node].get("status") != "held")
                  or roles[b.node] == "pending")
        ax.text(b.x, b.y, texts[b.node], fontsize=FONT, weight=weight, ha="center",
                va="center", multialignment="center", zorder=5, gid=b.node,
                bbox={"boxstyle": style, "facecolor": face, "edgecolor": edge,
                      "linewidth": 1.3, "linestyle": "--" if dashed else "-"})
    for (u, v, key), pts in zip(edges, routes, strict=True):
        colour, dash, width = _line_style(key)
        z = 3 if key.startswith("status:") else 2
        ax.add_line(Line2D([p[0] for p in pts], [p[1] for p in pts], color=colour,
                           linestyle=dash, linewidth=width, zorder=z, gid=f"edge:{u}|{v}",
                           solid_joinstyle="round"))
        if key not in ("about", "attended"):
            ax.annotate("", xy=pts[-1], xytext=pts[-2], zorder=z, arrowprops={
                "arrowstyle": "-|>", "color": colour, "lw": width, "shrinkA": 0,
                "shrinkB": 0, "mutation_scale": 10})
    fig.text(0.5, 1 - 20 / height_pt, title or "Who conceded what to whom, according to whom",
             ha="center", va="center", fontsize=14, weight="bold")
    counts: dict[str, int] = defaultdict(int)
    for r in roles.values():
        counts[r] += 1
    made = counts["concession"]
    sub = (f"drawn: {made + counts['pending']} concessions ({made} reported made) · "
           f"{counts['commitment']} commitments · {counts['position']} positions · "
           f"{counts['party']} parties · {counts['voice']} voices · {counts['meeting']} "
           f"meetings · {counts['topic']} topics; {summarised} statements summarised as "
           "'according to' lines")
    fig.text(0.5, 1 - 44 / height_pt, sub, ha="center", va="center", fontsize=9,
             color="#333333")
    fig.legend(handles, labels, handler_map=hmap, loc="lower center", ncol=2, fontsize=8,
               frameon=False, bbox_to_anchor=(0.5, 0.0), handlelength=3.4)
    return fig


def _drawn_boxes(fig: Figure) -> tuple[list[Box], list[tuple[str, str, list[Any]]]]:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes: list[Box] = []
    lines: list[tuple[str, str, list[Any]]] = []
    for ax in fig.axes:
        for t in ax.texts:
            if t.get_gid():
                patch = t.get_bbox_patch()
                e = patch.get_window_extent(renderer) if patch else t.get_window_extent(renderer)
                boxes.append(Box(str(t.get_gid()), 0, e.width, e.height, e.x0 + e.width / 2,
                                 e.y0 + e.height / 2))
        for line in ax.lines:
            gid = str(line.get_gid() or "")
            if gid.startswith("edge:"):
                u, v = gid[5:].split("|")
                lines.append((u, v, [tuple(p) for p in ax.transData.transform(
                    line.get_xydata())]))
    return boxes, lines


def edge_crossings(fig: Figure) -> list[tuple[str, str]]:
    """(edge, node) for every drawn line that passes under a box it does not end at."""
    boxes, lines = _drawn_boxes(fig)
    found = layers.crossings(boxes, [pts for *_, pts in lines], [(u, v) for u, v, _ in lines])
    return [(f"{lines[i][0]}->{lines[i][1]}", node) for i, node in found]


def label_overlaps(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of node labels (by node id) whose boxes overlap in the drawn figure."""
    boxes, _ = _drawn_boxes(fig)
    out: list[tuple[str, str]] = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if abs(a.x - b.x) < (a.w + b.w) / 2 and abs(a.y - b.y) < (a.h + b.h) / 2:
                out.append((a.node, b.node))
    return out
