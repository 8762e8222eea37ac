"""Which small talk a message is: a greeting, thanks, a goodbye, or a question about the bot.

A message is small talk when it is close to one of the small-talk phrasings as a whole
(``closest``). Otherwise, once the matcher has found that it says nothing about the knowledge
base's subjects, it is small talk when it contains a small-talk word ("thanks", "cya") or when
it and a phrasing of two words or more are one inside the other, the smaller at least half the
larger ("how are you today" holds "how are you"; "see ya" is most of "see ya later"). Which
small talk it is then goes by the words the two share (``by_words``), not by the spelling of the
whole message: "ok got it thanks" is thanks, though "who are you" is spelt more like it.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.matching.analysis import Analysed
from bot.matching.index import KbIndex


def closest(index: KbIndex, analysed: Analysed) -> tuple[str | None, float]:
    """The small talk whose phrasing is spelt most like the whole message, with the score."""
    found = process.extractOne(
        analysed.text, index.smalltalk_texts, scorer=fuzz.ratio, processor=None
    )
    if found is None or found[1] <= 0:
        return None, 0.0
    return index.smalltalk[found[2]].smalltalk_id, float(found[1])


def by_words(index: KbIndex, analysed: Analysed) -> tuple[str | None, float]:
    """The small talk whose phrasing shares the most words with the message, with the score.

    Several phrasings can lie wholly inside a message and tie: the one sharing more of it wins
    ("thanks, take care" is a goodbye: "take care" covers more of it than "thanks").
    """
    tokens = frozenset(analysed.tokens)
    found = process.extract(
        analysed.text,
        index.smalltalk_texts,
        scorer=fuzz.token_set_ratio,
        processor=None,
        limit=None,
    )

    def rank(item: tuple[str, float, int]) -> tuple[float, int, int]:
        return item[1], len(index.smalltalk[item[2]].tokens & tokens), -item[2]

    best = max(found, key=rank, default=None)
    if best is None or best[1] <= 0:
        return None, 0.0
    return index.smalltalk[best[2]].smalltalk_id, float(best[1])


def containing(index: KbIndex, analysed: Analysed) -> str | None:
    """The small talk with a phrasing of two or more words that holds the message, or that the
    message holds, the smaller at least half the larger; the phrasing sharing most wins."""
    tokens = frozenset(analysed.tokens)
    best: tuple[int, str] | None = None
    for phrasing in index.smalltalk:
        small, large = sorted((phrasing.tokens, tokens), key=len)
        inside = len(small) >= 2 and small <= large and 2 * len(small) >= len(large)
        if inside and (best is None or len(small) > best[0]):
            best = (len(small), phrasing.smalltalk_id)
    return None if best is None else best[1]
