"""Misspelt English words read as the knowledge base's words ("tongzou", "talnet", "wher").

A question is corrected before it is analysed; each word's correction is cached, since users
repeat their typos. Subject words are never "corrected" into known words: "rent" is a real word
the knowledge base lacks, not a misspelt "went".
"""

from __future__ import annotations

import re

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from bot.matching.analysis import is_stopword
from bot.matching.index import KbIndex
from bot.matching.settings import MatchSettings
from bot.matching.words import (
    ENGLISH_STOPWORDS,
    NUMBER_WORDS,
    SUBJECT_STEMS,
    SUBJECT_WORDS,
    WEAK_WORDS,
    stem,
)

_CORRECTION_CACHE_LIMIT = 10_000
_HELD_LETTER = re.compile(r"([a-z])\1{2,}")
# Long enough that one slip still leaves the word recognisable ("elegible", "addres").
_SUBJECT_TYPO_MIN_LENGTH = 6
_LONG_SUBJECTS = tuple(
    sorted(
        word for word in SUBJECT_STEMS if word.isascii() and len(word) >= _SUBJECT_TYPO_MIN_LENGTH
    )
)


class Speller:
    """Corrects the words of questions against one knowledge base's vocabulary."""

    def __init__(self, index: KbIndex, settings: MatchSettings) -> None:
        self._index = index
        self._settings = settings
        self._corrections: dict[str, str] = {}
        self._subject_typos: dict[str, bool] = {}

    def misspelt_subject(self, word: str) -> bool:
        """Whether an unseen word is a subject word with one slip before its end ("elegible")."""
        if len(word) < _SUBJECT_TYPO_MIN_LENGTH or not word.isascii():
            return False
        found = self._subject_typos.get(word)
        if found is None:
            nearest = process.extractOne(
                word, _LONG_SUBJECTS, scorer=OSA.distance, processor=None, score_cutoff=1
            )
            # ... but a different ending is another word ("founder" is not "founded").
            found = nearest is not None and nearest[0][-2:] == word[-2:]
            if len(self._subject_typos) >= _CORRECTION_CACHE_LIMIT:
                self._subject_typos.clear()
            self._subject_typos[word] = found
        return found

    def corrected(self, tokens: list[str]) -> list[str]:
        """``tokens`` with words split in two rejoined ("head quarters"), texting's "4" and "2"
        read as words, Hindi question words typed in Latin letters read in English, and typos
        corrected."""
        known = self._index.surface_words
        if not _HINDI_ASKING.keys().isdisjoint(tokens):
            tokens = [word for token in tokens for word in _HINDI.get(token, token).split(" ")]
        joined: list[str] = []
        position = 0
        while position < len(tokens):
            token = tokens[position]
            if token in _TEXTED and _texted_as_word(tokens, position):
                joined.append(_TEXTED[token])
                position += 1
                continue
            if position + 1 < len(tokens):
                pair = token + tokens[position + 1]
                if (
                    pair.isascii()
                    and pair.isalpha()
                    and pair in known
                    and not (token in known and tokens[position + 1] in known)
                ):
                    joined.append(pair)
                    position += 2
                    continue
            joined.append(token)
            position += 1
        # A correction may be two words: "talenthub" is "talent hub". (A known word is its own
        # reading: most words of a long question, so not worth a call each.)
        return [
            word
            for token in joined
            for word in ((token,) if token in known else self.correct(token).split(" "))
        ]

    def correct(self, word: str) -> str:
        """``word``, or the known word it is a misspelling of.

        Long words may carry a substitution or a swap ("tongzou", "talnet"); short ones only a
        dropped or doubled letter, and only towards a stopword ("wher"), because a short
        unknown word is often a real one the knowledge base lacks ("rent" is not "went").
        """
        if word in self._index.surface_words or word in SUBJECT_WORDS or word in WEAK_WORDS:
            # A subject word ("rent") or a generic one ("count") is a real word, never a
            # misspelling of a known one ("went", "county").
            return word
        if word.endswith("ys") and stem(word) in self._index.surface_stems:
            return word  # a plural misspelt as plurals mostly are ("industrys"), not a slip
        corrected = self._corrections.get(word)
        if corrected is None:
            corrected = self._nearest_known(word) or word
            if len(self._corrections) >= _CORRECTION_CACHE_LIMIT:
                self._corrections.clear()
            self._corrections[word] = corrected
        return corrected

    def _nearest_known(self, word: str) -> str | None:
        settings = self._settings
        if not (word.isascii() and word.isalpha() and len(word) >= 3) or word in NUMBER_WORDS:
            return None  # "ten" is not a misspelt "then"
        known = self._index.surface_words
        # A letter held down ("heyyy", "pleeease") is one letter, or two ("goood").
        if _HELD_LETTER.search(word):
            for held in (_HELD_LETTER.sub(r"\1", word), _HELD_LETTER.sub(r"\1\1", word)):
                if held in known or held in self._index.smalltalk_words:
                    return held
        # Two known words typed without the space between them ("talenthub", "alphaesshq").
        for cut in range(3, len(word) - 2):
            head, tail = word[:cut], word[cut:]
            if head in known and tail in known and not is_stopword(head) and not is_stopword(tail):
                return f"{head} {tail}"
        choices = self._index.correctable.get(word[0], ())
        if len(word) < settings.typo_min_length:
            found = process.extractOne(
                word, choices, scorer=Indel.distance, processor=None, score_cutoff=1
            )
            if found is None:
                return None
            # ... or towards a greeting ("heya", "helo").
            short_ok = found[0] in ENGLISH_STOPWORDS or found[0] in self._index.smalltalk_words
            return found[0] if short_ok else None
        max_edits = 2 if len(word) >= settings.typo_long_word else 1
        nearest = process.extract(
            word, choices, scorer=OSA.distance, processor=None, score_cutoff=max_edits, limit=None
        )
        if not nearest:
            return None
        # Of the words one slip away, the one a dropped or an added letter explains: that slip
        # is commoner than a wrong letter ("provice" is "province", not "provide").
        if nearest[0][1] != 1:
            return str(nearest[0][0])
        return min(
            (Indel.distance(word, found), found) for found, edits, _ in nearest if edits == 1
        )[1]


