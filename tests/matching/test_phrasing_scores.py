"""The fast phrasing scores give exactly what scoring each phrasing on its own gives."""

from __future__ import annotations

import copy
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.faq import FaqEngine
from bot.matching.phrasing_scores import fuzzy_scores, shared_units

# Words the shipped phrasings use, words they never use, and Chinese runs, so generated
# questions share some words with some phrasings and none with most.
_WORDS = [
    "tongzhou",
    "talent",
    "what",
    "is",
    "the",
    "alphaess",
    "hq",
    "where",
    "when",
    "phd",
    "event",
    "人才",
    "通州",
    "是什么",
    "housing",
    "visa",
    "zzz",
    "a",
    "3.0",
    "policy",
    "博士",
    "哪里",
]

questions = st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join)


def _one_by_one(query: str, positions: list[int], engine: FaqEngine) -> dict[int, float]:
    texts = engine.matcher.index.phrasing_texts
    return {p: fuzz.token_set_ratio(query, texts[p], processor=None) for p in positions}


def _candidate_positions(engine: FaqEngine, every: int) -> list[int]:
    """Every ``every``-th entry's phrasings: the general path, where not all entries compete."""
    index = engine.matcher.index
    return [
        p
        for entry in range(0, len(index.entry_ids), every)
        for p in index.phrasings_of_entry[entry]
    ]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=questions, every=st.sampled_from([1, 2, 3]))
def test_token_set_scores_equal_rapidfuzz_one_phrasing_at_a_time(
    shipped: FaqEngine, query: str, every: int
) -> None:
    positions = _candidate_positions(shipped, every)
    scores = fuzzy_scores(query, positions, shipped.matcher.index, fuzz.token_set_ratio)
    expected = _one_by_one(query, positions, shipped)
    assert scores.of_phrasing == expected  # the same floats, not merely close ones
    entry_of = shipped.matcher.index.phrasing_entries
    assert scores.best_of_entry == {
        entry: max(score for p, score in expected.items() if entry_of[p] == entry)
        for entry in {entry_of[p] for p in positions}
    }
    entry_of = shipped.matcher.index.phrasing_entries
    for entry, best in scores.best_of_entry.items():
        assert best == max(s for p, s in expected.items() if entry_of[p] == entry)
    assert set(scores.best_of_entry) == {entry_of[p] for p in positions}


@pytest.mark.parametrize(
    "query",
    [
        "why doe tongzhou prioritiz talent",
        "为啥 tongzhou 这么 prioritiz talent",
        "wher is the tongzhou talent offic address",
        "zzz qqq",
    ],
)
def test_questions_from_the_evaluation_sets_score_as_rapidfuzz_does(
    shipped: FaqEngine, query: str
) -> None:
    positions = list(range(len(shipped.matcher.index.phrasings)))
    scores = fuzzy_scores(query, positions, shipped.matcher.index, fuzz.token_set_ratio)
    assert scores.of_phrasing == _one_by_one(query, positions, shipped)
    assert max(scores.of_phrasing.values()) > 0


def test_an_empty_match_string_scores_zero_everywhere(shipped: FaqEngine) -> None:
    positions = _candidate_positions(shipped, 1)
    scores = fuzzy_scores("", positions, shipped.matcher.index, fuzz.token_set_ratio)
    assert set(scores.of_phrasing.values()) == {0.0}


def test_other_scorers_score_every_phrasing(shipped: FaqEngine) -> None:
    positions = _candidate_positions(shipped, 2)
    texts = shipped.matcher.index.phrasing_texts
    scores = fuzzy_scores("alphaess hq wher", positions, shipped.matcher.index, fuzz.WRatio)
    assert scores.of_phrasing == {
        p: fuzz.WRatio("alphaess hq wher", texts[p], processor=None) for p in positions
    }


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    units=st.dictionaries(
        st.sampled_from(["tongzhou", "talent", "alphaess", "event", "人才", "?where", "zzz"]),
        st.floats(min_value=0.01, max_value=5.0),
    ),
    every=st.sampled_from([1, 2, 8]),
)
def test_shared_units_are_the_units_each_phrasing_uses(
    shipped: FaqEngine, units: dict[str, float], every: int
) -> None:
    index = shipped.matcher.index
    positions = _candidate_positions(shipped, every)
    found = shared_units(positions, units, index)
    for position in positions:
        common = index.phrasings[position].units & units.keys()
        if common:
            assert math.fsum(found[position]) == math.fsum(units[u] for u in common)
            assert len(found[position]) == len(common)
        else:
            assert position not in found


def test_a_base_without_the_word_index_scores_the_same(shipped: FaqEngine) -> None:
    """Large bases skip the phrasings' word index; scoring every phrasing then checks each."""
    index = shipped.matcher.index
    assert index.phrasings_with_word is not None  # the shipped base is small
    without = copy.copy(index)
    without.phrasings_with_word = None
    positions = list(range(len(index.phrasings)))
    for query in ("alphaess hq wher", "talent policy 3.0 launch", "通州 在 哪", ""):
        expected = fuzzy_scores(query, positions, index, fuzz.token_set_ratio)
        assert fuzzy_scores(query, positions, without, fuzz.token_set_ratio) == expected
