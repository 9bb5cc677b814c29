"""The dossier: one self-contained HTML file an analyst can send to a colleague.

Every section is the library's answer, in its words: who conceded what
(:meth:`graph.Graph.concessions`), proposals with their provisions, positions by
topic, meetings, the history of each topic and the tensions. Under every record
stand its claims, and each claim shows its quote **marked in its source's stored
text** at the stored character offsets, with speaker, venue, date and the chain of
outlets it came through. Each record has a stable anchor (``#r-<record id>``), so
``detente show`` and the interactive page can link to it. Everything is escaped; the
page fetches nothing, runs one small inline script (a search box that hides records
that do not match; ``#q=words`` in the URL fills it) and prints cleanly.

>>> from graph import Graph
>>> from schemas import load
>>> page = dossier(load("data"), Graph.from_data("data"))
>>> page.count('<mark data-statement="witkoff-cnn-won-concession"') >= 1
True
>>> "https://" in page.split("<body")[0]
False
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.ask.graph import Graph
    from graph.ask.rows import ClaimRow
    from schemas.corpus import Corpus

__all__ = ["AROUND", "anchor", "dossier", "write_report"]

AROUND = 280
"""Characters of source text shown either side of a marked quote."""


def anchor(record_id: str) -> str:
    """The stable anchor of a record in the dossier.

    >>> anchor("russia-legislated-no-seizure-pledge")
    'r-russia-legislated-no-seizure-pledge'
    """
    return f"r-{record_id}"


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _names(refs: Iterable[Any]) -> str:
    return ", ".join(_e(r.name) for r in refs) or "—"


class _Dossier:
    def __init__(self, corpus: Corpus, graph: Graph, keep: set[str] | None) -> None:
        self.corpus, self.graph, self.keep = corpus, graph, keep
        self.claim_count = 0

    def wanted(self, record_id: str) -> bool:
        return self.keep is None or record_id in self.keep

    def quote(self, c: ClaimRow) -> str:
        """A claim: who, where, when, through whom, and its quote marked in the text."""
        st = self.corpus.statements.get(c.statement)
        text = self.corpus.texts.get(c.source, "")
        ev = st.evidence if st else None
        chain = " → ".join([_e(c.speaker.name), *(_e(r.name) for r in c.via), _e(c.source)])
        verb = "denies" if c.denies else "asserts"
        head = (f'<p class="who"><b>{_e(c.speaker.name)}</b> {verb} · {_e(c.venue)} · '
                f'{_e(c.date.isoformat())} ({_e(c.date_precision)}) · {_e(c.mode)}<br>'
                f'<span class="chain">chain: {chain}</span></p>')
        self.claim_count += 1
        if ev is None or not text:
            return f'<div class="claim">{head}<blockquote>{_e(c.quote)}</blockquote></div>'
        lo, hi = max(0, ev.start - AROUND), min(len(text), ev.end + AROUND)
        while 0 < lo < ev.start and not text[lo - 1].isspace():  # whole words only
            lo += 1
        while ev.end < hi < len(text) and not text[hi].isspace():
            hi -= 1
        body = (("…" if lo else "") + _e(text[lo:ev.start])
                + f'<mark data-statement="{_e(c.statement)}" data-start="{ev.start}" '
                f'data-end="{ev.end}">{_e(text[ev.start:ev.end])}</mark>'
                + _e(text[ev.end:hi]) + ("…" if hi < len(text) else ""))
        return (f'<div class="claim">{head}<blockquote class="text">{body}</blockquote>'
                f'<p class="where">in {_e(c.source)}, characters {ev.start} to {ev.end}</p></div>')

    def claims(self, claims: Iterable[ClaimRow]) -> str:
        parts = [self.quote(c) for c in claims]
        return "".join(parts) or '<p class="none">no statement in view</p>'

    def record(self, rid: str, kind: str, title: str, facts: list[tuple[str, str]],
               claims: Iterable[ClaimRow], extra: str = "") -> str:
        rows = "".join(f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in facts)
        return (f'<article class="record {kind}" id="{_e(anchor(rid))}">'
                f'<h3><a href="#{_e(anchor(rid))}">{_e(title)}</a> '
                f'<small>{_e(kind)} · {_e(rid)}</small></h3>'
                f"<table>{rows}</table>{extra}{self.claims(claims)}</article>")


def _concessions(d: _Dossier, topic: str | None) -> str:
    rows = d.graph.concessions(topic=topic) if topic else d.graph.concessions()
    out = []
    for r in rows:
        if not d.wanted(r.concession):
            continue
        facts = [("answer", f"<b>{_e(r.answer)}</b>"), ("modality", _e(r.modality)),
                 ("status", _e(r.status)), ("conceder", _e(r.conceder.name)),
                 ("to", _names(r.conceded_to)), ("beneficiaries", _names(r.beneficiaries)),
                 ("topic", _e(_topic_label(d, r.topic))), ("claimants", f"{r.claimants} voice(s), "
                                                      f"{r.sources} source(s)")]
        if r.demanded_by:
            facts.append(("demanded by", _names(r.demanded_by)))
        if r.conditions:
            facts.append(("conditions", "; ".join(_e(c) for c in r.conditions)))
        out.append(d.record(r.concession, "concession", r.summary, facts, r.claims))
    return "".join(out)


def _proposals(d: _Dossier) -> str:
    out = []
    for p in d.graph.proposals():
        if not d.wanted(p.proposal):
            continue
        items = "".join(
            f'<li id="{_e(anchor(v.provision))}"><b>{_e(v.number or "·")}.</b> {_e(v.summary)}'
            f' <small>asks of {_names(v.asks_of)}; gives to {_names(v.gives_to)}'
            + (f'; see <a href="#{_e(anchor(v.points_to))}">{_e(v.points_to)}</a>'
               if v.points_to else "") + f"</small>{d.claims(v.claims)}</li>"
            for v in p.provisions)
        facts = [("kind", _e(p.kind)), ("status", _e(p.status or "—")),
                 ("proposers", _names(p.proposers)), ("drafters", _names(p.drafters)),
                 ("response deadline", _e(p.response_deadline or "—"))]
        out.append(d.record(p.proposal, "proposal", p.title, facts, p.claims,
                            f"<h4>provisions</h4><ol class='provisions'>{items}</ol>"))
    return "".join(out)


def _positions(d: _Dossier) -> str:
    by_topic: dict[str, list[Any]] = defaultdict(list)
    for p in d.graph.positions():
        if d.wanted(p.position):
            by_topic[p.topic].append(p)
    out = []
    for topic in sorted(by_topic):
        out.append(f"<h3 class='topic'>{_e(_topic_label(d, topic))}</h3>")
        for p in by_topic[topic]:
            facts = [("holder", _e(p.actor.name)), ("stance", _e(p.stance.replace("_", " "))),
                     ("since", _e(p.date or "—"))]
            out.append(d.record(p.position, "position", p.summary, facts, p.claims))
    return "".join(out)


def _meetings(d: _Dossier) -> str:
    out = []
    for m in d.graph.meetings():
        if not d.wanted(m.meeting):
            continue
        who = ", ".join(f"{_e(p.name)} ({_e(p.role)})" for p in m.participants) or "—"
        facts = [("status", _e(m.status)), ("date", _e(m.start or "no date")),
                 ("where", _e(m.location or "—")), ("participants", who)]
        out.append(d.record(m.meeting, "meeting", m.title, facts, m.claims))
    return "".join(out)


def _topic_label(d: _Dossier, topic: str) -> str:
    t = d.corpus.topics.get(topic)
    return t.label if t else topic


def _history(d: _Dossier, topics: list[str]) -> str:
    out = []
    for topic in topics:
        rows = [h for h in d.graph.history(topic) if d.wanted(h.record)]
        if not rows:
            continue
        items = "".join(
            f"<tr><td>{_e(h.date.isoformat())}</td><td>{_e(h.speaker.name)}</td>"
            f"<td>{_e(h.relation)}</td><td><a href='#{_e(anchor(h.record))}'>"
            f"{_e(h.summary)}</a></td><td>{_e(h.standing)}</td></tr>" for h in rows)
        out.append(f"<section class='record history' id='{_e(anchor('history-' + topic))}'>"
                   f"<h3>{_e(_topic_label(d, topic))}</h3><table class='rows'><tr><th>date"
                   "</th><th>who</th><th>says</th><th>record</th><th>standing</th></tr>"
                   f"{items}</table></section>")
    return "".join(out)


def _tensions(d: _Dossier) -> str:
    out = []
    for t in d.graph.tensions():
        a, b = t.sides
        if not (d.wanted(a.record) or d.wanted(b.record)):
            continue
        sides = "".join(
            f"<div class='side'><p><a href='#{_e(anchor(s.record))}'>{_e(s.summary)}</a> — "
            f"{_e(s.actor.name)}: <b>{_e(s.standing)}</b></p>{d.claims(s.claims)}</div>"
            for s in t.sides)
        out.append(f"<article class='record tension'><h3>{_e(t.kind)} · "
                   f"{_e(_topic_label(d, t.topic))}</h3><p>{_e(t.why)}</p>{sides}</article>")
    return "".join(out) or "<p class='none'>none found</p>"


def _keep(corpus: Corpus, focus: str | None, topic: str | None,
          as_of: dt.date | None) -> set[str] | None:
    if not focus and not topic:
        return None
    from graph.draw.dispatch import prepare

    g = prepare(corpus, focus, as_of, topic=topic)
    return {str(d["record_id"]) for _, d in g.nodes(data=True) if "record_id" in d}


def dossier(corpus: Corpus, ask: Graph, focus: str | None = None, topic: str | None = None,
            as_of: dt.date | None = None, title: str | None = None) -> str:
    """The dossier as one HTML string (see the module docstring).

    ``ask`` is the :class:`graph.Graph` of ``corpus``, built by the caller: the drawing
    room reads the library's answers and runs no engine of its own.
    """
    from graph.draw.report_page import PAGE, SCRIPT, STYLE

    graph = ask
    if as_of is not None:
        graph = graph.as_of(as_of)
        corpus = corpus.as_of(as_of)
    keep = _keep(corpus, focus, topic, None)
    d = _Dossier(corpus, graph, keep)
    topic_id = graph.resolve_topic(topic) if topic else None
    topics = sorted({c.topic for c in corpus.concessions.values()}
                    | {p.topic for p in corpus.positions.values()})
    if topic_id:
        topics = [t for t in topics if keep is None or t in keep]
    bits = ([f"around {focus}"] if focus else []) + ([f"on {topic}"] if topic else []) + (
        [f"as of {as_of.isoformat()}"] if as_of else [])
    heading = title or "detente dossier: who conceded what, according to whom " + " ".join(bits)
    sections = [
        ("concessions", "Who conceded what", _concessions(d, topic_id)),
        ("proposals", "Proposals and their provisions", _proposals(d)),
        ("positions", "Positions by topic", _positions(d)),
        ("meetings", "Meetings", _meetings(d)),
        ("history", "History per topic", _history(d, topics)),
        ("tensions", "Tensions", _tensions(d)),
    ]
    toc = "".join(f"<li><a href='#{k}'>{_e(h)}</a></li>" for k, h, _ in sections)
    body = "".join(f"<section id='{k}'><h2>{_e(h)}</h2>{b or '<p class=none>none</p>'}"
                   "</section>" for k, h, b in sections)
    sources = ", ".join(f"{_e(s.id)} ({_e(s.publisher or s.kind.value)}, "
                        f"{_e(s.published or 'no date')})"
                        for s in sorted(corpus.sources.values(), key=lambda s: s.id))
    intro = (f"<p>Every record below is a <b>claim</b>, never a fact: each stands with the "
             f"statements that assert or deny it, quoted in their source's text. "
             f"{d.claim_count} claims quoted. Sources: {sources}.</p>")
    return PAGE.format(title=_e(heading), style=STYLE, script=SCRIPT, toc=toc,
                       intro=intro, body=body)


def write_report(corpus: Corpus, ask: Graph, out: str | os.PathLike[str],
                 **options: Any) -> Path:
    """Write the dossier to ``out`` (a ``.html`` file, or a folder for ``report.html``)."""
    from graph.files import write_via
    from schemas.errors import UsageError

    target = Path(out)
    if target.suffix.lower() not in (".html", ".htm"):
        if target.suffix:
            raise UsageError(f"cannot write a report to {target.name!r}: use a folder or a "
                             "file ending in .html")
        target.mkdir(parents=True, exist_ok=True)
        target = target / "report.html"
    page = dossier(corpus, ask, **options)
    return write_via(target, lambda tmp: Path(tmp).write_text(page, "utf-8"))
