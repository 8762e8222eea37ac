"""Chinese typed as pinyin: "rencai xinzheng 3.0 shi shenme", "alphaess zongbu zai nar".

Without a Chinese keyboard, people type the sounds of the words, without tones, with or
without spaces between syllables. ``PinyinReader`` reads such words back into the Chinese the
knowledge base itself uses: every run of two to four characters in its Chinese phrasings and
synonyms, keyed by its toneless pinyin ("rencai" -> 人才, "zaina" -> 在哪). A word is read
only when the knowledge base spells no English word that way ("tongzhou", "nantong", "hi" and
"hebei" stay as typed), and only sounds of two syllables or more are read, alone or joined to
the words beside them ("shi shenme" -> 是什么), so a lone "ma" or "de" never is. In a question
with no Chinese characters, two typed words at least must read as Chinese: "for women" is
English, though "women" sounds like 我们.

The table is built on the first question that might hold pinyin, and the knowledge base's
English words on the first with Latin letters: loading a knowledge base costs nothing more.
A synonym written in pinyin beside its Chinese ("rencai" beside 人才) is not English.
"""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from bot.knowledge.model import KnowledgeBase
from bot.matching.normalise import HAN
from bot.matching.words import CHINESE_SUBJECT_WORDS, ENGLISH_STOPWORDS, PLACE_WORDS

_LONGEST = 4  # characters in a word read back, and typed words joined to make one
_HAN_RUN = re.compile(f"{HAN.pattern}+")
_LATIN = re.compile("[a-z]+")
# "nar", "zher": the spoken -r of Beijing speech, written 儿 (哪儿, 这儿).
_RHOTIC = "儿"
_NAMED_WORD = 1000  # more than any stretch of phrasings is used


def _out_of_the_collectors_sight() -> None:
    """pypinyin's dictionaries, loaded on first use (some 190,000 lists), and the tables read
    from them never change: moved out of the cyclic collector's sight, as the index is, so no
    later question pays for a full collection walking them (several milliseconds each)."""
    gc.freeze()


def _syllables(run: str) -> list[str]:
    # Imported on first use: most knowledge bases are read without it ever being needed.
    from pypinyin import lazy_pinyin

    # A character it cannot read leaves the sounds out of step with the run: none are used.
    sounds: list[str] = lazy_pinyin(run)
    return sounds if len(sounds) == len(run) else []


# How Chinese asks, whatever a knowledge base is about: read back from pinyin as its own words
# are ("zai nar" -> 在哪儿, "zuo sha de" -> 做啥的).
_ASKING = """
    什么 是什么 为什么 什么时候 哪里 在哪里 哪儿 在哪儿 在哪 哪些 有哪些 哪个 哪家 哪年 多少 有多少
    几个 几条 几家 怎么 怎么样 谁 是谁 做什么 做啥 做啥的 干什么 干啥 干嘛 有没有 是不是 你好 谢谢
"""


def _texts(knowledge: KnowledgeBase, *, synonyms: bool = True) -> Iterator[str]:
    yield _ASKING
    for entry in knowledge.entries:
        for phrasings in entry.questions.values():
            yield from phrasings
    for talk in knowledge.smalltalk:
        for phrasings in talk.questions.values():
            yield from phrasings
    if synonyms:
        for group in knowledge.synonyms:
            yield from group.terms


def _gap(between: str, before: str) -> str:
    """The text ``between`` the question's last piece (``before``) and a word read as Chinese.
    Pinyin is typed with spaces, Chinese without: a space between Chinese words would split the
    question in two (many type a space for a comma in Chinese), so a space after Chinese goes."""
    kept = between.rstrip()
    last = kept[-1:] or before[-1:]
    return kept if not last or HAN.match(last) else between


