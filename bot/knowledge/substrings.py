"""Is this quote, word for word, in that source text? Answered quickly for many quotes at once.

``quote in text`` reads the text from its start for every quote, so checking the quotes of
thousands of entries against one long source takes time in proportion to both. A ``Haystack``
answers exactly what ``in`` answers, but for a long text with many quotes it first indexes the
text's pieces of ``_KEY`` characters that start at every ``_STEP``-th character. Wherever a quote
occurs, any ``_STEP`` consecutive starting points of its own hold exactly one at which such an
indexed piece begins. So looking up the quote's pieces at ``_STEP`` consecutive starting points
finds every place where it may occur, and each place is then compared in full.
"""

from __future__ import annotations

from collections import defaultdict

_KEY = 16
_STEP = 8
# Below this many characters read in all (text length times quotes), ``in`` is quick enough.
_SCAN_LIMIT = 2_000_000
# A window of pieces found at this few places is taken without looking at other windows.
_FEW = 4


class Haystack:
    """One text, to be searched for about ``expected_quotes`` quotes."""

    def __init__(self, text: str, expected_quotes: int) -> None:
        self.text = text
        self._starts: dict[str, list[int]] | None = None
        if len(text) * expected_quotes > _SCAN_LIMIT:
            starts: dict[str, list[int]] = defaultdict(list)
            for start in range(0, len(text) - _KEY + 1, _STEP):
                starts[text[start : start + _KEY]].append(start)
            self._starts = dict(starts)

    def __contains__(self, quote: str) -> bool:
        starts = self._starts
        last = len(quote) - _KEY - _STEP + 1  # the first starting point of the last window
        if starts is None or last < 0:
            return quote in self.text
        # Any window will do; one whose pieces are found at few places is quickest to check.
        # The end of a quote, then its start and middle, are tried: one is usually particular.
        windows = (
            [(at, starts.get(quote[at : at + _KEY], [])) for at in range(first, first + _STEP)]
            for first in (last, 0, last // 2)
        )
        best, fewest = [], -1
        for window in windows:
            count = sum(len(places) for _, places in window)
            if fewest < 0 or count < fewest:
                best, fewest = window, count
            if count <= _FEW:
                break
        return any(
            start >= at and self.text.startswith(quote, start - at)
            for at, places in best
            for start in places
        )
