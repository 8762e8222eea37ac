"""The best ratio over texts sorted by length is the best ratio over all of them."""

from __future__ import annotations

import math

from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.matching.nearness import TextsByLength

# Few characters, so that texts often come near one another (Latin and Chinese letters, a
# digit, a space, an emoji outside the Basic Multilingual Plane); from empty to long.
TEXTS = st.text(alphabet="abc 1通州😀", max_size=40)
# Cutoffs anywhere, those a score reaches exactly (ties), and ones no score reaches.
CUTOFFS = st.one_of(
    st.floats(0.0, 100.0),
    st.sampled_from([80.0, 100.0, 100.5, 1e-300, math.nan]),
    st.builds(fuzz.ratio, TEXTS, TEXTS),
)


def _every_ratio(text: str, texts: list[str], cutoff: float) -> float | None:
    best = max((fuzz.ratio(text, other) for other in texts), default=None)
    return best if best is not None and best >= cutoff else None


@given(text=TEXTS, texts=st.lists(TEXTS, max_size=30), cutoff=CUTOFFS)
@example(text="ab", texts=["abc"], cutoff=80.0)  # exactly at the cutoff
@example(text="a", texts=["acccccccc"], cutoff=fuzz.ratio("a", "acccccccc"))  # a tie, inexact
@example(text="", texts=["", "a"], cutoff=50.0)
@example(text="abc", texts=[], cutoff=0.0)
@example(text="abc", texts=["abc"], cutoff=101.0)  # above any score
def test_the_best_ratio_is_that_of_every_text(text: str, texts: list[str], cutoff: float) -> None:
    assert TextsByLength(texts).best_ratio(text, cutoff) == _every_ratio(text, texts, cutoff)


def test_texts_too_long_or_too_short_to_reach_the_cutoff_are_passed_over() -> None:
    texts = TextsByLength(["x" * 10, "ferry ticket price", "y" * 100])
    # 19 characters against 12 to 29 for a ratio of 80: the two others cannot reach it
    assert texts.candidates("ferry ticket prices", 80.0) == ["ferry ticket price"]
    assert texts.candidates("ferry ticket prices", 0.0) == texts.texts
    assert texts.best_ratio("ferry ticket prices", 80.0) == fuzz.ratio(
        "ferry ticket prices", "ferry ticket price"
    )
    assert texts.best_ratio("ferry ticket prices", 98.0) is None
