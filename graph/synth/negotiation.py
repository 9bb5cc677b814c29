"""Synthetic proposals for :mod:`graph.synth.corpus`: plans whose provisions propose concessions.

Every concession the corpus generator made ``proposed`` becomes a provision of one
proposal (three to a proposal, each proposal also dealing with one topic), and gets
``proposed_in``; every second proposal numbers its provisions. Proposals and
provisions are claimed like any record: :func:`claimables` gives them to the
statement writer, with the ``_actor`` and ``_label`` its sentences need.

>>> import random
>>> concessions = [{"id": f"concession-{i:05d}", "modality": "proposed",
...                 "conceder": "s1", "_actor": {"name": "Ruritania"}, "_label": "land"}
...                for i in range(4)]
>>> states = [{"id": "s1", "name": "Ruritania"}, {"id": "s2", "name": "Freedonia"}]
>>> plans = proposals(random.Random(1), concessions, [{"id": "topic-00000"}], states)
>>> len(plans), [len(p["provisions"]) for p in plans], concessions[3]["proposed_in"]
(2, [4, 2], 'proposal-00001')
>>> [c["id"] for c in claimables(plans)][:2]
['proposal-00000', 'provision-00000-1']
"""

from __future__ import annotations

import random
from typing import Any

__all__ = ["PER_PROPOSAL", "claimables", "proposals"]

PER_PROPOSAL = 3
"""Proposed concessions per proposal."""
_KINDS = ("plan", "framework", "package", "joint_document")
_STATUSES = ("draft", "tabled", "accepted", "rejected", None)


def proposals(
    rng: random.Random,
    concessions: list[dict[str, Any]],
    topics: list[dict[str, Any]],
    states: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Proposals for every ``proposed`` concession (each gets ``proposed_in``)."""
    proposed = [c for c in concessions if c["modality"] == "proposed"]
    out: list[dict[str, Any]] = []
    for k in range(0, len(proposed), PER_PROPOSAL):
        pid = f"proposal-{len(out):05d}"
        group = proposed[k : k + PER_PROPOSAL]
        proposer = rng.choice(states)
        topic = rng.choice(topics)
        numbered = len(out) % 2 == 0
        items: list[dict[str, Any]] = []
        for j, c in enumerate(group, start=1):
            c["proposed_in"] = pid
            item: dict[str, Any] = {"id": f"provision-{len(out):05d}-{j}"}
            if numbered:
                item["number"] = j
            item.update(summary=f"{c['_actor']['name']} gives ground on {c['_label']}.",
                        asks_of=[c["conceder"]], concession=c["id"])  # fmt: skip
            items.append(item)
        last: dict[str, Any] = {"id": f"provision-{len(out):05d}-{len(group) + 1}"}
        if numbered:
            last["number"] = len(group) + 1
        label = str(topic.get("label", topic["id"])).lower()
        last.update(summary=f"The parties deal with {label}.", topic=topic["id"])
        items.append(last)
        proposal: dict[str, Any] = {
            "id": pid,
            "title": f"{proposer['name']} plan number {len(out) + 1}",
            "kind": _KINDS[len(out) % len(_KINDS)],
            "proposers": [proposer["id"]],
        }
        status = _STATUSES[len(out) % len(_STATUSES)]
        if status is not None:
            proposal["status"] = status
        if len(out) % 3 == 0:
            proposal["provision_count"] = len(items) + rng.randrange(3)
        proposal["provisions"] = items
        proposal["_actor"], proposal["_label"] = proposer, proposal["title"].lower()
        out.append(proposal)
    return out


def claimables(plans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each proposal and each of its provisions, as records the statement writer can claim."""
    out: list[dict[str, Any]] = []
    for plan in plans:
        out.append(plan)
        for item in plan["provisions"]:
            out.append({"id": item["id"], "_actor": plan["_actor"],
                        "_label": item["summary"].rstrip(".").lower()})  # fmt: skip
    return out