class PinyinReader:
    """Reads pinyin words in a question back into the knowledge base's Chinese."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self._knowledge = knowledge
        self._english: frozenset[str] | None = None
        self._table: dict[str, str] | None = None
        self._prefixes: frozenset[str] = frozenset()

    def _english_words(self) -> frozenset[str]:
        """Every word of Latin letters the knowledge base uses, the common English words, and
        places under their English names ("hebei" is no 和北)."""
        words = set(ENGLISH_STOPWORDS) | {place for place in PLACE_WORDS if place.isascii()}
        for text in _texts(self._knowledge, synonyms=False):
            words.update(_LATIN.findall(text.casefold()))
        # ... but not a synonym that is the pinyin of a Chinese word of its group ("rencai"
        # beside 人才): it is there for pinyin typed alone, and is read as its Chinese with
        # the words around it (rencai zhandian: 人才站点).
        for group in self._knowledge.synonyms:
            sounds = {"".join(_syllables(t)) for t in group.terms if _HAN_RUN.fullmatch(t)}
            for term in group.terms:
                words.update(w for w in _LATIN.findall(term.casefold()) if w not in sounds)
        return frozenset(words)

    def _build(self) -> dict[str, str]:
        found: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for text in _texts(self._knowledge):
            for run in _HAN_RUN.findall(text):
                sounds = _syllables(run)
                if not sounds:
                    continue
                for start in range(len(run)):
                    for end in range(start + 2, min(start + _LONGEST, len(run)) + 1):
                        words = run[start:end]
                        key = "".join(sounds[start:end])
                        found[key][words] += 1
                        if words.endswith(_RHOTIC):
                            found["".join(sounds[start : end - 1]) + "r"][words] += 1
        # A word the knowledge base names as such (a synonym, a question word) is the spelling of
        # its sound, before any stretch of a phrasing that sounds the same ("yuanshi" is 院士,
        # not the 源是 of 来源是).
        # The subjects the sources lack count too, so "zhufang butie" is read as the 住房补贴
        # the matcher declines.
        synonyms = (term for group in self._knowledge.synonyms for term in group.terms)
        named = [*_ASKING.split(), *synonyms, *CHINESE_SUBJECT_WORDS]
        for word in named:
            if 2 <= len(word) <= _LONGEST and _HAN_RUN.fullmatch(word):
                sounds = _syllables(word)
                if sounds:
                    found["".join(sounds)][word] += _NAMED_WORD
        # The spelling most used for each sound: "shenme" is 什么 however many other words share
        # its sound. Ties go to the first seen, so the table never depends on set order.
        return {key: spellings.most_common(1)[0][0] for key, spellings in found.items()}

    def read(self, question: str) -> str:
        """``question`` with its pinyin words written in Chinese; unchanged when it has none."""
        lowered = question.casefold()
        words = [(found.start(), found.end(), found[0]) for found in _LATIN.finditer(lowered)]
        if not words:
            return question
        if self._english is None:
            self._english = self._english_words()
            _out_of_the_collectors_sight()
        if all(word in self._english for _, _, word in words):
            return question
        if self._table is None:
            self._table = self._build()
            # Every start of a sound in the table: most typed words start none, and are
            # passed over at the cost of one lookup.
            self._prefixes = frozenset(
                key[:end] for key in self._table for end in range(1, len(key) + 1)
            )
            _out_of_the_collectors_sight()
        table = self._table
        english, prefixes = self._english, self._prefixes
        pieces: list[str] = []
        done = 0
        position = 0
        words_read = 0
        while position < len(words):
            # (what _longest_read would find of a word starting no sound: nothing)
            first = words[position][2]
            if first in english or first not in prefixes:
                position += 1
                continue
            read = self._longest_read(words, position, table)
            if read is None:
                position += 1
                continue
            end, chinese = read
            before = pieces[-1] if pieces else ""
            pieces += [_gap(question[done : words[position][0]], before), chinese]
            done = words[end - 1][1]
            words_read += end - position
            position = end
        # One English-looking word alone ("women" sounds like 我们) is English, unless the
        # question is partly in Chinese anyway.
        if not pieces or (words_read < 2 and not HAN.search(question)):
            return question
        rest = question[done:]
        if not rest.strip() or HAN.match(rest.lstrip()):
            rest = rest.lstrip()  # "房价 多少吗": no space left between Chinese words
        return "".join([*pieces, rest])

    def _longest_read(
        self, words: list[tuple[int, int, str]], position: int, table: dict[str, str]
    ) -> tuple[int, str] | None:
        """The most typed words from ``position`` on that read as one Chinese word, with the
        position after them and the word."""
        english = self._english or frozenset()
        prefixes = self._prefixes
        best: tuple[int, str] | None = None
        joined = ""
        for at in range(position, min(position + _LONGEST, len(words))):
            # words joined are typed next to each other, a space at most, and none is English
            if at > position and words[at][0] - words[at - 1][1] > 1:
                break
            word = words[at][2]
            joined += word
            if word in english or joined not in prefixes:
                break
            chinese = table.get(joined)
            if chinese is not None:
                best = (at + 1, chinese)
        return best
