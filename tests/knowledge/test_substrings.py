"""A Haystack answers exactly what ``in`` answers, with its index of a long text or without."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge.substrings import Haystack

# Few characters, so that pieces of the text repeat and a quote often nearly occurs.
_ALPHABET = "ab c人"


@settings(max_examples=300, deadline=None)
@given(text=st.text(_ALPHABET, max_size=400), seed=st.integers(0, 2**32))
def test_a_quote_is_found_exactly_when_in_finds_it(text: str, seed: int) -> None:
    rng = random.Random(seed)
    indexed = Haystack(text, expected_quotes=10**6)
    for _ in range(30):
        if text and rng.random() < 0.7:
            start = rng.randrange(len(text))
            quote = text[start : start + rng.randint(0, 60)]
            if quote and rng.random() < 0.3:  # one character changed: mostly not in the text
                at = rng.randrange(len(quote))
                quote = quote[:at] + rng.choice(_ALPHABET) + quote[at + 1 :]
        else:
            quote = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 40)))

        assert (quote in indexed) == (quote in text)


def test_a_short_text_or_few_quotes_are_searched_plainly() -> None:
    plain = Haystack("a source text", expected_quotes=3)

    assert "source" in plain
    assert "sauce" not in plain
