"""The best ratio over texts sorted by length is the best ratio over all of them."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.matching.nearness import TextsByLength

# Few letters, so that texts often come near one another; lengths from empty to long.
TEXTS = st.text(alphabet="abc 通州", max_size=40)


def _every_ratio(text: str, texts: list[str], cutoff: float) -> float | None:
    best = max((fuzz.ratio(text, other) for other in texts), default=None)
    return best if best is not None and best >= cutoff else None


@given(text=TEXTS, texts=st.lists(TEXTS, max_size=30), cutoff=st.floats(0.0, 100.0))
@example(text="ab", texts=["abc"], cutoff=80.0)  # exactly at the cutoff
@example(text="", texts=["", "a"], cutoff=50.0)
@example(text="abc", texts=[], cutoff=0.0)
def test_the_best_ratio_is_that_of_every_text(text: str, texts: list[str], cutoff: float) -> None:
    assert TextsByLength(texts).best_ratio(text, cutoff) == _every_ratio(text, texts, cutoff)


def test_texts_out_of_reach_are_passed_over_but_count_when_near() -> None:
    texts = TextsByLength(["x" * 10, "ferry ticket price", "y" * 100])
    assert texts.best_ratio("ferry ticket prices", 80.0) == fuzz.ratio(
        "ferry ticket prices", "ferry ticket price"
    )
    assert texts.best_ratio("ferry ticket prices", 98.0) is None
    assert texts.texts == ["x" * 10, "ferry ticket price", "y" * 100]
