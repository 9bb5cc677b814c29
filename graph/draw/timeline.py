"""The timeline: statements, meetings, proposals and deadlines by date (matplotlib).

One lane per voice: each speaker, and each article speaking for itself (narration),
named after its publisher. Every record that statements support gets a short code
(``C1`` a concession, ``K1`` a commitment, ``P1`` a position, ``M1`` a meeting,
``R1`` a proposal or provision, ``X1`` a response); each statement's marker is
labelled with the codes of the records it supports (denials struck through as ``¬C1``),
and the key under the axis spells the codes out. The top lane holds meetings
(held filled, planned hollow), proposals (squares) and response deadlines (bars).
Ticks follow the span: days, weeks, months or years, never more than
:data:`MAX_TICKS`. Dates far outside the span of the rest (a typo such as 2205 for
2025) are listed under the figure, not drawn.

>>> from schemas import load
>>> from graph.network.projection import project
>>> fig = draw_timeline(project(load("data")))
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()][-1]
'Meetings, proposals, deadlines'
>>> len(ticks_for(dt.date(2025, 1, 1), dt.date(2205, 1, 1))) <= MAX_TICKS
True
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from graph.draw.static import plain_text

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.figure import Figure

__all__ = ["MAX_TICKS", "codes", "draw_timeline", "outliers", "ticks_for"]

MAX_TICKS = 15
MODE_MARKER = {"direct_quote": "o", "paraphrase": "s", "narration": "^"}
CODE = {"concession": "C", "commitment": "K", "position": "P", "meeting": "M",
        "proposal": "R", "provision": "R", "response": "X"}
COLOUR = {"C": "#E69F00", "K": "#0072B2", "P": "#009E73", "M": "#CC79A7", "R": "#D55E00",
          "X": "#56B4E9", "": "#bbbbbb"}
WORDS = {"C": "concession", "K": "commitment", "P": "position", "M": "meeting",
         "R": "proposal or provision", "X": "response"}
MEETING_COLOUR = "#8c6bb1"
FAR = 3 * 365
"""Days from the median date beyond which a date is reported, not drawn."""


def ticks_for(first: dt.date, last: dt.date) -> list[dt.date]:
    """Tick dates for a span: daily, weekly, monthly, quarterly or every n years.

    >>> [len(ticks_for(dt.date(2025, 8, 1), dt.date(2025, 8, 1) + dt.timedelta(days=n)))
    ...  for n in (0, 6, 60, 200, 3000)]
    [1, 7, 9, 7, 8]
    """
    days = (last - first).days
    if days < MAX_TICKS:
        return [first + dt.timedelta(days=d) for d in range(days + 1)]
    if days < 7 * MAX_TICKS:
        start = first - dt.timedelta(days=first.weekday())
        return [d for w in range(days // 7 + 2)
                if first <= (d := start + dt.timedelta(weeks=w)) <= last] or [first]
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next(s for s in (1, 3, 6, 12, 24, 60, 120, 240, 600, 1200)
                if months // s + 1 <= MAX_TICKS - 1 or s == 1200)
    out: list[dt.date] = []
    m = (first.year * 12 + first.month - 1) // step * step
    while (day := dt.date(m // 12, m % 12 + 1, 1)) <= last:
        if day >= first:
            out.append(day)
        m += step
    return out or [first]


def outliers(dates: list[dt.date]) -> set[dt.date]:
    """Dates more than :data:`FAR` days from the median of ``dates``.

    >>> sorted(outliers([dt.date(2025, 8, 15), dt.date(2025, 8, 16), dt.date(2205, 8, 15)]))
    [datetime.date(2205, 8, 15)]
    """
    if not dates:
        return set()
    mid = sorted(dates)[len(dates) // 2]
    return {d for d in dates if abs((d - mid).days) > FAR}


def codes(graph: nx.MultiDiGraph) -> dict[str, str]:
    """A short code for each record that a statement claims, by kind and then by date."""
    claimed = {v for u, v, k in graph.edges(keys=True) if k == "claims"}
    claimed |= {n for n, k in graph.nodes(data="kind") if k in ("meeting", "proposal")}
    out: dict[str, str] = {}
    count: dict[str, int] = defaultdict(int)
    for n in sorted(claimed, key=lambda n: (str(graph.nodes[n].get("date") or dt.date.max), n)):
        letter = CODE.get(str(graph.nodes[n].get("kind")), "")
        if letter:
            count[letter] += 1
            out[n] = f"{letter}{count[letter]}"
    return out


def _lane_label(graph: nx.MultiDiGraph, speaker: str) -> str:
    node = graph.nodes[speaker] if speaker in graph else {}
    label = str(node.get("label", speaker or "unknown speaker"))
    if node.get("kind") == "source":
        label = f"the article itself: {node.get('publisher') or node.get('record_id')}"
    return "\n".join(textwrap.wrap(label, 34))


@plain_text
def draw_timeline(graph: nx.MultiDiGraph, title: str | None = None) -> Figure:
    """Statements, meetings, proposals and deadlines on a time axis; returns the Figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    data = graph.nodes
    kind = dict(graph.nodes(data="kind"))
    code = codes(graph)
    statements = [n for n, k in kind.items() if k == "statement"]
    events = [n for n, k in kind.items() if k in ("meeting", "proposal")]
    speaker_of = {u: v for u, v, k in graph.edges(keys=True) if k == "said_by"}
    every = [data[n]["date"] for n in statements] + [
        d for n in events for d in (data[n].get("date"), data[n].get("response_deadline")) if d]
    far = outliers(every)
    shown = [d for d in every if d not in far]
    first, last = min(shown, default=dt.date.today()), max(shown, default=dt.date.today())
    span = max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        return float((day - first).days)

    skipped = [n for n in statements if data[n]["date"] in far]
    statements = [n for n in statements if data[n]["date"] not in far]
    undated_x = span * 1.06 + 1
    lanes = sorted({speaker_of.get(s, "") for s in statements},
                   key=lambda sp: (min(data[s]["date"] for s in statements
                                       if speaker_of.get(s, "") == sp), _lane_label(graph, sp)))
    lane_y = {sp: float(len(lanes) - i) for i, sp in enumerate(lanes)}
    top_y = float(len(lanes) + 1.4)
    key = [(c, n) for n, c in sorted(code.items(), key=lambda kv: (kv[1][0],
                                                                    int(kv[1][1:])))]
    key_rows = (len(key) + len(skipped) + 1) // 2 + 1
    plot_h = 1.2 + 0.5 * (len(lanes) + 3)
    height = plot_h + 0.125 * key_rows + 0.5
    fig = Figure(figsize=(15, height), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.2, 1 - (plot_h - 0.3) / height, 0.58, (plot_h - 1.0) / height))
    groups: dict[tuple[str, dt.date], list[str]] = defaultdict(list)
    for s in sorted(statements, key=lambda s: (data[s]["date"], s)):
        groups[(speaker_of.get(s, ""), data[s]["date"])].append(s)
    spread = span / 140
    per_point = (span * 1.14 + 1) / (0.58 * 15 * 72)  # data units per point of axis
    taken: dict[tuple[float, int], list[tuple[float, float]]] = defaultdict(list)
    for (speaker, day), members in groups.items():
        for i, s in enumerate(members):
            x = x_of(day) + (i - (len(members) - 1) / 2) * spread
            y = lane_y[speaker]
            said = [(v, graph.edges[u, v, k].get("polarity")) for u, v, k in
                    graph.out_edges(s, keys=True) if k == "claims" and v in code]
            tags = [("¬" if pol == "denies" else "") + code[v] for v, pol in said]
            letters = sorted({code[v][0] for v, _ in said})
            colour = COLOUR[letters[0] if len(letters) == 1 else ""] if len(letters) < 2 \
                else "#ffffff"
            if data[s].get("date_precision") == "not_after":
                ax.annotate("", xy=(x - spread * 2.5, y), xytext=(x, y), zorder=2,
                            arrowprops={"arrowstyle": "-|>", "color": "#555555", "lw": 1.0})
            ax.plot([x], [y], marker=MODE_MARKER.get(str(data[s].get("mode")), "o"),
                    markersize=8, color=colour, markeredgecolor="black", markeredgewidth=0.7,
                    linestyle="none", zorder=3, gid=s)
            if tags:
                text = " ".join(tags)
                half = len(text) * 2.1 * per_point
                level = next(lv for lv in range(99) if all(
                    b < x - half or a > x + half for a, b in taken[y, lv]))
                taken[y, level].append((x - half, x + half))
                ax.annotate(text, xy=(x, y), xytext=(0, 5 + 7.5 * level),
                            textcoords="offset points", ha="center", va="bottom", fontsize=6.5,
                            color="#222222", gid=f"tags:{s}")
    placed: list[tuple[float, int]] = []
    for n in sorted(events, key=lambda n: (data[n].get("date") or dt.date.max, n)):
        day = data[n].get("date")
        if day in far:
            skipped.append(n)
            continue
        x = x_of(day) if day is not None else undated_x
        if kind[n] == "meeting":
            status = data[n].get("status", "")
            ax.plot([x], [top_y], marker="X" if status == "cancelled" else "D", markersize=10,
                    color=MEETING_COLOUR if status == "held" else "white",
                    markeredgecolor=MEETING_COLOUR, markeredgewidth=1.8, linestyle="none",
                    zorder=3, gid=n)
        else:
            ax.plot([x], [top_y], marker="s", markersize=9, color=COLOUR["R"],
                    markeredgecolor="black", linestyle="none", zorder=3, gid=n)
        deadline = data[n].get("response_deadline")
        if deadline and deadline not in far:
            ax.plot([x_of(deadline)], [top_y], marker="|", markersize=18, color=COLOUR["R"],
                    markeredgewidth=2.5, linestyle="none", zorder=3, gid=f"deadline:{n}")
            ax.annotate(f"{code.get(n, '')} deadline", xy=(x_of(deadline), top_y),
                        xytext=(0, -16), textcoords="offset points", ha="center", fontsize=6.5,
                        color=COLOUR["R"])
        level = sum(1 for p, _ in placed if abs(p - x) < span / 30)
        placed.append((x, level))
        ax.annotate(code.get(n, ""), xy=(x, top_y), xytext=(0, 9 + 10 * level),
                    textcoords="offset points", ha="center", va="bottom", fontsize=7.5,
                    color="#3f007d", gid=f"label:{n}")
        if day is not None:
            ax.axvline(x, color=MEETING_COLOUR, alpha=0.12, linewidth=4, zorder=0)
    ax.axvspan(undated_x - span * 0.025, undated_x + span * 0.025, color="#f0f0f0", zorder=0)
    ticks = ticks_for(first, last)
    fmt = "%a\n%d %b %Y" if span < MAX_TICKS else "%d %b\n%Y" if span < 7 * MAX_TICKS else "%b\n%Y"
    ax.set_xticks([x_of(t) for t in ticks] + [undated_x])
    ax.set_xticklabels([t.strftime(fmt) for t in ticks] + ["no date"], fontsize=8)
    ax.set_xlim(-span * 0.04, undated_x + span * 0.04)
    ax.set_yticks([*lane_y.values(), top_y])
    ax.set_yticklabels([_lane_label(graph, sp) for sp in lane_y]
                       + ["Meetings, proposals, deadlines"], fontsize=8.5)
    ax.set_ylim(0.4, top_y + 1.4)
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title or "Statements, meetings and proposals by date", fontsize=12,
                 weight="bold", pad=8)
    handles, labels = _legend(Line2D)
    fig.legend(handles, labels, loc="upper right", fontsize=7.5, frameon=False,
               bbox_to_anchor=(0.995, 1 - 0.3 / height))
    lines = [f"{c}  {WORDS[c[0]]}: {_key_text(graph, n)}" for c, n in key]
    lines += [f"not drawn, dated far outside the rest: {n} ({_when(graph, n)})" for n in skipped]
    half = (len(lines) + 1) // 2
    for col, chunk in enumerate((lines[:half], lines[half:])):
        fig.text(0.02 + 0.49 * col, (key_rows * 0.125 + 0.2) / height, "\n".join(chunk),
                 fontsize=7, va="top", ha="left", family="DejaVu Sans", linespacing=1.25,
                 gid=f"key:{col}")
    return fig


