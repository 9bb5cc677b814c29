"""Suggestions for unknown actors and topics come from ids, names, labels and aliases."""

from __future__ import annotations

import pytest

from graph.ask.graph import Graph
from schemas import Corpus
from schemas.errors import NotFoundError
from schemas.suggest import closest


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Witkof", "steve-witkoff (Witkoff)"),
        ("Zelenskky", "volodymyr-zelenskyy"),
        ("Moskow", "russia (Moscow)"),
    ],
)
def test_actor_suggestions_use_names_and_aliases(seed: Corpus, query: str, expected: str) -> None:
    with pytest.raises(NotFoundError) as err:
        seed.resolve_actor(query)
    assert any(c.startswith(expected) for c in err.value.candidates), err.value.candidates


def test_articles_alone_do_not_make_a_match(seed: Corpus) -> None:
    assert not any(c.startswith("russia") for c in seed.closest_actors("the Americans"))


@pytest.mark.parametrize(("query", "expected"), [("Article 5", "article-5-like-guarantee"),
                                                 ("nato", "ukraine-nato-membership")])  # fmt: skip
def test_topic_suggestions_use_labels(query: str, expected: str) -> None:
    with pytest.raises(NotFoundError) as err:
        Graph.from_data("data").resolve_topic(query)
    assert err.value.candidates and err.value.candidates[0].startswith(expected)


def test_nothing_close_gives_no_suggestion() -> None:
    assert closest("zzzz", {"Russia": "russia"}) == []
    assert closest("the", {"the Russians": "russia"}) == []