# Texting's "asking 4 a class project", "events 4 attracting talent", "belongs 2 nantong": a
# digit between two words standing for a preposition, not a count ("top 4 chains", "the 2
# academicians").
_TEXTED = {"4": "for", "2": "to"}
_FOR_BEFORE = frozenset(
    str.split("a an the my our your ur me us you u them him her his their this that it")
)
_TO_AFTER_VERBS = frozenset(
    str.split(
        "belong belongs belonged move moving moved come came go going went relocate "
        "relocating relocated return returning returned travel travelling trip"
    )
)
_COUNT_LEADS = frozenset(
    str.split("the top these those which what all first last only about around over under")
)


def _texted_as_word(tokens: list[str], position: int) -> bool:
    before = tokens[position - 1] if position else ""
    after = tokens[position + 1] if position + 1 < len(tokens) else ""
    if not (before.isascii() and before.isalpha() and after.isascii() and after.isalpha()):
        return False
    if before in _COUNT_LEADS:
        return False  # "the 4 leading enterprises", "top 2 chains"
    if tokens[position] == "4":
        return after in _FOR_BEFORE or (after.endswith("ing") and len(after) > 4)
    # "moving 2 tongzhou", but "came back 2 weeks later" counts weeks
    return before in _TO_AFTER_VERBS and not after.endswith("s")


# Engineers from India and Pakistan often ask in Hindi or Urdu typed in Latin letters around
# English nouns: "alphaess hq kahan hai" (where is), "event kab hua tha" (when did it happen).
# The question words are distinctive; the little words beside them ("hai", "ka") are read as
# English only when a question word shows the language ("ka" may be pinyin).
_HINDI_ASKING = {
    "kahan": "where",
    "kahaan": "where",
    "kidhar": "where",
    "kab": "when",
    "kya": "what",
    "kyun": "why",
    "kyon": "why",
    "kyu": "why",
    "kaun": "who",
    "kaunsa": "which",
    "kaunse": "which",
    "konsa": "which",
    "kis": "which",
    "kaise": "how",
    "kitne": "how many",
    "kitni": "how many",
    "kitna": "how much",
}
_HINDI = {
    **_HINDI_ASKING,
    **dict.fromkeys(("hai", "hain"), "is"),
    **dict.fromkeys(("tha", "thi"), "was"),
    **dict.fromkeys(("hua", "hui", "hue"), "was"),  # "kab hua": when was it
    **dict.fromkeys(("ka", "ki", "ke"), "of"),
    "mein": "in",
    "se": "from",
    "aur": "and",
    "ko": "to",
}
