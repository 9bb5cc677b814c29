"""The timeline: statements and meetings by date, one lane per speaker (matplotlib).

Statements are marked by mode (quote, paraphrase, narration) and coloured by what they
claim; a statement whose date is only "not after" carries a leftward tail (said on or
before). Meetings sit in their own lane: held filled, planned hollow, and meetings with
no date (proposed ones) in a separate "no date" column at the right.

>>> from schemas import load
>>> from graph.network.projection import project
>>> fig = draw_timeline(project(load("data")))
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()][-1]
'Meetings'
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from graph.draw.static import plain_text
from schemas.errors import DetenteError

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.figure import Figure

__all__ = ["MAX_SPAN_DAYS", "MAX_TICKS", "draw_timeline"]

MAX_SPAN_DAYS = 3660
"""A timeline over more days than this (ten years) is refused: a date is likely mistyped."""
MAX_TICKS = 31
"""At most this many dated ticks; longer spans tick every few days."""

MODE_MARKER = {"direct_quote": "o", "paraphrase": "s", "narration": "^"}
CLAIM_COLOUR = {"concession": "#d95f02", "meeting": "#6a51a3", "position": "#41ab5d",
                "": "#969696"}
CLAIM_WORDS = {"concession": "claims a concession", "meeting": "claims a meeting",
               "position": "carries a position", "": "claims nothing recorded"}
MEETING_COLOUR = "#6a51a3"


def _claimed(graph: nx.MultiDiGraph, statement: str) -> str:
    kinds = {graph.nodes[v]["kind"] for _, v, k in graph.out_edges(statement, keys=True)
             if k == "claims"}
    return next((k for k in ("concession", "meeting", "position") if k in kinds), "")


@plain_text
def draw_timeline(graph: nx.MultiDiGraph, title: str | None = None) -> Figure:
    """Statements and meetings of the projection on a time axis; returns the Figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    data = graph.nodes
    statements = [n for n, k in graph.nodes(data="kind") if k == "statement"]
    meetings = [n for n, k in graph.nodes(data="kind") if k == "meeting"]
    speaker_of = {u: v for u, v, k in graph.edges(keys=True) if k == "said_by"}
    dates = [data[n]["date"] for n in statements] + [
        data[m]["date"] for m in meetings if "date" in data[m]]
    first = min(dates, default=dt.date.today())
    last = max(dates, default=first)
    if (last - first).days > MAX_SPAN_DAYS:
        dated = {**{n: data[n]["date"] for n in statements},
                 **{m: data[m]["date"] for m in meetings if "date" in data[m]}}  # fmt: skip
        early = min(dated, key=lambda n: (dated[n], n))
        late = max(dated, key=lambda n: (dated[n], n))
        raise DetenteError(
            f"the timeline would span {(last - first).days:,} days, from {first} ({early}) "
            f"to {last} ({late}); is a year mistyped? Fix the date, or draw with --as-of "
            f"or --focus (at most {MAX_SPAN_DAYS:,} days)"
        )

    def x_of(day: dt.date) -> float:
        return float((day - first).days)

    undated_x = x_of(last) + 1.6
    lanes: list[str] = sorted({speaker_of.get(s, "") for s in statements},
                              key=lambda sp: (min(data[s]["date"] for s in statements
                                                  if speaker_of.get(s, "") == sp),
                                              str(data[sp].get("label", sp)) if sp else ""))
    lane_y = {sp: float(len(lanes) - i) for i, sp in enumerate(lanes)}
    meeting_y = float(len(lanes) + 1.6)
    height = 1.6 + 0.42 * (len(lanes) + 3)
    fig = Figure(figsize=(13, height), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.22, 0.75 / height, 0.58, 1 - 1.3 / height))

    groups: dict[tuple[str, dt.date], list[str]] = defaultdict(list)
    # 'not after' statements first in their group, so their leftward tails stay visible
    for s in sorted(statements, key=lambda s: (data[s]["date"],
                                               data[s].get("date_precision") != "not_after", s)):
        groups[(speaker_of.get(s, ""), data[s]["date"])].append(s)
    for (speaker, day), members in groups.items():
        n = len(members)
        for i, s in enumerate(members):
            x = x_of(day) + (i - (n - 1) / 2) * min(0.12, 0.7 / max(n, 1))
            y = lane_y[speaker]
            colour = CLAIM_COLOUR[_claimed(graph, s)]
            if data[s].get("date_precision") == "not_after":
                ax.annotate("", xy=(x - 0.32, y), xytext=(x, y), zorder=2,
                            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.0,
                                        "alpha": 0.7, "shrinkA": 0, "shrinkB": 0})
            ax.plot([x], [y], marker=MODE_MARKER.get(data[s].get("mode", ""), "o"),
                    markersize=8, color=colour, markeredgecolor="black", markeredgewidth=0.6,
                    linestyle="none", zorder=3, gid=s)
    placed: list[float] = []
    for m in sorted(meetings, key=lambda m: (data[m].get("date") or dt.date.max, m)):
        day = data[m].get("date")
        x = x_of(day) if day is not None else undated_x
        status = data[m].get("status", "")
        filled = status == "held"
        ax.plot([x], [meeting_y], marker="X" if status == "cancelled" else "D", markersize=11,
                color=MEETING_COLOUR if filled else "white", markeredgecolor=MEETING_COLOUR,
                markeredgewidth=1.8, linestyle="none", zorder=3, gid=m)
        if day is not None:
            ax.axvline(x, color=MEETING_COLOUR, alpha=0.18, linewidth=6, zorder=0)
        bump = sum(1 for p in placed if abs(p - x) < 1.2)
        placed.append(x)
        text = "\n".join(textwrap.wrap(str(data[m].get("label", m)), 28))
        ax.annotate(f"{text}\n({status}{', ' + day.isoformat() if day else ', no date'})",
                    xy=(x, meeting_y), xytext=(0, 14 + 34 * bump), textcoords="offset points",
                    ha="center", va="bottom", fontsize=7.5, color="#3f007d", gid=f"label:{m}")
    ax.axvspan(undated_x - 0.5, undated_x + 0.5, color="#f0f0f0", zorder=0)
    step = -(-((last - first).days + 1) // MAX_TICKS)  # ceiling: at most MAX_TICKS ticks
    ticks = [x_of(first + dt.timedelta(days=d)) for d in range(0, (last - first).days + 1, step)]
    ax.set_xticks([*ticks, undated_x])
    ax.set_xticklabels([(first + dt.timedelta(days=int(t))).strftime("%a\n%d %b %Y")
                        for t in ticks] + ["no date\n(proposed)"], fontsize=8)
    ax.set_xlim(-0.8, undated_x + 0.6)
    ax.set_yticks([*lane_y.values(), meeting_y])
    ax.set_yticklabels([_lane_label(graph, sp) for sp in lane_y] + ["Meetings"], fontsize=8.5)
    ax.set_ylim(0.3, meeting_y + 2.3)
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title or "Statements and meetings by date", fontsize=12, weight="bold", pad=8)
    handles: list[Any] = []
    labels: list[str] = []
    for mode, marker in MODE_MARKER.items():
        handles.append(Line2D([], [], marker=marker, color="white", markeredgecolor="black",
                              markersize=8, linestyle="none"))
        labels.append(mode.replace("_", " "))
    for kind, colour in CLAIM_COLOUR.items():
        handles.append(Line2D([], [], marker="o", color=colour, markersize=8, linestyle="none"))
        labels.append(CLAIM_WORDS[kind])
    handles.append(Line2D([], [], color="#555555", marker="<", markersize=6, linewidth=1))
    labels.append("date 'not after': said on or before")
    for face, words in ((MEETING_COLOUR, "meeting held"), ("white", "meeting planned or "
                                                           "proposed")):
        handles.append(Line2D([], [], marker="D", color=face, markeredgecolor=MEETING_COLOUR,
                              markersize=8, linestyle="none"))
        labels.append(words)
    fig.legend(handles, labels, loc="center right", fontsize=7.5, frameon=False,
               bbox_to_anchor=(0.995, 0.5))
    return fig


def _lane_label(graph: nx.MultiDiGraph, speaker: str) -> str:
    if not speaker:
        return "unknown speaker"
    node = graph.nodes[speaker] if speaker in graph else {}
    label = str(node.get("label", speaker))
    if node.get("kind") == "source":
        label = "the article itself (narration)"
    return "\n".join(textwrap.wrap(label, 34))
