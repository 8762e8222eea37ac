"""Every pair of near-identical texts, found without comparing every pair.

Two texts are near-identical when rapidfuzz's ``fuzz.ratio`` of them reaches ``score`` (95 for
phrasings). Comparing every pair is quadratic: 10,000 entries have 90,000 phrasings and four
billion pairs. Instead a pair is scored only when the longer text holds, at a place known in
advance, one of a few pieces kept from the shorter; no near-identical pair lacks one, because:

- ``fuzz.ratio(a, b)`` is ``100 * (1 - d / L)``, where ``L = len(a) + len(b)`` and ``d`` counts
  the one-character insertions and deletions that turn ``a`` into ``b``. So a pair reaching
  ``s`` differs by at most ``(1 - s/100) * L`` edits (``_most_edits``), and its shorter text
  (length ``n``) is at least ``s / (200 - s)`` of the longer (length ``m``): for 95, at most 5
  edits per 100 characters of the two texts, and lengths within 10.5% of each other. As ``d``
  is ``n + m`` less twice the longest common subsequence, it has the parity of ``m - n``, which
  can lower the bound by one (``_edits``).
- Cut the shorter text into pieces. A deletion removes a character of at most one piece; an
  insertion lands inside at most one. So ``d`` edits touch at most ``d`` pieces, and a piece
  left untouched appears, character for character, in the longer text, moved by ``shift`` =
  the insertions less the deletions before it.
- Keep ``k > d`` pieces, numbered by rank ``t = 0, 1, ...`` along the text, let ``e(t)`` count
  the edits before piece ``t``, and ``f(t) = e(t) - t``. ``f(0) >= 0``; past the last piece,
  where ``e`` is ``d``, ``f`` is ``d - k < 0``; and from one kept piece to the next ``f`` falls
  by at most one, by one only if the piece is untouched and no edit comes before the next.
  Where ``f`` first falls below 0, piece ``t`` is untouched with exactly ``t`` edits before it
  and ``d - t`` after: ``|shift| <= t``, ``shift`` has the parity of ``t`` (it is insertions
  less deletions among ``t`` edits), and ``|m - n - shift| <= d - t`` (``_shifts``). So the
  first and last kept pieces need looking up at one place each, the middle ones at a few.
- Each text keeps one piece more than the most edits to a text as long or longer that may be
  near it, filed by number and rank. For the texts of each length, every piece kept by a length
  that may be near is put at each place its rank allows, all those that may be at one place in
  one table (``_places``); a text looks up its own characters at every place. Texts of the same
  length find each other from both sides, and themselves, which is skipped. When no edit is
  allowed only an identical text can be near, and those are paired directly. A text too short
  to cut into more pieces than edits (only for scores below 67) keeps each character as a
  piece: a near pair shares a character (``d < L``), which is untouched, at any shift the edits
  allow.

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
from typing import Any

from rapidfuzz import fuzz, process

# The length of a piece: unrelated texts share shorter pieces by chance, and longer ones leave a
# text with few to choose its rarest from (a question's X, Y and Z may be 20 characters in all).
_PIECE = 3

# A table: the texts holding a piece at one place, by the piece's characters.
_Table = dict[str, list[str]]

# A length's kept pieces: their length, and tables[number][rank] for each piece kept as the
# rank-th along its text.
_Kept = tuple[int, list[list[_Table]]]


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

    # partners[m]: each length n <= m whose texts may be near those of length m without being
    # identical, with the most edits between them; keeps[n]: the pieces its texts keep.
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    keeps: dict[int, int] = {}
    lengths = sorted(by_length)
    for shorter, n in enumerate(lengths):
        for m in lengths[shorter:]:
            edits = _edits(n, m, threshold)
            if edits < 0:
                break  # and so for every longer length
            if edits > 0:
                partners[m].append((n, edits))
                keeps[n] = max(keeps.get(n, 0), edits + 1)
    kept = {n: _kept_pieces(n, by_length[n], count) for n, count in keeps.items()}
    for m, group in by_length.items():
        cut, tables = _places(m, [(n, edits, kept[n]) for n, edits in partners[m]])
        for text in group if tables else ():
            # Cutting, looking up and scoring run in the interpreter's and rapidfuzz's own
            # loops; is_near then decides each pair found as comparing two texts would.
            candidates = list(chain.from_iterable(filter(None, map(dict.get, tables, cut(text)))))
            if not candidates:
                continue
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
                        (min(a, b), max(a, b)) for a in positions[other] for b in positions[text]
                    )
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
    """The most insertions and deletions a near pair of this total length may differ by.

    ``fuzz.ratio`` computes its score in floating point: a threshold that is itself such a
    score (85.71428571428572 for 6 of 7) may be reached by a pair whose exact ratio is a hair
    below it. The tolerance lets one more edit through then; ``is_near`` decides each pair.
    """
    return int((100 - threshold) * total_length / 100 + _ROUNDING)


_ROUNDING = Fraction(1, 10**9)


def _edits(n: int, m: int, threshold: Fraction) -> int:
    """The most edits between near texts of lengths ``n <= m``; -1 when there are none."""
    most, grown = _most_edits(n + m, threshold), m - n
    return most - ((most - grown) & 1) if most >= grown else -1


def _kept_pieces(n: int, texts: list[str], keeps: int) -> _Kept:
    """The ``keeps`` rarest pieces of each text of length ``n`` (all its characters when it
    has too few), filed by number and rank."""
    size = min(_PIECE, n // keeps) or 1
    count = n // size
    keeps = min(keeps, count)
    # Column by column: each text's piece and how many texts of this length have it there;
    # then for each text (a row) the numbers of its rarest, ties going to the earlier piece.
    starts = range(0, count * size, size)
    cut = [list(map(itemgetter(slice(start, start + size)), texts)) for start in starts]
    frequencies = [list(map(Counter(column).__getitem__, column)) for column in cut]
    tables: list[list[_Table]] = [[{} for _ in range(keeps)] for _ in range(count)]
    numbers = range(count)
    for text, row, pieces in zip(
        texts, zip(*frequencies, strict=True), zip(*cut, strict=True), strict=True
    ):
        for rank, number in enumerate(sorted(sorted(numbers, key=row.__getitem__)[:keeps])):
            tables[number][rank].setdefault(pieces[number], []).append(text)
    return size, tables


def _places(
    m: int, partners: list[tuple[int, int, _Kept]]
) -> tuple[Callable[[str], tuple[str, ...]], list[_Table]]:
    """For texts of length ``m``: a getter of their slices at every place where a piece kept
    by a partner (its length, the most edits, its pieces) may be found, and for each slice one
    table of all the pieces that may be there."""
    at: dict[tuple[int, int], list[_Table]] = defaultdict(list)
    for n, edits, (size, tables) in partners:
        for number, by_rank in enumerate(tables):
            for rank, table in enumerate(by_rank):
                for shift in _shifts(m - n, edits, rank, len(by_rank)) if table else ():
                    if 0 <= number * size + shift <= m - size:
                        at[number * size + shift, size].append(table)
    getter = _getter([slice(start, start + size) for start, size in at])
    return getter, [_merged(tables) for tables in at.values()]


def _shifts(grown: int, edits: int, rank: int, keeps: int) -> range:
    """The shifts of the kept piece of this rank that may need finding in a text ``grown``
    characters longer and ``edits`` away (see the module's docstring): ``|shift| <= rank``, of
    its parity, and ``|grown - shift| <= edits - rank``; any the edits allow when a text keeps
    no more pieces than edits."""
    if keeps <= edits:
        return range(-((edits - grown) // 2), (edits + grown) // 2 + 1)
    low = max(-rank, grown - edits + rank)
    return range(low + ((low - rank) & 1), min(rank, grown + edits - rank) + 1, 2)


def _merged(tables: list[_Table]) -> _Table:
    """One table holding the texts of all, by piece."""
    if len(tables) == 1:
        return tables[0]
    merged = dict(tables[0])
    for table in tables[1:]:
        shared = {piece: merged[piece] + table[piece] for piece in merged.keys() & table.keys()}
        merged.update(table)
        merged.update(shared)
    return merged
