"""A layered layout in points: boxes in rows, edges routed so they pass under no box.

Each box sits in a row (row 0 at the top). An edge between neighbouring rows leaves
its box straight down (or up) to the edge of the row band, crosses the free channel
between the bands, and enters its other box straight up (or down). An edge that
spans several rows passes each row in between through a gap of its own (a *dummy*
slot, as in Sugiyama's method), and an edge within one row runs through the channel
beside the row. Boxes in a row never overlap and the channels hold no box, so no
edge can pass under a box it does not end at; :func:`crossings` checks this.

>>> boxes = [Box("a", 0, 40, 20), Box("b", 1, 40, 20), Box("c", 2, 40, 20),
...          Box("d", 1, 60, 20), Box("e", 0, 30, 40)]
>>> routes = place(boxes, [("a", "c"), ("a", "b")])
>>> crossings(boxes, routes)
[]
>>> [round(y) for _, y in routes[0]][:2]  # a's bottom, straight down to the band's edge
[-30, -40]
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Box", "Point", "crossings", "place", "segment_hits_box"]

Point = tuple[float, float]
GAP = 16.0
"""Points between neighbouring boxes (and dummy slots) in a row."""
ROW_GAP = 64.0
"""Points of free channel between two row bands."""
DUMMY_W = 8.0
"""Width of the slot an edge takes when it passes through a row."""


@dataclass
class Box:
    """A label box: its node, its row, its size and (after :func:`place`) its centre."""

    node: str
    row: int
    w: float
    h: float
    x: float = 0.0
    y: float = 0.0
    order: float = 0.0

    def contains(self, p: Point, inset: float = 0.5) -> bool:
        """Whether ``p`` lies strictly inside the box (shrunk by ``inset``)."""
        return (abs(p[0] - self.x) < self.w / 2 - inset
                and abs(p[1] - self.y) < self.h / 2 - inset)  # fmt: skip


@dataclass
class _Slot:
    key: tuple[int, int]  # (edge index, row)
    row: int
    w: float = DUMMY_W
    x: float = 0.0
    order: float = 0.0


Item = Box | _Slot


def place(boxes: Sequence[Box], edges: Sequence[tuple[str, str]],
          sweeps: int = 6) -> list[list[Point]]:
    """Set every box's ``x`` and ``y``; return one polyline per edge (in ``edges`` order).

    Rows keep the boxes' initial order (their ``order``, then list order) as a tie-break,
    so the same input always gives the same picture.
    """
    by_node = {b.node: b for b in boxes}
    rows: dict[int, list[Item]] = defaultdict(list)
    for i, b in enumerate(boxes):
        b.order = b.order or float(i)
        rows[b.row].append(b)
    chains: list[list[Item]] = []
    for i, (u, v) in enumerate(edges):
        a, b = by_node[u], by_node[v]
        step = 1 if b.row >= a.row else -1
        slots: list[Item] = [_Slot((i, r), r) for r in range(a.row + step, b.row, step)]
        for s in slots:
            rows[s.row].append(s)
        chains.append([a, *slots, b])
    neighbours: dict[int, list[Item]] = defaultdict(list)
    for chain in chains:
        for p, q in itertools.pairwise(chain):
            neighbours[id(p)].append(q)
            neighbours[id(q)].append(p)
    for r in rows:
        for j, it in enumerate(rows[r]):
            it.x = float(j)
    for sweep in range(sweeps):
        for r in sorted(rows, reverse=bool(sweep % 2)):
            for it in rows[r]:
                near = [n.x for n in neighbours[id(it)]]
                it.order = sum(near) / len(near) if near else it.x
            rows[r].sort(key=lambda it: (it.order, it.x))
            _pack(rows[r])
    for _ in range(sweeps):
        for r in sorted(rows):
            for it in rows[r]:
                near = [n.x for n in neighbours[id(it)]]
                it.order = sum(near) / len(near) if near else it.x
            _spread(rows[r])
    lo = min((it.x - it.w / 2 for row in rows.values() for it in row), default=0.0)
    for row in rows.values():
        for it in row:
            it.x -= lo
    top = 0.0
    band: dict[int, tuple[float, float]] = {}
    for r in range(min(rows, default=0), max(rows, default=-1) + 1):
        h = max((it.h for it in rows.get(r, []) if isinstance(it, Box)), default=DUMMY_W)
        band[r] = (top, top - h)
        for it in rows.get(r, []):
            if isinstance(it, Box):
                it.y = top - h / 2
        top -= h + ROW_GAP
    routes = [_route(chain, band, i) for i, chain in enumerate(chains)]
    _ports(routes, [(by_node[u], by_node[v]) for u, v in edges])
    return routes


def _ports(routes: list[list[Point]], ends: list[tuple[Box, Box]]) -> None:
    """Spread the edges that meet one face of a box along that face, ordered by where
    they go, so two edges never share a stub."""
    faces: dict[tuple[str, float], list[tuple[float, int, int]]] = defaultdict(list)
    for i, (pts, (a, b)) in enumerate(zip(routes, ends, strict=True)):
        faces[a.node, round(pts[0][1], 3)].append((pts[2][0] if len(pts) > 2 else 0.0, i, 0))
        faces[b.node, round(pts[-1][1], 3)].append((pts[-3][0] if len(pts) > 2 else 0.0, i, 1))
    for (node, _), users in faces.items():
        box = next(e[0] if e[0].node == node else e[1] for e in (ends[users[0][1]],))
        users.sort()
        n = len(users)
        step = min(14.0, 0.8 * box.w / max(n, 1))
        for k, (_, i, end) in enumerate(users):
            x = box.x + (k - (n - 1) / 2) * step
            pts = routes[i]
            for j in ((0, 1) if end == 0 else (-1, -2)):
                pts[j] = (x, pts[j][1])


def _pack(row: list[Item]) -> None:
    x = 0.0
    for j, it in enumerate(row):
        x += _sep(row[j - 1], it) if j else it.w / 2
        it.x = x
    for it in row:  # centred on 0, so rows line up
        it.x -= x / 2


def _sep(a: Item, b: Item) -> float:
    gap = GAP if isinstance(a, Box) or isinstance(b, Box) else GAP / 3
    return (a.w + b.w) / 2 + gap


def _spread(row: list[Item]) -> None:
    """Move items toward their wanted x (``order``), in order, never closer than
    :func:`_sep`: the mean of a push to the right and a push to the left."""
    right = [it.order for it in row]
    for j in range(1, len(row)):
        right[j] = max(right[j], right[j - 1] + _sep(row[j - 1], row[j]))
    left = [it.order for it in row]
    for j in range(len(row) - 2, -1, -1):
        left[j] = min(left[j], left[j + 1] - _sep(row[j], row[j + 1]))
    for it, a, b in zip(row, right, left, strict=True):
        it.x = (a + b) / 2


def _route(chain: list[Item], band: dict[int, tuple[float, float]], i: int) -> list[Point]:
    a, b = chain[0], chain[-1]
    assert isinstance(a, Box) and isinstance(b, Box)
    if a.row == b.row:  # through the channel above (below for the bottom row)
        below = a.row == max(band)
        edge_y = band[a.row][1] if below else band[a.row][0]
        lane = edge_y + (-1 if below else 1) * (ROW_GAP * 0.35 + (i % 4) * 5.0)
        ya = a.y - a.h / 2 if below else a.y + a.h / 2
        yb = b.y - b.h / 2 if below else b.y + b.h / 2
        return [(a.x, ya), (a.x, lane), (b.x, lane), (b.x, yb)]
    down = b.row > a.row
    pts: list[Point] = []
    for it in chain:
        top, bottom = band[it.row]
        if isinstance(it, Box):
            face = it.y - it.h / 2 if (it is a) == down else it.y + it.h / 2
            edge = bottom if (it is a) == down else top
            pair = [(it.x, face), (it.x, edge)]
            pts += pair if it is a else pair[::-1]
        else:
            pts += [(it.x, top), (it.x, bottom)] if down else [(it.x, bottom), (it.x, top)]
    return pts


def segment_hits_box(p: Point, q: Point, box: Box, inset: float = 0.5) -> bool:
    """Whether the segment p-q passes through the inside of ``box`` (Liang-Barsky).

    >>> segment_hits_box((0, 0), (10, 0), Box("b", 0, 4, 4, x=5, y=0))
    True
    >>> segment_hits_box((0, 5), (10, 5), Box("b", 0, 4, 4, x=5, y=0))
    False
    """
    x0, x1 = box.x - box.w / 2 + inset, box.x + box.w / 2 - inset
    y0, y1 = box.y - box.h / 2 + inset, box.y + box.h / 2 - inset
    if x0 >= x1 or y0 >= y1:
        return False
    dx, dy = q[0] - p[0], q[1] - p[1]
    lo, hi = 0.0, 1.0
    for den, num in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if den == 0:
            if num < 0:
                return False
            continue
        t = num / den
        if den < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi:
            return False
    return lo < hi


def crossings(boxes: Sequence[Box], routes: Sequence[Sequence[Point]],
              ends: Sequence[tuple[str, str]] | None = None) -> list[tuple[int, str]]:
    """(edge index, node) for every box an edge passes under without ending at it.

    ``ends`` names each route's two nodes; without it, the boxes a route starts or
    ends inside (or on) are taken as its ends.
    """
    out: list[tuple[int, str]] = []
    for i, pts in enumerate(routes):
        if ends is not None:
            own = set(ends[i])
        else:
            own = {b.node for b in boxes for p in (pts[0], pts[-1]) if b.contains(p, -0.6)}
        for b in boxes:
            if b.node in own:
                continue
            if any(segment_hits_box(p, q, b) for p, q in itertools.pairwise(pts)):
                out.append((i, b.node))
    return out
