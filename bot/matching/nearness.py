"""The best rapidfuzz ``ratio`` of a text against many, passing over those too long or too short.

``ratio`` is 100 × (1 − Indel distance / total length), and the distance is at least the
difference of the two lengths, so a text of length n can score ``cutoff`` only against texts
between n × cutoff / (200 − cutoff) and n × (200 − cutoff) / cutoff long (from two thirds to one
and a half times as long for 80). Sorted by length once, the texts out of that window are never
looked at: over thousands of examples, rapidfuzz then compares a question with a few hundred.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable

from rapidfuzz import fuzz, process

# How far below the cutoff rapidfuzz is asked to look (see best_ratio)
_CUTOFF_SLACK = 1e-3


class TextsByLength:
    """Texts sorted by length, for ``best_ratio``."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = sorted(texts, key=len)
        self._lengths = [len(text) for text in self.texts]

    def best_ratio(self, text: str, cutoff: float = 0.0) -> float | None:
        """The best ``fuzz.ratio`` of ``text`` against these texts, if any reaches ``cutoff``."""
        if not cutoff <= 100.0:  # above any score (or not a number)
            return None
        candidates = self.candidates(text, cutoff)
        # rapidfuzz turns away scores at its cutoff and a hair above it (and lets some a hair
        # below through): it is given a lower one, and the cutoff is applied here, exactly.
        found = process.extractOne(
            text,
            candidates,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=max(cutoff - _CUTOFF_SLACK, 0.0),
        )
        return None if found is None or found[1] < cutoff else float(found[1])

    def candidates(self, text: str, cutoff: float) -> list[str]:
        """The texts whose length lets them score ``cutoff`` against ``text``."""
        # (Below a cutoff of 1 the window is all the texts anyway, or too wide to compute.)
        if not 1.0 <= cutoff <= 100.0:
            return self.texts
        length = len(text)
        # One character of slack each way: the bounds are exact only in real numbers.
        shortest = math.floor(length * cutoff / (200.0 - cutoff)) - 1
        longest = math.ceil(length * (200.0 - cutoff) / cutoff) + 1
        return self.texts[
            bisect.bisect_left(self._lengths, shortest) : bisect.bisect_right(
                self._lengths, longest
            )
        ]