def _when(graph: nx.MultiDiGraph, node: str) -> str:
    day = graph.nodes[node].get("date")
    return day.isoformat() if day else "no date"


def _key_text(graph: nx.MultiDiGraph, node: str) -> str:
    d = graph.nodes[node]
    extra = d.get("answer") or d.get("status") or d.get("stance") or ""
    text = f"{d.get('label', node)} [{str(extra).replace('_', ' ')}]" if extra else str(
        d.get("label", node))
    return textwrap.shorten(text, 95, placeholder=" …")


def _legend(line: Any) -> tuple[list[Any], list[str]]:
    handles: list[Any] = []
    labels: list[str] = []
    for mode, marker in MODE_MARKER.items():
        handles.append(line([], [], marker=marker, color="white", markeredgecolor="black",
                            markersize=8, linestyle="none"))
        labels.append(mode.replace("_", " "))
    for letter, words in WORDS.items():
        handles.append(line([], [], marker="o", color=COLOUR[letter], markersize=8,
                            linestyle="none"))
        labels.append(f"supports a {words} ({letter}1, {letter}2 ...)")
    handles.append(line([], [], marker="o", color="white", markeredgecolor="black",
                        markersize=8, linestyle="none"))
    labels.append("supports records of several kinds")
    handles.append(line([], [], color="#555555", marker="<", markersize=6, linewidth=1))
    labels.append("dated 'not after': said on or before")
    for face, words in ((MEETING_COLOUR, "meeting held"), ("white", "meeting planned")):
        handles.append(line([], [], marker="D", color=face, markeredgecolor=MEETING_COLOUR,
                            markersize=8, linestyle="none"))
        labels.append(words)
    handles.append(line([], [], marker="s", color=COLOUR["R"], markersize=8, linestyle="none"))
    labels.append("proposal")
    handles.append(line([], [], marker="|", color=COLOUR["R"], markersize=12,
                        markeredgewidth=2.5, linestyle="none"))
    labels.append("response deadline")
    labels.append("¬C1: denies C1")
    handles.append(line([], [], linestyle="none"))
    return handles, labels
