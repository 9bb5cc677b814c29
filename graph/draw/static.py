"""The static picture: who conceded what to whom, according to whom (matplotlib).

The layout is by role, in rows, measured in points so no two labels can overlap:

* middle row: the parties (states, alliances, groups) with the concessions between them,
  each drawn as an arrow from the conceder through a box to the counterpart;
* above: the people and members who speak for a party, then the meetings;
* below: the topics on the table.

Statements are summarised: a concession's box names its claimants and how many
statements each made, and a thin line runs from each claimant to the concession.
Line style carries the derived status: solid when the conceder's own side confirms,
dashed when it is claimed only by the other side.

>>> from schemas import load
>>> from graph.network.projection import project
>>> fig = draw_network(project(load("data")))
>>> label_overlaps(fig)
[]
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any, ParamSpec

if TYPE_CHECKING:
    from collections.abc import Callable

    import networkx as nx
    from matplotlib.figure import Figure

__all__ = ["STATUS_STYLE", "draw_network", "label_overlaps", "plain_text"]


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

# status -> (colour, linestyle, words for the legend)
STATUS_STYLE: dict[str, tuple[str, Any, str]] = {
    "confirmed": ("#1b7837", "solid", "confirmed by the conceder's side"),
    "claimed": ("#d95f02", (0, (5, 3)), "claimed only by the other side"),
    "disputed": ("#b2182b", (0, (1, 2)), "disputed: denied by others"),
    "denied": ("#6a6a6a", (0, (6, 2, 1, 2)), "denied by the conceder's side"),
}
# node role -> (face colour, edge colour, box style, font weight, legend words)
NODE_STYLE: dict[str, tuple[str, str, str, str, str]] = {
    "party": ("#c6dbef", "#2171b5", "square,pad=0.5", "bold", "party (state, alliance, group)"),
    "member": ("#eff6fc", "#6baed6", "round,pad=0.45", "normal", "person or member, with role"),
    "concession": ("#fff3e0", "#d95f02", "round4,pad=0.5", "normal",
                   "concession: claimants, status"),
    "meeting": ("#f2eef8", "#6a51a3", "round,pad=0.5,rounding_size=0.9", "normal",
                "meeting: status, date (dashed: not held)"),
    "topic": ("#edf8e9", "#41ab5d", "sawtooth,pad=0.45", "normal", "topic on the table"),
}
STANCE_COLOUR = {"supports": "#4daf4a", "accepts": "#4daf4a", "offers": "#4daf4a",
                 "opposes": "#e41a1c", "rejects": "#e41a1c", "demands": "#e41a1c"}
STANCE_OTHER = "#b8860b"  # considers, not ruled out, ...
FONT = 8.5
GAP = 18.0  # points between neighbouring boxes
ROW_GAP = 70.0  # points between rows


@dataclass
class _Box:
    node: str
    role: str
    text: str
    w: float = 0.0
    h: float = 0.0
    x: float = 0.0
    y: float = 0.0
    artist: Any = field(default=None, repr=False)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def _measure(boxes: list[_Box]) -> None:
    """Width and height of each label box, in points (pad included)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(dpi=72)
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    for box in boxes:
        t = fig.text(0, 0, box.text, fontsize=FONT, weight=NODE_STYLE[box.role][3],
                     ha="center", va="center", multialignment="center")
        ext = t.get_window_extent(renderer)
        pad = 2 * float(NODE_STYLE[box.role][2].split("pad=")[1].split(",")[0]) * FONT
        box.w, box.h = ext.width + pad, ext.height + pad


def _spread(row: list[_Box], lo: float | None = None) -> None:
    """Push boxes in one row apart (keeping their order by wanted x), then recentre."""
    if not row:
        return
    row.sort(key=lambda b: b.x)
    wanted = [b.x for b in row]
    for prev, cur in pairwise(row):
        cur.x = max(cur.x, prev.x + (prev.w + cur.w) / 2 + GAP)
    shift = (sum(wanted) - sum(b.x for b in row)) / len(row)
    if lo is not None:
        shift = max(shift, lo + row[0].w / 2 - row[0].x)
    for b in row:
        b.x += shift


