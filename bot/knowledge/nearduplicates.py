"""Every pair of near-identical texts, found without comparing every pair.

Two texts are near-identical when rapidfuzz's ``fuzz.ratio`` of them reaches ``score`` (95 for
phrasings). Comparing every pair is quadratic: 10,000 entries have 90,000 phrasings and four
billion pairs. Instead a pair is scored only when the longer text contains, near the same
place, one of a few pieces kept from the shorter; no near-identical pair lacks one, because:

- ``fuzz.ratio(a, b)`` is ``100 * (1 - d / L)``, where ``L = len(a) + len(b)`` and ``d`` counts
  the one-character insertions and deletions that turn ``a`` into ``b``. So a pair reaching
  ``s`` differs by at most ``(1 - s/100) * L`` edits (``_most_edits``), and its shorter text
  (length ``n``) is at least ``s / (200 - s)`` of the longer (length ``m``): for 95, at most 5
  edits per 100 characters of the two texts, and lengths within 10.5% of each other.
- Cut the shorter text into pieces. A deletion removes a character of one piece; an insertion
  lands inside one piece or between two. So ``d`` edits touch at most ``d`` pieces, and of any
  ``d + 1`` pieces one is untouched: it appears, character for character, in the longer text,
  moved by ``shift`` = insertions minus deletions before it. The edits before it are at least
  ``|shift|`` and those after it at least ``|m - n - shift|``, so ``|shift| + |m - n - shift|
  <= d``: a window of about ``d + 1`` places.
- Each text of length ``n`` keeps ``e + 1`` of its pieces, ``e`` being the most edits between
  it and any text as long or longer that can reach the score; each text of length ``m`` looks
  up its own substrings at those windows, for every shorter or equal length that can reach the
  score. When ``e`` is 0 only an identical text can be near, and those are paired directly.
- Not every kept piece needs the whole window. Count, for the t-th kept piece along the text,
  the edits before it minus ``t - 1``: this starts at 0 or more, ends below 0 after the last
  kept piece (there are more kept pieces than edits), and falls by at most one from one kept
  piece to the next, by one only if that piece is untouched and no edit comes before the next.
  Where it first falls below 0, the kept piece is untouched with exactly ``t - 1`` edits before
  it and the rest after it: ``|shift| <= t - 1`` and ``|m - n - shift| <= d - t + 1``. A piece
  numbered ``j`` (from 0, of ``K``) that is kept has at most ``j`` kept pieces before it and at
  most ``K - 1 - j`` after, so it is looked up only at shifts with ``|shift| <= j`` and
  ``|m - n - shift| <= d - kept + K - j`` (``d`` at most ``_most_edits``): the first and last
  pieces at fewer places.

Which pieces a text keeps does not matter to the argument, only to speed: it keeps its rarest
among the texts of its length, so that in "could you tell me about X and Y for Z please" the
pieces looked up are from X, Y and Z, not from the phrase every such question shares. Every
pair found is then decided by ``is_near``, the same comparison as before, so exactly the same
pairs are reported.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from fractions import Fraction
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process

# Pieces per edit a text may carry: more and shorter pieces let the rarest be kept (fewer texts
# share them), but unrelated texts share short pieces by chance.
_PIECES_PER_EDIT = 3

# The pieces kept by the texts of one length: for each piece, its slice and the texts by piece.
_Pieces = list[tuple[int, int, dict[str, list[str]]]]


def is_near(first: str, second: str, score: float) -> bool:
    """``fuzz.ratio(first, second) >= score``, False when either is empty."""
    shorter, longer = sorted((len(first), len(second)))
    if not shorter or 200 * shorter < score * (shorter + longer):
        return False  # lengths alone rule out the score; skip the comparison
    return fuzz.ratio(first, second, score_cutoff=score) >= score


def near_earlier(texts: Sequence[str], score: float) -> list[list[int]]:
    """For each text, the positions of the earlier texts near it (``is_near``), in order."""
    threshold = Fraction(score)
    positions: dict[str, list[int]] = defaultdict(list)
    for position, text in enumerate(texts):
        if text:
            positions[text].append(position)
    pairs = {(a, b) for same in positions.values() for a in same for b in same if a < b}
    by_length: dict[int, list[str]] = defaultdict(list)
    for text in positions:
        by_length[len(text)].append(text)

    # Shortest texts first: a text's tables are filled as its own texts are looked up, so
    # those of a shorter length are complete when longer texts look them up, and two texts
    # of the same length are compared once, by whichever of them comes second.
    pieces: dict[int, _Pieces] = {}
    keeping: dict[int, int] = {}  # length -> how many pieces each text of that length keeps
    for m in sorted(by_length):
        group = by_length[m]
        kept = _kept_pieces(m, group, threshold)
        pieces[m], keeping[m] = kept.pieces, kept.keeps
        # Every place a text of length m may hold an untouched piece of a partner: the slice of
        # the text to look up (each cut once per text), and the table to look it up in.
        slices: dict[tuple[int, int], int] = {}
        tables: list[dict[str, list[str]]] = []
        slots: list[int] = []
        kept_here = {number for numbers in kept.rarest for number in numbers}
        for n, edits in _partners(m, by_length, threshold):
            count, keeps = len(pieces[n]), keeping[n]
            for number, (start, length, table) in enumerate(pieces[n]):
                if not (table or (n == m and number in kept_here)):
                    continue  # no text keeps this piece: nothing to find in its table
                for shift in _shifts(m - n, edits, number, count, keeps):
                    if start + shift >= 0:
                        tables.append(table)
                        slots.append(slices.setdefault((start + shift, length), len(slices)))
        # Each in one call: the text's slices, then the key of every lookup among them.
        cut = _getter([slice(start, start + length) for start, length in slices])
        pick = _getter(slots)
        own_tables = [table for _, _, table in kept.pieces]
        for index, text in enumerate(group):
            if slots:
                # Cutting, looking up and scoring run in the interpreter's and rapidfuzz's own
                # loops; is_near then decides each pair found as comparing two texts would.
                found = map(dict.get, tables, pick(cut(text)))
                candidates = list(chain.from_iterable(filter(None, found)))
                for other, _, _ in process.extract(
                    text,
                    candidates,
                    scorer=fuzz.ratio,
                    processor=None,
                    limit=None,
                    score_cutoff=score - 1,
                ):
                    if other != text and is_near(other, text, score):
                        pairs.update(
                            (min(a, b), max(a, b))
                            for a in positions[other]
                            for b in positions[text]
                        )
            for number in kept.rarest[index]:  # now the text's own pieces can be found
                own_tables[number].setdefault(kept.cut[number][index], []).append(text)
    earlier: list[list[int]] = [[] for _ in texts]
    for first, second in sorted(pairs):
        earlier[second].append(first)
    return earlier


def _getter(keys: Sequence[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """``itemgetter(*keys)``, which gives a tuple for any number of keys."""
    if len(keys) == 1:
        only = itemgetter(keys[0])
        return lambda items: (only(items),)
    return itemgetter(*keys) if keys else lambda _: ()


def _most_edits(total_length: int, threshold: Fraction) -> int:
    """The most insertions and deletions a near pair of this total length may differ by."""
    return int((100 - threshold) * total_length / 100)


class _Kept(NamedTuple):
    """The pieces of the texts of one length, and which of them each text keeps."""

    pieces: _Pieces  # each piece's slice, and its table (filled as the texts are looked up)
    cut: list[list[str]]  # cut[number][index]: that piece of the index-th text
    rarest: list[list[int]]  # rarest[index]: the numbers of the pieces that text keeps
    keeps: int  # how many pieces each text keeps


def _kept_pieces(n: int, texts: list[str], threshold: Fraction) -> _Kept:
    """The rarest ``edits + 1`` pieces of each text of length ``n``, where ``edits`` bounds the
    edits to any partner as long or longer; none when only an identical text can be near."""
    edits = _most_edits(n + int((200 - threshold) * n / threshold), threshold)
    if edits == 0:
        return _Kept([], [], [[] for _ in texts], 0)  # identical texts are paired without pieces
    count = min(n, _PIECES_PER_EDIT * (edits + 1))
    size, longer = divmod(n, count)  # the last ``longer`` pieces are one character longer
    spans: list[tuple[int, int]] = []
    for number in range(count):
        start = number * size + max(0, number - (count - longer))
        spans.append((start, size + (number >= count - longer)))
    # Column by column: each text's piece, how many texts of this length have it there, and
    # then for each text (a row) the numbers of its rarest, ties going to the earlier piece.
    cut = [list(map(itemgetter(slice(start, start + length)), texts)) for start, length in spans]
    frequencies = [list(map(Counter(column).__getitem__, column)) for column in cut]
    rarest = [
        sorted(range(count), key=row.__getitem__)[: edits + 1]
        for row in zip(*frequencies, strict=True)
    ]
    return _Kept(
        [(start, length, {}) for start, length in spans], cut, rarest, min(count, edits + 1)
    )


def _partners(
    m: int, by_length: dict[int, list[str]], threshold: Fraction
) -> list[tuple[int, int]]:
    """Each length ``n <= m`` that may be near ``m``, with the most edits a near pair of those
    lengths may differ by."""
    return [
        (n, _most_edits(n + m, threshold))
        for n in by_length
        if n <= m and (200 - threshold) * n >= threshold * m
    ]


def _shifts(grown: int, edits: int, number: int, count: int, keeps: int) -> range:
    """The shifts at which piece ``number`` (of ``count``, ``keeps`` of them kept) of a text may
    be found untouched in a text ``grown`` characters longer and at most ``edits`` away:
    ``|shift| + |grown - shift| <= edits``, and where at least one kept piece is untouched
    (more are kept than edits), ``|shift| <= number`` and
    ``|grown - shift| <= edits - keeps + count - number`` (see the module's docstring)."""
    low, high = -((edits - grown) // 2), (edits + grown) // 2
    if keeps > edits:
        after = edits - keeps + count - number  # the most edits after an untouched kept piece
        low, high = max(low, -number, grown - after), min(high, number, grown + after)
    return range(low, high + 1)
