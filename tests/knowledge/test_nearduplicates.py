"""The near-duplicate search finds exactly the pairs that comparing every pair finds."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.knowledge.nearduplicates import is_near, near_earlier

# Few enough characters that unrelated texts share pieces, as templated questions do, and
# enough that a text's other pieces rarely hide a kept piece the search failed to find.
_ALPHABET = "abcdefghij 人才通州"


def every_pair(texts: list[str], score: float) -> list[list[int]]:
    return [[i for i in range(j) if is_near(texts[i], texts[j], score)] for j in range(len(texts))]


def edited(text: str, edits: int, rng: random.Random) -> str:
    """``text`` after ``edits`` one-character insertions or deletions, spread along it (one in
    each stretch), the way most likely to touch every piece the search keeps."""
    for number in range(edits):
        stretch = len(text) / edits
        at = int(number * stretch + rng.random() * stretch)
        if text and rng.random() < 0.5:
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + rng.choice(_ALPHABET) + text[at:]
    return text


@settings(max_examples=300, deadline=None)
@given(
    bases=st.lists(st.text(_ALPHABET, max_size=80), min_size=1, max_size=3),
    variants=st.integers(2, 10),
    seed=st.integers(0, 2**32),
    score=st.sampled_from([95.0, 90.0, 97.5]),
)
def test_finds_exactly_the_pairs_every_comparison_finds(
    bases: list[str], variants: int, seed: int, score: float
) -> None:
    rng = random.Random(seed)
    texts = [edited(rng.choice(bases), rng.randint(0, 8), rng) for _ in range(variants)]

    assert near_earlier(texts, score) == every_pair(texts, score)


def test_thousands_of_edited_texts() -> None:
    rng = random.Random(1)
    for _ in range(2000):
        base = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 80)))
        texts = [edited(base, rng.randint(0, 8), rng) for _ in range(rng.randint(2, 8))]

        assert near_earlier(texts, 95.0) == every_pair(texts, 95.0), texts


def test_long_templated_questions_with_a_few_edits() -> None:
    rng = random.Random(5)
    words = ["babe", "cibo", "dade", "fifo", "gaga", "babo", "cide"]
    texts = []
    for _ in range(300):
        x, y, z = (rng.choice(words) + rng.choice(words) for _ in range(3))
        question = f"could you tell me about {x} and {y} for {z} please"
        texts.append(edited(question, rng.randint(0, 4), rng))

    found = near_earlier(texts, 95.0)

    assert found == every_pair(texts, 95.0)
    assert sum(map(len, found)) > 0  # the set holds near pairs to find


def test_empty_texts_are_never_near() -> None:
    assert near_earlier(["", "", "a", "a"], 95.0) == [[], [], [], [2]]


def bunched(text: str, edits: int, rng: random.Random) -> str:
    """``text`` after ``edits`` insertions or deletions at one place, as when a question's first
    word changes: the pieces after it all move by as much as the edits allow."""
    at = rng.randint(0, len(text))
    deleted = rng.randint(0, min(edits, len(text) - at))
    inserted = "".join(rng.choice(_ALPHABET) for _ in range(edits - deleted))
    return text[:at] + inserted + text[at + deleted :]


@settings(max_examples=300, deadline=None)
@given(
    frame=st.tuples(st.text(_ALPHABET, max_size=30), st.text(_ALPHABET, max_size=12)),
    words=st.lists(st.text(_ALPHABET, min_size=1, max_size=10), min_size=1, max_size=4),
    variants=st.integers(2, 12),
    seed=st.integers(0, 2**32),
    score=st.sampled_from([80.0, 90.0, 95.0]),
)
def test_templated_texts_with_spread_or_bunched_edits(
    frame: tuple[str, str], words: list[str], variants: int, seed: int, score: float
) -> None:
    # Texts sharing a frame around a few words, as generated questions do: their common pieces
    # are the frame's, and near pairs come at every length difference the score allows.
    rng = random.Random(seed)
    prefix, suffix = frame
    texts = []
    for _ in range(variants):
        text = f"{prefix}{rng.choice(words)} {rng.choice(words)}{suffix}"
        edit = edited if rng.random() < 0.5 else bunched
        texts.append(edit(text, rng.randint(0, 1 + len(text) // 8), rng))

    assert near_earlier(texts, score) == every_pair(texts, score)


def test_low_scores_where_texts_are_too_short_to_cut_into_enough_pieces() -> None:
    rng = random.Random(7)
    for _ in range(1500):
        score = rng.choice([40.0, 55.0, 66.0, 67.0, 70.0])
        base = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 30)))
        texts = [edited(base, rng.randint(0, 10), rng) for _ in range(rng.randint(2, 8))]

        assert near_earlier(texts, score) == every_pair(texts, score), (score, texts)


def test_a_threshold_that_is_itself_a_rounded_score_is_reached() -> None:
    # fuzz.ratio("xxx", "xxxx") is 6/7 in floating point, a hair above the exact fraction
    score = fuzz.ratio("xxx", "xxxx")
    assert near_earlier(["xxx", "xxxx"], score) == [[], [0]]
    assert near_earlier(["ab", "a"], 200 / 3) == [[], [0]]
