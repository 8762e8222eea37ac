"""Everything the matcher needs that depends only on the knowledge base, built once at load.

- every phrasing of every entry, analysed (match string and content units);
- the inverse document frequency of each unit over entries, and an inverted index from unit to
  the entries whose phrasings use it, so a question is scored only against entries that share
  a word or bigram with it;
- the knowledge base's whole vocabulary (phrasings, answers, topic names), to tell a word the
  knowledge base has never seen ("housing", "salary", "签证") from one it knows;
- the English words, bucketed by first letter, that a misspelt word may be corrected to.
"""

from __future__ import annotations

import gc
import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, groupby, repeat
from operator import itemgetter
from typing import NamedTuple

from bot.knowledge.model import LANGS, KnowledgeBase, Lang
from bot.matching.analysis import (
    Analysed,
    SynonymMap,
    analyse,
    bigrams,
    raw_tokens,
    talk_form,
)
from bot.matching.normalise import normalise
from bot.matching.units import DO, WHERE, WHY
from bot.matching.words import (
    DATE_IN_ANSWER,
    DAY_IN_ANSWER,
    ENGLISH_STOPWORDS,
    ENUMERATION_IN_ANSWER,
    GROUP_WORDS,
    NUMBER_IN_ANSWER,
    PEOPLE_WORDS,
    is_year,
    stem,
)

# The longest small-talk phrasing (in tokens; a Chinese character is one) whose words count as
# greetings, and the words that make a phrasing a question about the bot instead.
_GREETING_TOKENS = 4
_QUESTION_MARKERS = frozenset(
    str.split("what whats who whos how why where when which are is do does can could 什 谁 吗")
) | {"哪", "怎"}


_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_VERSION = re.compile(r"\d+\.\d+")
_SENTENCE_END = re.compile(r"[.!?。！？]\s")
# A currency sign before a number, and the currency it counts.
_CURRENCY_SIGNS = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yuan"}
_CURRENCY = re.compile(r"([$€£¥])\s?\d")
# A number in an answer and the words it counts, up to a preposition or punctuation.
_COUNTED = re.compile(
    r"(?:\d[\d,.]*|\b(?:eight|five|ten|thirty)\b)\s+"
    r"((?:(?!(?:at|in|from|with|within|along|set|among)\b)[\w-]+\s*){1,8})"
)
# The question kinds only an entry with a phrasing of that kind can answer.
ANSWERED_KINDS = (WHERE, WHY, DO)


def _is_formula(analysed: Analysed) -> bool:
    """A short greeting or thanks ("hi there", "谢谢你"), not a question ("what's your name")."""
    tokens = analysed.tokens
    return len(tokens) <= _GREETING_TOKENS and not _QUESTION_MARKERS.intersection(tokens)


class Phrasing(NamedTuple):
    entry: int  # index into KbIndex.entry_ids
    lang: Lang
    text: str  # the match string given to rapidfuzz
    units: frozenset[str]
    weight: float  # the summed IDF of ``units``


@dataclass(frozen=True)
class SmallTalkPhrasing:
    smalltalk_id: str
    text: str  # match string
    tokens: frozenset[str]  # its words, and its Chinese characters one by one