def _summary(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """What the picture shows, read off the projection."""
    kind = dict(graph.nodes(data="kind"))
    label = dict(graph.nodes(data="label"))
    edges = [(u, v, k) for u, v, k in graph.edges(keys=True)]
    speaker_of = {u: v for u, v, k in edges if k == "said_by"}
    claimants: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for u, v, k in edges:
        if (k == "claims" and kind.get(v) == "concession" and u in speaker_of
                and graph.edges[u, v, k].get("polarity", "asserts") == "asserts"):
            claimants[v][speaker_of[u]] += 1
    affiliation = {u: v for u, v, k in edges if k == "affiliated_with"}
    related = {
        n for u, v, k in edges
        if k in {"conceded", "conceded_to", "benefits", "attended", "holds", "affiliated_with"}
        for n in (u, v) if kind.get(n) == "actor"
    }
    related |= {a for c in claimants.values() for a in c if kind.get(a) == "actor"}
    members = sorted(a for a in related if affiliation.get(a) in related)
    parties = sorted(a for a in related if a not in members)
    return {"kind": kind, "label": label, "edges": edges, "claimants": claimants,
            "affiliation": affiliation, "members": members, "parties": parties,
            "omitted": sorted(n for n, k in kind.items() if k == "actor" and n not in related)}


def _party_order(parties: list[str], edges: list[tuple[str, str, str]]) -> list[str]:
    """Conceders first, then their counterparts in turn (BFS), then the rest."""
    concedes: dict[str, list[str]] = defaultdict(list)
    to: dict[str, list[str]] = defaultdict(list)
    for u, v, k in edges:
        if k == "conceded":
            concedes[u].append(v)
        elif k == "conceded_to":
            to[u].append(v)
    links: dict[str, set[str]] = defaultdict(set)
    for conceder, cons in concedes.items():
        for c in cons:
            for other in to[c]:
                links[conceder].add(other)
                links[other].add(conceder)
    order: list[str] = []
    starts = sorted(parties, key=lambda p: (-len(concedes.get(p, [])), p))
    for start in starts:
        if start in order or not links[start]:
            continue
        queue = [start]
        while queue:
            cur = queue.pop(0)
            if cur in order or cur not in parties:
                continue
            order.append(cur)
            queue.extend(sorted(links[cur] - set(order)))
    return order + [p for p in parties if p not in order]


def _layout(graph: nx.MultiDiGraph, s: dict[str, Any]) -> dict[str, _Box]:
    kind, label, edges = s["kind"], s["label"], s["edges"]
    data = graph.nodes
    boxes: dict[str, _Box] = {}
    for p in s["parties"]:
        boxes[p] = _Box(p, "party", _wrap(label[p], 18))
    for m in s["members"]:
        role = graph.edges[m, s["affiliation"][m], "affiliated_with"].get("role", "")
        show_role = role and not set(role.casefold().split()) <= set(
            str(label[m]).casefold().split())
        boxes[m] = _Box(m, "member", _wrap(label[m], 20) + (f"\n({_wrap(role, 22)})"
                                                           if show_role else ""))
    for n, k in kind.items():
        if k == "concession":
            names = ", ".join(data[n].get("claimants", ()))
            status = data[n].get("status", "claimed")
            extra = f"claimed by {names}" if names else "no claimant in view"
            modality = data[n].get("modality")
            words = STATUS_STYLE.get(status, STATUS_STYLE["claimed"])[2]
            tail = words + (f"; {modality}" if modality and modality != "made" else "")
            where = [str(label[v]) for u, v, k in edges if u == n and k == "made_at"]
            made = data[n].get("date")
            at = " ".join(([f"made {made.isoformat()}"] if made else []) +
                          ([f"at {where[0]}"] if where else []))
            boxes[n] = _Box(n, "concession", f"{_wrap(label[n], 34)}\n— {_wrap(extra, 34)}"
                            + (f"\n{_wrap(at, 36)}" if at else "") + f"\n[{tail}]")
        elif k == "meeting":
            date = data[n].get("date")
            when = date.isoformat() if date is not None else "no date"
            boxes[n] = _Box(n, "meeting",
                            f"{_wrap(label[n], 26)}\n{data[n].get('status', '')} · {when}")
    shown_topics = {v for u, v, k in edges if k == "about" and (u in boxes or kind[u] ==
                                                                  "position")}
    shown_topics |= {v for u, v, k in edges if k == "broader" and u in shown_topics}
    for t in sorted(shown_topics):
        boxes[t] = _Box(t, "topic", _wrap(label[t], 24))
    _measure(list(boxes.values()))

    # middle row: parties, with the concessions between neighbours in the gaps
    order = _party_order(s["parties"], edges)
    conceder = {v: u for u, v, k in edges if k == "conceded"}
    counterpart = {u: v for u, v, k in edges if k == "conceded_to"}
    col = {p: i for i, p in enumerate(order)}
    gaps: dict[int, list[_Box]] = defaultdict(list)
    for n, b in boxes.items():
        if b.role == "concession":
            ends = [col[e] for e in (conceder.get(n), counterpart.get(n)) if e in col]
            gaps[min(ends) if ends else len(order) - 1].append(b)
    members_of: dict[str, list[_Box]] = defaultdict(list)
    for m in s["members"]:
        members_of[s["affiliation"][m]].append(boxes[m])
    x = 0.0
    for i, p in enumerate(order):
        group = members_of.get(p, [])
        width = max(boxes[p].w, sum(b.w for b in group) + GAP * max(len(group) - 1, 0))
        boxes[p].x = x + width / 2
        left = boxes[p].x - (sum(b.w for b in group) + GAP * (len(group) - 1)) / 2
        for b in group:
            b.x, left = left + b.w / 2, left + b.w + GAP
        x += width + GAP
        stack = gaps.get(i, [])
        if stack:
            wide = max(b.w for b in stack) + 2 * 55.0
            height = sum(b.h for b in stack) + GAP * (len(stack) - 1)
            top = height / 2
            for b in stack:
                b.x, b.y = x + wide / 2, top - b.h / 2
                top -= b.h + GAP
            x += wide + GAP
    mid_h = max([b.h for b in boxes.values() if b.role == "party"] +
                [sum(b.h for b in st) + GAP * (len(st) - 1) for st in gaps.values()] + [0])
    member_row = [b for b in boxes.values() if b.role == "member"]
    _spread(member_row)
    member_h = max([b.h for b in member_row] + [0])
    y_member = mid_h / 2 + ROW_GAP + member_h / 2
    for b in member_row:
        b.y = y_member

    def mean_x(nodes: list[str], default: float) -> float:
        xs = [boxes[n].x for n in nodes if n in boxes]
        return sum(xs) / len(xs) if xs else default

    meetings = [b for b in boxes.values() if b.role == "meeting"]
    for b in meetings:
        b.x = mean_x([u for u, v, k in edges if v == b.node and k == "attended"], x / 2)
    _spread(meetings)
    meet_h = max([b.h for b in meetings] + [0])
    for b in meetings:
        b.y = y_member + member_h / 2 + ROW_GAP + meet_h / 2
    topics = [b for b in boxes.values() if b.role == "topic"]
    holder = {v: u for u, v, k in edges if k == "holds"}
    parents = {v for u, v, k in edges if k == "broader"}
    for b in sorted(topics, key=lambda b: b.node in parents):  # children first
        near = [holder.get(u, u) for u, v, k in edges if v == b.node and k == "about"]
        near += [u for u, v, k in edges if v == b.node and k == "broader"]
        b.x = mean_x(near, x / 2)
    _spread(topics)
    topic_h = max([b.h for b in topics] + [0])
    for b in topics:
        b.y = -(mid_h / 2 + ROW_GAP * 1.4 + topic_h / 2)
    return boxes


def _exit(box: _Box, toward: tuple[float, float]) -> tuple[float, float]:
    """Where the straight line from the box centre to ``toward`` leaves the box."""
    dx, dy = toward[0] - box.x, toward[1] - box.y
    if dx == 0 and dy == 0:
        return box.x, box.y
    scale = min(box.w / 2 / abs(dx) if dx else float("inf"),
                box.h / 2 / abs(dy) if dy else float("inf"))
    return box.x + dx * scale, box.y + dy * scale


def _edge(ax: Any, a: _Box, b: _Box, colour: str, style: Any = "solid", width: float = 1.0,
          arrow: bool = True, rad: float = 0.0, alpha: float = 1.0, z: float = 1.0) -> None:
    """An arrow from box to box, clipped to the boxes in data units (points), so the
    head sits on the border whatever the output resolution."""
    from matplotlib.patches import FancyArrowPatch

    patch = FancyArrowPatch(
        _exit(a, (b.x, b.y)), _exit(b, (a.x, a.y)), arrowstyle="-|>" if arrow else "-",
        mutation_scale=12, color=colour, linestyle=style, linewidth=width, alpha=alpha,
        zorder=z, connectionstyle=f"arc3,rad={rad}", shrinkA=0, shrinkB=1,
    )
    ax.add_patch(patch)


def _legend_handles() -> tuple[list[Any], list[str], dict[Any, Any]]:
    from matplotlib.legend_handler import HandlerPatch
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyBboxPatch

    handles: list[Any] = []
    labels: list[str] = []
    handler_map: dict[Any, Any] = {}
    for face, edge, style, _, words in NODE_STYLE.values():
        patch = FancyBboxPatch((0, 0), 1, 1, boxstyle=style.split(",")[0], facecolor=face,
                               edgecolor=edge, linewidth=1.2)

        def make(legend: Any, orig_handle: Any, xdescent: float, ydescent: float,
                 width: float, height: float, fontsize: float) -> Any:
            return FancyBboxPatch(
                (-xdescent + width * 0.15, -ydescent + height * 0.1), width * 0.7,
                height * 0.8, boxstyle=orig_handle.get_boxstyle(),
                facecolor=orig_handle.get_facecolor(), edgecolor=orig_handle.get_edgecolor(),
                linewidth=1.2, mutation_scale=4)

        handler_map[patch] = HandlerPatch(patch_func=make)
        handles.append(patch)
        labels.append(words)
    for colour, style, words in STATUS_STYLE.values():
        handles.append(Line2D([], [], color=colour, linestyle=style, linewidth=2))
        labels.append(f"conceder → concession → counterpart: {words}")
    extra: list[tuple[str, Any, str]] = [
        ("#333333", (0, (1, 1.2)), "claimant → concession (who says it was conceded)"),
        ("#9e9ac8", "solid", "took part in a meeting"),
        ("#9ecae1", "solid", "speaks for (affiliation)"),
        ("#74c476", "solid", "concession or topic is about / part of a topic"),
        (STANCE_COLOUR["supports"], "solid", "position on a topic: supports"),
        (STANCE_COLOUR["opposes"], "solid", "position on a topic: opposes"),
        (STANCE_OTHER, "solid", "position on a topic: considers, does not rule out"),
    ]
    for colour, style, words in extra:
        handles.append(Line2D([], [], color=colour, linestyle=style, linewidth=1.6))
        labels.append(words)
    return handles, labels, handler_map


@plain_text
def draw_network(graph: nx.MultiDiGraph, title: str | None = None) -> Figure:
    """Draw the projection as a labelled figure; returns the matplotlib Figure.

    The figure is sized to its content (one data unit is one point), so labels keep
    their size and never overlap; save it with ``fig.savefig(path)`` as PNG or SVG.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    s = _summary(graph)
    boxes = _layout(graph, s)
    if boxes:
        xs = [b.x - b.w / 2 for b in boxes.values()] + [b.x + b.w / 2 for b in boxes.values()]
        ys = [b.y - b.h / 2 for b in boxes.values()] + [b.y + b.h / 2 for b in boxes.values()]
    else:
        xs, ys = [0.0, 400.0], [0.0, 200.0]
    margin = 24.0
    x0, x1, y0, y1 = min(xs) - margin, max(xs) + margin, min(ys) - 3 * margin, max(ys) + margin
    handles, labels, handler_map = _legend_handles()
    head, legend_h = 62.0, 16.0 * ((len(labels) + 1) // 2) + 30.0
    width_pt = max(x1 - x0, 900.0)
    x_pad = (width_pt - (x1 - x0)) / 2
    height_pt = (y1 - y0) + head + legend_h
    fig = Figure(figsize=(width_pt / 72, height_pt / 72), dpi=100)
    FigureCanvasAgg(fig)  # so fig.savefig and label_overlaps work without pyplot
    ax = fig.add_axes((x_pad / width_pt, legend_h / height_pt, (x1 - x0) / width_pt,
                       (y1 - y0) / height_pt))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_axis_off()
    for b in boxes.values():
        face, edge, style, weight, _ = NODE_STYLE[b.role]
        dashed = b.role == "meeting" and graph.nodes[b.node].get("status") != "held"
        b.artist = ax.text(
            b.x, b.y, b.text, fontsize=FONT, weight=weight, ha="center", va="center",
            multialignment="center", zorder=5, gid=b.node,
            bbox={"boxstyle": style, "facecolor": face, "edgecolor": edge, "linewidth": 1.3,
                  "linestyle": "--" if dashed else "-"},
        )
    _draw_edges(ax, graph, s, boxes)
    fig.text(0.5, 1 - 20 / height_pt, title or "Who conceded what to whom, according to whom",
             ha="center", va="center", fontsize=14, weight="bold")
    counts: dict[str, int] = defaultdict(int)
    for k in s["kind"].values():
        counts[k] += 1
    sub = (f"{counts['actor']} actors · {counts['statement']} statements · "
           f"{counts['concession']} concessions · {counts['position']} positions · "
           f"{counts['meeting']} meetings; statements are summarised as claimants (n statements)")
    if s["omitted"]:
        sub += "\nnot drawn (no relation in view): " + ", ".join(
            str(s["label"][a]) for a in s["omitted"])
    fig.text(0.5, 1 - 44 / height_pt, sub, ha="center", va="center", fontsize=8.5,
             color="#444444")
    fig.legend(handles, labels, handler_map=handler_map, loc="lower center", ncol=2,
               fontsize=8, frameon=False, bbox_to_anchor=(0.5, 0.0), handlelength=3.2)
    return fig


def _draw_edges(ax: Any, graph: nx.MultiDiGraph, s: dict[str, Any],
                boxes: dict[str, _Box]) -> None:
    art = boxes
    claimants = s["claimants"]
    for u, v, k in s["edges"]:
        if u not in art or v not in art:
            continue
        a, b = art[u], art[v]
        if k in ("conceded", "conceded_to"):
            colour, style, _ = STATUS_STYLE.get(graph.edges[u, v, k].get("status", "claimed"),
                                                STATUS_STYLE["claimed"])
            _edge(ax, a, b, colour, style, width=2.2, z=3)
        elif k == "attended":
            _edge(ax, a, b, "#9e9ac8", width=1.0, arrow=False, alpha=0.8)
        elif k == "affiliated_with":
            _edge(ax, a, b, "#9ecae1", width=1.4, z=2)
        elif k == "about" and s["kind"][u] == "concession":
            _edge(ax, a, b, "#74c476", width=1.0, alpha=0.8)
        elif k == "broader":  # curve under the topic row instead of running through it
            sag = (max(a.h, b.h) / 2 + 12) / max(abs(b.x - a.x), 1.0) * 2  # under the row
            rad = -sag if b.x < a.x else sag
            _edge(ax, a, b, "#74c476", width=1.0, alpha=0.8, rad=rad)
    for concession, who in claimants.items():
        for speaker in who:
            if speaker in art and concession in art:
                _edge(ax, art[speaker], art[concession], "#333333", (0, (1, 1.2)), width=1.6,
                      z=2, rad=0.08)
    for u, v, k in s["edges"]:
        if k != "holds":
            continue
        topic = next((t for _, t, kk in graph.out_edges(v, keys=True) if kk == "about"), None)
        if u in art and topic in art:
            stance = graph.nodes[v].get("stance", "")
            _edge(ax, art[u], art[topic], STANCE_COLOUR.get(stance, STANCE_OTHER), width=1.0,
                  alpha=0.65, rad=0.05)


def label_overlaps(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of node labels (by node id) whose boxes overlap in the drawn figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    found: list[tuple[Any, str]] = []
    for ax in fig.axes:
        for t in ax.texts:
            if t.get_gid():
                patch = t.get_bbox_patch()
                ext = patch.get_window_extent(renderer) if patch else t.get_window_extent(renderer)
                found.append((ext, str(t.get_gid())))
    out: list[tuple[str, str]] = []
    for i, (a, na) in enumerate(found):
        for b, nb in found[i + 1:]:
            if a.overlaps(b):
                out.append((na, nb))
    return out
