"""How a question compares with each candidate phrasing: rapidfuzz score and shared units.

Comparing the question with every candidate phrasing is most of the time a question takes, so
both parts avoid Python work per phrasing where they can. Both give exactly what comparing the
phrasings one by one would give, for what the matcher passes them: match strings whose words
are separated by single spaces (``normalise`` leaves no other whitespace, which rapidfuzz and
``str.split`` might split differently), and distinct phrasing positions, all of them when every
entry is a candidate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from bot.matching.index import KbIndex

Scorer = Callable[..., float]

# The rapidfuzz scorers ``MatchSettings.fuzzy_scorer`` may name; benchmarks/accuracy.py
# compares them.
SCORERS: dict[str, Scorer] = {
    "ratio": fuzz.ratio,
    "partial_ratio": fuzz.partial_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "token_ratio": fuzz.token_ratio,
    "WRatio": fuzz.WRatio,
    "QRatio": fuzz.QRatio,
}


class FuzzyScores(NamedTuple):
    of_phrasing: dict[int, float]  # phrasing position -> the scorer's score, 0 to 100
    best_of_entry: dict[int, float]  # entry -> its best phrasing's score


def fuzzy_scores(
    query: str, positions: Sequence[int], index: KbIndex, scorer: Scorer
) -> FuzzyScores:
    """The scorer's score of the question's match string against each candidate phrasing."""
    if scorer is fuzz.token_set_ratio:
        return _token_set_scores(query, positions, index)
    found = process.extract(
        query, _pick(index.phrasing_texts, positions), scorer=scorer, processor=None, limit=None
    )
    return _with_best_of_entry({positions[at]: score for _, score, at in found}, index)


def _token_set_scores(query: str, positions: Sequence[int], index: KbIndex) -> FuzzyScores:
    """``fuzz.token_set_ratio`` of each phrasing, with most of rapidfuzz's work left out.

    Most phrasings share no word with a question. For those, token_set_ratio compares the
    question's distinct words, sorted and joined, with the phrasing's: the plain Indel
    distance between two strings, one of them prepared by the index, which rapidfuzz computes
    several times faster than the whole token_set_ratio. The score is then worked out from the
    distance with rapidfuzz's own formula, so it is the same float.
    """
    words = set(query.split())
    if not words:
        # token_set_ratio's score when either side has no words at all.
        return _with_best_of_entry(dict.fromkeys(positions, 0.0), index)
    shared, apart = _sharing_a_word(words, positions, index)
    scores: dict[int, float] = {}
    best: dict[int, float] = {}
    entry_of = index.phrasing_entries
    # Best first: the first phrasing of an entry in this order is its best among these.
    for _, score, at in process.extract(
        query,
        _pick(index.phrasing_texts, shared),
        scorer=fuzz.token_set_ratio,
        processor=None,
        limit=None,
    ):
        position = shared[at]
        scores[position] = score
        if entry_of[position] not in best:
            best[entry_of[position]] = score
    sorted_words = index.phrasing_sorted_words
    sorted_query = " ".join(sorted(words))
    query_length = len(sorted_query)
    for _, distance, at in process.extract(
        sorted_query,
        _pick(sorted_words, apart),
        scorer=Indel.distance,
        processor=None,
        limit=None,
    ):
        position = apart[at]
        length = len(sorted_words[position])
        # A phrasing with no words at all scores 0, as in token_set_ratio.
        score = 100 - 100 * distance / (query_length + length) if length else 0.0
        scores[position] = score
        if score > best.get(entry_of[position], -1.0):
            best[entry_of[position]] = score
    return FuzzyScores(scores, best)


def _sharing_a_word(
    words: set[str], positions: Sequence[int], index: KbIndex
) -> tuple[list[int], list[int]]:
    """The positions whose phrasings share a word with the question, and the others, in order.

    A small base indexes its phrasings' words: the words' own lists of phrasings give the
    first part. A large one checks each candidate (a common word's list is far longer than the
    candidates there).
    """
    using = index.phrasings_with_word
    if using is not None:
        found: set[int] = set()
        for word in words:
            found.update(using.get(word, ()))
        return [p for p in positions if p in found], [p for p in positions if p not in found]
    disjoint = words.isdisjoint
    word_sets = index.phrasing_words
    shared = [p for p in positions if not disjoint(word_sets[p])]
    apart = [p for p in positions if disjoint(word_sets[p])]
    return shared, apart


def _with_best_of_entry(scores: dict[int, float], index: KbIndex) -> FuzzyScores:
    best: dict[int, float] = {}
    entry_of = index.phrasing_entries
    for position, score in scores.items():
        if score > best.get(entry_of[position], -1.0):
            best[entry_of[position]] = score
    return FuzzyScores(scores, best)


def _pick(items: Sequence[str], positions: Sequence[int]) -> Sequence[str]:
    """``[items[p] for p in positions]``, in one C call."""
    if len(positions) > 1:
        return itemgetter(*positions)(items)  # type: ignore[no-any-return]
    return [items[p] for p in positions]


def shared_units(
    positions: Sequence[int], known: dict[str, float], index: KbIndex
) -> dict[int, list[float]]:
    """Phrasing position -> the weights of the question's units it uses, for those using any.

    A unit's own list of phrasings is read when it is no longer than the candidates' (always,
    when every entry is a candidate); a unit common in a large base is looked up in each
    candidate phrasing instead.
    """
    everywhere = len(positions) == len(index.phrasings)
    among = None if everywhere else frozenset(positions)
    shared: dict[int, list[float]] = {}
    for unit, weight in known.items():
        users = index.phrasings_using.get(unit, ())
        if among is None:
            found: Iterable[int] = users
        elif len(users) <= len(positions):
            found = [p for p in users if p in among]
        else:
            found = [p for p in positions if unit in index.phrasings[p].units]
        for position in found:
            if position in shared:
                shared[position].append(weight)
            else:
                shared[position] = [weight]
    return shared