class KbIndex:
    def __init__(self, knowledge: KnowledgeBase, max_chars: int, index_words: bool = False) -> None:
        # Building allocates hundreds of thousands of small objects and no reference cycles;
        # pausing the cyclic collector meanwhile halves the load time of a large base.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build(knowledge, max_chars, index_words)
        finally:
            if collecting:
                gc.enable()
        # The index is never changed again and holds no cycles: move it (and whatever else
        # exists now) out of the collector's sight, so the first collection after a large
        # load does not pause a question for the time it takes to walk millions of objects.
        # Memory is still freed by reference counting when an engine is replaced.
        gc.freeze()

    def _build(self, knowledge: KnowledgeBase, max_chars: int, index_words: bool) -> None:
        self.synonyms = SynonymMap(group.terms for group in knowledge.synonyms)
        self.part_of = self.synonyms.part_of()
        self.entry_ids: tuple[str, ...] = tuple(entry.id for entry in knowledge.entries)
        # What each entry's answers state, in all their languages at once: a number (so it can
        # answer "how many ..."; a year or a version such as "3.0" is no count), a time (so it can
        # answer "when ...") and the names of a group's members ("such as Gu Sai and ...", so it
        # can answer a request for names).
        answers = ["\n".join(entry.answer.values()) for entry in knowledge.entries]
        # One scan for times: the count of those removed says whether the answer states one.
        undated = [DATE_IN_ANSWER.subn(" ", text) for text in answers]
        self.states_a_number: tuple[bool, ...] = tuple(
            NUMBER_IN_ANSWER.search(_VERSION.sub(" ", text)) is not None for text, _ in undated
        )
        self.states_a_date: tuple[bool, ...] = tuple(dates > 0 for _, dates in undated)
        self.states_a_day: tuple[bool, ...] = tuple(
            DAY_IN_ANSWER.search(text) is not None for text in answers
        )
        self.enumerates: tuple[bool, ...] = tuple(
            ENUMERATION_IN_ANSWER.search(text) is not None for text in answers
        )
        # ... and of what: the words of the sentence before each "including" or "such as"
        # ("30 experts and scholars ..., including academicians ... such as Gu Sai"), people
        # of any kind where it names people. Asked for the names of another group ("list the
        # events"), it has none to give.
        self.group_kinds = self._words_of(GROUP_WORDS)
        people = self._words_of(PEOPLE_WORDS)
        self.enumerated: tuple[frozenset[str], ...] = tuple(
            kinds | people if not kinds.isdisjoint(people) else kinds
            for kinds in (
                self._words_of(
                    _SENTENCE_END.split(text[: found.start()])[-1]
                    for found in ENUMERATION_IN_ANSWER.finditer(text)
                )
                for text in answers
            )
        )
        # ... and what its numbers count: the words right after each number in the English
        # answer ("10 key industrial chains" counts chains, not the hubs along them).
        # A currency sign before a number counts that currency too ("($55.27 million)").
        self.counted: tuple[frozenset[str], ...] = tuple(
            frozenset(
                word
                for counted in (
                    *(found.group(1) for found in _COUNTED.finditer(entry.answer["en"])),
                    *(_CURRENCY_SIGNS[sign] for sign in _CURRENCY.findall(entry.answer["en"])),
                )
                for word in analyse(counted, self.synonyms).words
            )
            for entry in knowledge.entries
        )

        # Every phrasing, entry by entry (an entry's phrasings follow one another), analysed.
        questions = [
            (index, lang, question)
            for index, entry in enumerate(knowledge.entries)
            for lang in LANGS
            for question in entry.questions.get(lang, ())
        ]
        phrasing_texts: list[str] = []
        phrasing_units: list[frozenset[str]] = []
        known_bigrams: set[str] = set()
        surface: set[str] = set()  # words as written anywhere in the knowledge base
        for _, _, question in questions:  # each analysis dropped once read: less memory at once
            analysed = analyse(question, self.synonyms, max_chars)
            units, grams = analysed.units_and_bigrams()
            phrasing_texts.append(analysed.text)
            phrasing_units.append(units)
            known_bigrams.update(grams)
            surface.update(analysed.surface)
        first_phrasing = list(
            accumulate(
                (
                    sum(len(entry.questions.get(lang, ())) for lang in LANGS)
                    for entry in knowledge.entries
                ),
                initial=0,
            )
        )
        entry_units: list[set[str]] = []
        vocabulary: set[str] = set()
        quotes: dict[str, frozenset[str]] = {}
        for index, entry in enumerate(knowledge.entries):
            units_of_entry = set().union(
                *phrasing_units[first_phrasing[index] : first_phrasing[index + 1]]
            )
            # Words the entry's quotes use are known to the knowledge base and belong to the
            # entry (its document frequency, its coverage of a question), but each phrasing is
            # scored on its own units only. Answers are left out on purpose: they also say what
            # the source does NOT cover ("nor how to apply"), and those words must stay unseen.
            for text in (citation.quote for citation in entry.citations):
                if text not in quotes:  # entries often quote the same sentence
                    analysed = analyse(text, self.synonyms)
                    quotes[text] = analysed.units()
                    known_bigrams.update(_all_bigrams(analysed))
                    surface.update(analysed.surface)
                units_of_entry |= quotes[text]
            # A value the answer derives openly ("2023" from "the end of last year") is
            # something the entry states, so a question naming it is not asking about the unseen.
            # So is a number its answer states ("近4亿元"): unlike the answer's words, a number
            # is never part of what the source does not say.
            for derivation in entry.derived:
                units_of_entry |= analyse(derivation.value, self.synonyms).units()
            for text in entry.answer.values():
                units_of_entry.update(_NUMBER.findall(text))  # a number is its own unit
            entry_units.append(units_of_entry)
        # Topic names and the full source texts are known too: a word the article uses is
        # not evidence that a question is out of scope.
        other_texts = [name for topic in knowledge.topics for name in topic.names.values()]
        other_texts += [
            text
            for source in knowledge.sources
            for text in (source.text, source.title, source.site)
        ]
        for text in other_texts:
            analysed = analyse(text, self.synonyms)
            vocabulary |= analysed.units()
            known_bigrams.update(_all_bigrams(analysed))
            surface.update(analysed.surface)

        postings = _inverted(entry_units)
        vocabulary.update(postings)  # every unit of every entry
        count = max(len(self.entry_ids), 1)
        # A unit's document frequency is the number of entries in its postings. Most units
        # share a few small frequencies: each IDF is computed once, then looked up.
        frequencies = list(map(len, postings.values()))
        idf_of = {found: math.log(1.0 + count / found) for found in set(frequencies)}
        self.idf: dict[str, float] = dict(
            zip(postings, map(idf_of.__getitem__, frequencies), strict=True)
        )
        self.max_idf = math.log(1.0 + count)
        self.postings: dict[str, tuple[int, ...]] = postings
        self.entry_units: tuple[frozenset[str], ...] = tuple(map(frozenset, entry_units))
        self.counted_anywhere: frozenset[str] = frozenset().union(*self.counted)
        # What a figure offered for checking may count: what the entries' numbers count, and
        # anything an entry stating a number speaks of ("372 projects").
        self.countable: frozenset[str] = frozenset().union(
            *self.counted,
            *(
                units
                for units, states in zip(entry_units, self.states_a_number, strict=True)
                if states
            ),
        )
        weights = map(math.fsum, map(map, repeat(self.idf.__getitem__), phrasing_units))
        self.phrasings: tuple[Phrasing, ...] = tuple(
            map(
                Phrasing,
                map(itemgetter(0), questions),
                map(itemgetter(1), questions),
                phrasing_texts,
                phrasing_units,
                weights,
            )
        )
        self.phrasing_weights: tuple[float, ...] = tuple(p.weight for p in self.phrasings)
        self.phrasing_texts: tuple[str, ...] = tuple(phrasing_texts)
        self.phrasing_entries: tuple[int, ...] = tuple(map(itemgetter(0), questions))
        # Unit -> the positions of the phrasings using it, so the overlap is summed only for the
        # phrasings sharing a unit with a question; and each match string's words, as a set and
        # sorted, so a phrasing sharing no word with a question is scored by one Indel distance
        # (see phrasing_scores).
        self.phrasings_using: dict[str, tuple[int, ...]] = _inverted(phrasing_units)
        word_sets = list(map(frozenset, map(str.split, phrasing_texts)))
        self.phrasing_words: tuple[frozenset[str], ...] = tuple(word_sets)
        # Word of a match string -> the phrasings whose match strings have it: only where every
        # entry can be a candidate (``index_words``), the one case that reads it.
        self.phrasings_with_word: dict[str, tuple[int, ...]] | None = (
            _inverted(word_sets) if index_words else None
        )
        self.phrasing_sorted_words: tuple[str, ...] = tuple(map(" ".join, map(sorted, word_sets)))
        self.phrasings_of_entry: tuple[tuple[int, ...], ...] = tuple(
            map(_numbers_between, first_phrasing, first_phrasing[1:])
        )
        # Which entries some phrasing asks "where" or "why" of: only they answer such a question.
        # Read from the phrasings using the kind, not by testing every phrasing of every entry.
        self.answers_kind: dict[str, tuple[bool, ...]] = {}
        for kind in ANSWERED_KINDS:
            asking = {self.phrasing_entries[p] for p in self.phrasings_using.get(kind, ())}
            self.answers_kind[kind] = tuple(map(asking.__contains__, range(len(self.entry_ids))))
        self.vocabulary = frozenset(vocabulary)
        # The newest year the sources speak of: a later one is after what they can know.
        # (A year is digits: the rest of a large vocabulary is passed over without a call.)
        years = filter(is_year, filter(str.isdigit, self.vocabulary))
        self.newest_year = max(years, default="0000")
        self.known_bigrams = frozenset(known_bigrams)
        self.known_characters = frozenset("".join(known_bigrams))

        smalltalk: list[SmallTalkPhrasing] = []
        smalltalk_words: set[str] = set()
        smalltalk_bigrams: set[str] = set()
        for talk in knowledge.smalltalk:
            for lang in LANGS:
                for question in talk.questions.get(lang, ()):
                    analysed = analyse(question, self.synonyms, max_chars)
                    talk_text, talk_tokens = talk_form(analysed)
                    smalltalk.append(SmallTalkPhrasing(talk.id, talk_text, frozenset(talk_tokens)))
                    surface.update(analysed.surface)
                    # Only short formulas ("hi there", "thank you", "谢谢你") lend their words:
                    # "how does this work" must not make "work" a greeting.
                    if _is_formula(analysed):
                        smalltalk_words.update(analysed.words)
                        smalltalk_bigrams.update(_all_bigrams(analysed))
        self.smalltalk: tuple[SmallTalkPhrasing, ...] = tuple(smalltalk)
        self.smalltalk_texts: tuple[str, ...] = tuple(talk.text for talk in smalltalk)
        # Token -> the small-talk phrasings using it, so a message is compared only with those.
        smalltalk_using: dict[str, list[int]] = defaultdict(list)
        for position, phrasing in enumerate(smalltalk):
            for token in phrasing.tokens:
                smalltalk_using[token].append(position)
        self.smalltalk_using = {token: tuple(found) for token, found in smalltalk_using.items()}
        # Every word of a short formula, known to the entries or not ("bot" in "hey bot"), and
        # the term a question's units read it as ("care", of "take care", as "care about").
        self.formula_words = frozenset(smalltalk_words | set(map(self.whole, smalltalk_words)))
        # Greeting words are neither evidence for an entry nor against answering.
        self.smalltalk_words = frozenset(smalltalk_words - self.vocabulary)
        self.smalltalk_bigrams = frozenset(smalltalk_bigrams - known_bigrams)

        for group in knowledge.synonyms:
            for term in group.terms:
                surface.update(raw_tokens(normalise(term)))
        self.surface_words = frozenset(surface | ENGLISH_STOPWORDS)
        self.correctable = _correction_targets(self.surface_words)
        self.surface_stems = frozenset(map(stem, self.surface_words))

    def _words_of(self, texts: Iterable[str]) -> frozenset[str]:
        """The content words of ``texts``, each analysed on its own (synonyms canonical)."""
        return frozenset(word for text in texts for word in analyse(text, self.synonyms).words)

    def whole(self, word: str) -> str:
        """The multi-word term an unseen word is part of ("storage" for "energy storage")."""
        whole = self.part_of.get(word)
        if word not in self.vocabulary and whole in self.vocabulary:
            return whole
        return word


def _all_bigrams(analysed: Analysed) -> list[str]:
    return [gram for run in analysed.runs for gram in bigrams(run)]


def _correction_targets(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Alphabetic words a misspelling may be read as, bucketed by first letter, sorted."""
    alphabetic = sorted(w for w in words if w.isascii() and w.isalpha() and len(w) >= 3)
    return {letter: tuple(same) for letter, same in groupby(alphabetic, key=itemgetter(0))}


def _inverted(collections: Sequence[Collection[str]]) -> dict[str, tuple[int, ...]]:
    """Each key in ``collections`` -> the positions of the collections holding it, ascending."""
    found: defaultdict[str, list[int]] = defaultdict(list)
    for position, keys in enumerate(collections):
        for key in keys:
            found[key].append(position)
    return dict(zip(found, map(tuple, found.values()), strict=True))


def _numbers_between(first: int, end: int) -> tuple[int, ...]:
    """``first``, ``first + 1``, ... up to ``end`` (excluded)."""
    return tuple(range(first, end))
