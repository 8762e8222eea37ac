"""From normalised text to what the scorer compares: tokens, a match string and content units.

- **Tokens**: English (and other alphabetic) words, numbers, and single Chinese characters, so
  Chinese is compared character by character, never as one space-less "word". Synonyms are
  replaced by their group's canonical token (longest phrase first), in both languages: "博士",
  "doctoral" and "phd" all become ``phd``, so English and Chinese phrasings share vocabulary.
- **Match string**: the tokens joined for rapidfuzz, with spaces between words but none
  between Chinese characters.
- **Units**: the content the knowledge base can be asked about: English words minus
  stopwords (lightly stemmed), canonical synonym tokens, and Chinese character bigrams.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import filterfalse, pairwise
from typing import NamedTuple

from bot.matching.bot_name import the_bot_as_you
from bot.matching.cantonese import to_mandarin
from bot.matching.homophones import mend_homophone_slips
from bot.matching.normalise import HAN, is_han, normalise
from bot.matching.numerals import numerals_as_digits
from bot.matching.units import EVENTS_HELD
from bot.matching.words import (
    CHINESE_STOP_PHRASES,
    ENGLISH_STOPWORDS,
    GENERIC_PHRASE_PARTS,
    stem,
)

# A Chinese character, a number (3.0, 55.27), or a run of letters of any other script: so
# "policy3.0" is two tokens, as it would be with a space.
_TOKEN = re.compile(f"{HAN.pattern}|\\d+(?:\\.\\d+)*|[^\\W\\d_{HAN.pattern[1:-1]}]+")
# Nothing but Chinese characters, each of them a token of its own.
_CHINESE_ONLY = re.compile(f"{HAN.pattern}+")
# Longest first: at each place the regex tries them in order, so the longest phrase found there
# wins, and the search goes on after it, as a scan trying every length in turn would.
_STOP_PHRASE = re.compile(
    "|".join(map(re.escape, sorted(CHINESE_STOP_PHRASES, key=lambda p: (-len(p), p))))
)


# "explain it like I'm five": how to explain, not a number to look for ("5 are seeking to go
# public").
_EXPLAIN_SIMPLY = re.compile(r"\blike (?:im|i am) (?:5|five)(?: years? old| yo)?\b|\beli5\b")


def raw_tokens(normalised: str) -> list[str]:
    """Words and numbers as written, each Chinese character on its own."""
    if normalised.isascii() and normalised.replace(" ", "").isalpha():
        return normalised.split()  # only letters and spaces: the same tokens, 4 times faster
    return _TOKEN.findall(normalised)


class SynonymMap:
    """Replaces every synonym phrase by its group's canonical token, longest phrase first.

    Phrases are sequences of stemmed tokens, so "start-ups" and "start up" and "初创企业" are
    found at token boundaries: an English phrase never matches inside a longer word.
    """

    def __init__(self, groups: Iterable[Sequence[str]]) -> None:
        self._phrases: dict[tuple[str, ...], str] = {}
        for terms in groups:
            canonical_tokens = _stemmed(raw_tokens(normalise(terms[0]))) if terms else []
            if not canonical_tokens:
                continue
            canonical = "_".join(canonical_tokens) if len(canonical_tokens) > 1 else ""
            canonical = canonical or canonical_tokens[0]
            for term in terms:
                phrase = tuple(_stemmed(raw_tokens(normalise(term))))
                # The first group naming a phrase wins, so the mapping never depends on
                # dictionary order.
                if phrase and phrase not in self._phrases:
                    self._phrases[phrase] = canonical
        # One-word synonyms by their word; longer phrases by their first word, longest first,
        # so most tokens cost one lookup.
        self._single = {
            phrase[0]: canonical for phrase, canonical in self._phrases.items() if len(phrase) == 1
        }
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, canonical in self._phrases.items():
            if len(phrase) > 1:
                by_first.setdefault(phrase[0], []).append((phrase, canonical))
        self._by_first = {
            first: tuple(sorted(found, key=lambda item: (-len(item[0]), item[0])))
            for first, found in by_first.items()
        }
        # The first two tokens of every longer phrase: a text with none of these pairs holds
        # no such phrase, whatever first words it shares with them ("talent", "人").
        self._openings = frozenset(phrase[:2] for phrase in self._phrases if len(phrase) > 1)
        self.canonical_tokens = frozenset(self._phrases.values())
        # The stopwords that are not also a canonical token: what ``analyse`` drops.
        self.plain_stopwords = _STOP_STEMS - self.canonical_tokens

    def replace(self, tokens: Sequence[str]) -> list[str]:
        single = self._single
        if self._by_first.keys().isdisjoint(tokens) or self._openings.isdisjoint(pairwise(tokens)):
            # No longer phrase starts here: most questions, and fast.
            if single.keys().isdisjoint(tokens):
                return list(tokens)
            return list(map(single.get, tokens, tokens))
        result: list[str] = []
        position = 0
        count = len(tokens)
        while position < count:
            token = tokens[position]
            for phrase, canonical in self._by_first.get(token, ()):
                end = position + len(phrase)
                if end <= count and tuple(tokens[position:end]) == phrase:
                    result.append(canonical)
                    position = end
                    break
            else:
                result.append(single.get(token, token))
                position += 1
        return result

    def lookup(self, token: str) -> str | None:
        """The canonical token for a one-word synonym, if ``token`` is one."""
        return self._phrases.get((token,))

    def part_of(self) -> dict[str, str]:
        """Content words that occur only inside the multi-word phrases of one group, each with
        that group's canonical token: "storage" alone is most likely "energy storage", "hub"
        "talent hub". Words shared by two groups, stopwords and numbers are left out.
        """
        owners: dict[str, set[str]] = {}
        for phrase, canonical in self._phrases.items():
            if len(phrase) < 2:
                continue
            for word in phrase:
                if (
                    word.isascii()
                    and word.isalpha()
                    and len(word) >= 3
                    and not is_stopword(word)
                    and word not in _GENERIC_PARTS
                ):
                    owners.setdefault(word, set()).add(canonical)
        return {word: next(iter(found)) for word, found in owners.items() if len(found) == 1}


def _stemmed(tokens: Iterable[str]) -> list[str]:
    return list(map(stem, tokens))


_STOP_STEMS = ENGLISH_STOPWORDS | frozenset(stem(word) for word in ENGLISH_STOPWORDS)
_GENERIC_PARTS = GENERIC_PHRASE_PARTS | frozenset(stem(word) for word in GENERIC_PHRASE_PARTS)


def is_stopword(token: str) -> bool:
    """True for a stopword, before or after stemming."""
    return token in _STOP_STEMS


def stop_mask(run: str) -> list[bool]:
    """Which characters of a Chinese run belong to stop phrases (longest match first)."""
    mask = [False] * len(run)
    for found in _STOP_PHRASE.finditer(run):
        mask[found.start() : found.end()] = [True] * (found.end() - found.start())
    return mask


# A run made of stop phrases alone, read as ``stop_mask`` reads it: from the left, the first
# (longest) phrase found at each place, never reconsidered. One match instead of a mask.
_STOP_PHRASES_ONLY = re.compile(f"(?>{_STOP_PHRASE.pattern})++")


def all_stop_phrases(run: str) -> bool:
    """``all(stop_mask(run))``: every character of a Chinese run belongs to a stop phrase."""
    return _STOP_PHRASES_ONLY.fullmatch(run) is not None


def bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


# What a question asks for, as a pseudo-word: "why did the experts come" and "when did the
# experts come" share every content word, and only the question word tells the purpose entry
# from the date entry. Phrasings carry them too, so they count as evidence like any word.
_QUESTION_WORDS = {
    "why": "?why",
    "who": "?who",
    "whom": "?who",
    "where": "?where",
    "wheres": "?where",
    # "the reason tongzhou values talent" asks why, whoever's reason it is: it is not the
    # purpose of one event.
    "reason": "?why",
    "reasons": "?why",
    "reasoning": "?why",
    "rationale": "?why",
    "logic": "?why",
}
# "came there for what", "what for": a purpose, like "why".
_PURPOSE_ENDINGS = frozenset((("for", "what"), ("for", "wat"), ("what", "for")))
# "what are they known for": what they do, not why; "what do these numbers stand for": what
# they mean.
_MEANS_OR_KNOWN_FOR = frozenset(
    (word,) for word in ("known", "famous", "renowned", "noted", "stand", "stands")
)
_DOING = frozenset(("do", "does"))
_BRINGING = frozenset(("brought", "brings", "bring"))
_FITTING = frozenset(("fit", "fits", "belong", "belongs"))
_MAKING = frozenset(("make", "produce", "manufacture", "sell"))
_BODIES = frozenset(
    str.split("organisation organization org body association society institution outfit academy")
)
_CHINESE_QUESTIONS = re.compile(
    # What a company does for a living first: "是干嘛的" is not "why".
    "(?P<do>[做干搞](?:什么|啥|嘛|咩嘢?|乜嘢?)(?:的|嘅|㗎|生意|行业)"
    "|是[做干搞](?:什么|啥|嘛)|主要[做干搞](?:什么|啥|嘛)|(?:什么|啥)(?:样的)?(?:组织|机构|团体|单位))"
    "|(?P<why>为什么|为啥|为何|何以|何故|缘何|所为何来|干嘛|干什么|干啥|图啥|图什么|图个啥|图的是|图的啥|做咩|做乜|搞咩|为咩|为咗|原因|底层逻辑|背后的?逻辑|出发点)"
    # "来的学者有哪些", "哪些专家": which people, as "who"
    "|(?P<who>谁|(?:学者|专家|院士|嘉宾|代表)都?有哪些|哪些(?:学者|专家|院士|嘉宾|代表))|(?P<where>哪里|哪儿|在哪|什么地方|啥地方|边度|喺边|何处|何地|何方)"
)


_KINDS_OF = frozenset(("kind", "sort", "type", "kinda"))


def _asks_what_a_body_is(surface: Sequence[str]) -> bool:
    bodies = [at for at, word in enumerate(surface) if word in _BODIES]
    if not bodies:
        return False
    if "exactly" in surface:
        return True
    # "what is the royal academy of engineering (in the uk)": the body itself, not its name,
    # nor the one a clause after it tells of ("what is the academy gu sai is from")
    if (
        tuple(surface[:2]) in _WHAT_IS
        and bodies[0] <= 7
        and "name" not in surface
        and _TELLING.isdisjoint(surface[bodies[0] + 1 :])
    ):
        return True
    return any(word in _KINDS_OF for word in surface[max(0, bodies[0] - 3) : bodies[0]])


_TELLING = frozenset(str.split("is was are were came come from belong belongs called"))
_WHAT_IS = frozenset((("what", "is"), ("what", "the"), ("whats", "the"), ("what", "was")))


_DOING_SOMETHING_ELSE = frozenset((("to",), ("with",), ("for",), ("about",), ("now",), ("next",)))


def _does_then_do(surface: Sequence[str]) -> bool:
    """ "what does alphaess even do?? never heard of em": the asking verb, then "do" closing the
    question before more is said ("what do I do to apply" asks how, not what they do)."""
    doing = [at for at, word in enumerate(surface) if word in _DOING]
    if len(doing) < 2 or surface.index("what") > doing[0]:
        return False
    return tuple(surface[doing[1] + 1 : doing[1] + 2]) not in _DOING_SOMETHING_ELSE


_QUESTION_CHARACTERS = frozenset("为干图谁哪什做搞啥边喺原何缘底")

# Whether events of a kind are held at all ("does tongzhou ever hold events for people like
# me?", "any meetups for returnee phds", 有没有针对海外博士的活动): asked of events in general,
# which the entry saying what events are held answers, not the entries about one event (its
# date, guests, purpose). Not of one event named ("did the event have academicians?"), nor
# asking when, who came, or what happened in a given year or month.
_EVENT_WORDS = frozenset(
    str.split(
        "event events fair fairs meetup meetups gathering gatherings roadshow roadshows"
        " activities networking outreach forum forums"
    )
)
# "does tongzhou organise anything for people like me": anything hosted is an event
_HOSTING_VERBS = frozenset(
    str.split(
        "organise organises organised organize organizes organized run runs ran host hosts"
        " hosted hold holds held put puts do does did done arrange arranges arranged"
    )
)
_YES_NO_OPENINGS = frozenset(str.split("does do did has have is are will can could"))
_EXISTENCE_WORDS = frozenset(("any", "ever", "anything"))
_ONE_EVENT = frozenset(str.split("the that this those these"))
_NOT_EVENTS_IN_GENERAL = frozenset(
    str.split(
        "what whats when who whom why where which how attend"
        " attended came academicians academician experts scholars guests spoke"
        " january february march april may june july august september october november december"
    )
)
_EVENTS_HELD_CHINESE = re.compile(
    "(?:有没有|有沒有|有冇|有無|会不会|會不會|搞没搞|办没办|有没|搞过|搞過|办过|辦過|举办过|舉辦過"
    "|举行过|舉行過|做过|做過|(?:会|會)(?:办|辦|搞|举办|舉辦|组织|組織|举行|舉行)|有(?:啥|什么|什麼)"
    "|^有)"
    "(?:(?!那|这|這|该|該|此|参加|參加|出席|院士|专家|專家|学者|學者|嘉宾|嘉賓|谁|誰|几|幾).){0,14}"
    "(?:活动|活動|交流会|交流會|对接会|對接會|招聘会|招聘會|宣讲会|宣講會|见面会|見面會|论坛|論壇)"
)


_WHICH = frozenset(("what", "which"))
_KIND_OF = frozenset(str.split("kind kinds kinda sort sorts sorta type types of"))


def _asks_which_events(surface: Sequence[str]) -> bool:
    """ "what events are there for phds", "what kind of events does tongzhou hold"."""
    for at, word in enumerate(surface):
        if word in _WHICH:
            following = itertools.dropwhile(_KIND_OF.__contains__, surface[at + 1 :])
            return next(following, "") in _EVENT_WORDS
    return False


def _asks_whether_events_are_held(surface: Sequence[str], typed: str) -> bool:
    if any(map(str.isdigit, surface)):
        return False
    if _asks_which_events(surface):
        return _NOT_EVENTS_IN_GENERAL.isdisjoint(set(surface) - _WHICH)
    if not _NOT_EVENTS_IN_GENERAL.isdisjoint(surface):
        return False
    if _EVENTS_HELD_CHINESE.search(typed):
        return True
    events = [
        at
        for at, word in enumerate(surface)
        if word in _EVENT_WORDS
        or (word == "anything" and at > 0 and surface[at - 1] in _HOSTING_VERBS)
    ]
    if not events:
        return False
    # "the doctoral talent gathering": one event ("does the district host events": the
    # determiner is the district's)
    before = surface[max(0, events[0] - 4) : events[0]]
    determiners = [at for at, word in enumerate(before) if word in _ONE_EVENT]
    if determiners and (_EXISTENCE_WORDS | _HOSTING_VERBS).isdisjoint(before[determiners[-1] :]):
        return False
    return surface[0] in _YES_NO_OPENINGS or not _EXISTENCE_WORDS.isdisjoint(surface)


# Words without which a question asks none of the kinds of _asks_whether_events_are_held:
# it needs "what" or "which", an event word or "anything", or Chinese (its expression).
_EVENT_CUES = _WHICH | _EVENT_WORDS | {"anything"}


def _question_kinds(surface: Sequence[str], has_chinese: bool) -> list[str]:
    # Every phrasing of a large knowledge base comes through here at load, and most ask no
    # kind at all: each test below is skipped as soon as the words it needs are missing.
    kinds = (
        set()
        if _QUESTION_WORDS.keys().isdisjoint(surface)
        else {_QUESTION_WORDS[word] for word in _QUESTION_WORDS.keys() & surface}
    )
    # "what for", "what were they there for", "how come": a purpose, like "why".
    if tuple(surface[-2:]) in _PURPOSE_ENDINGS or (
        tuple(surface[-1:]) == ("for",)
        and "what" in surface
        and tuple(surface[-2:-1]) not in _MEANS_OR_KNOWN_FOR
    ):
        kinds.add("?why")
    # "how come", and chat's "y is tongzhou so focused on talent" ("y or n" is yes or no).
    if ("how", "come") in itertools.pairwise(surface) or (surface and surface[0] == "y"):
        kinds.add("?why")
    # "what brought the uk scholars to tongzhou": why they came
    if (
        "what" in surface
        and not _BRINGING.isdisjoint(surface)
        and any(pair[0] == "what" and pair[1] in _BRINGING for pair in itertools.pairwise(surface))
    ):
        kinds.add("?why")
    # "what does alphaess do", "what do they actually do": what someone does for a living;
    # "what kind of organisation is it", "what is that society exactly": what it is. ("What
    # society were they from" asks for a name.)
    if "what" in surface and (
        _DOING.intersection(surface[-2:])
        or _does_then_do(surface)
        or _asks_what_a_body_is(surface)
        # "what do the 42 high-tech enterprises actually make": what they do
        or (surface[-1] in _MAKING and not _DOING.isdisjoint(surface))
    ):
        kinds.add("?do")
    # "where does talent fit into its growth story": what part it plays, not a place
    if "?where" in kinds and _FITTING.intersection(surface):
        kinds.discard("?where")
    typed = "".join(surface)
    if (
        surface
        and (not typed.isascii() or not _EVENT_CUES.isdisjoint(surface))
        and _asks_whether_events_are_held(surface, typed)
    ):
        kinds.add(EVENTS_HELD)
    if has_chinese:
        if _QUESTION_CHARACTERS.isdisjoint(typed):
            return sorted(kinds)
        kinds.update(f"?{found.lastgroup}" for found in _CHINESE_QUESTIONS.finditer(typed))
    return sorted(kinds)


class Analysed(NamedTuple):
    surface: tuple[str, ...]  # the words as written (normalised, corrected), before stemming
    tokens: tuple[str, ...]
    text: str  # the match string given to rapidfuzz
    words: tuple[str, ...]  # content words and canonical tokens, in order (no Chinese runs)
    runs: tuple[str, ...]  # runs of Chinese characters

    def units(self) -> frozenset[str]:
        return self.units_and_bigrams()[0]

    def units_and_bigrams(self) -> tuple[frozenset[str], list[str]]:
        """The content units, and every bigram of the Chinese runs (stop phrases included)."""
        if not self.runs:
            return frozenset(self.words), []
        found = set(self.words)
        grams: list[str] = []
        for run in self.runs:
            run_grams = bigrams(run)
            grams += run_grams
            if not all_stop_phrases(run):
                found.update(run_grams)
        return frozenset(found), grams


def analyse(
    text: str,
    synonyms: SynonymMap,
    max_chars: int | None = None,
    correct: Callable[[list[str]], list[str]] | None = None,
) -> Analysed:
    """Analyse ``text``; ``correct`` may first replace misspelt words by known ones."""
    normalised = normalise(text)
    if max_chars is not None:
        normalised = normalised[:max_chars]
    if "eli5" in normalised or "like i" in normalised:
        normalised = _EXPLAIN_SIMPLY.sub(" ", normalised)
    if not normalised.isascii():
        normalised = numerals_as_digits(to_mandarin(mend_homophone_slips(normalised)))
    surface = raw_tokens(normalised)
    if correct is not None:
        surface = correct(surface)
    tokens = synonyms.replace(list(map(stem, surface)))
    joined = " ".join(tokens)
    runs: list[str] = []
    if joined.isascii() or HAN.search(joined) is None:
        # No Chinese character (most English text): the match string is the tokens joined,
        # and the content words are the tokens that are not stopwords.
        text = joined
        words = list(filterfalse(synonyms.plain_stopwords.__contains__, tokens))
    else:
        text, words, runs = _with_runs(tokens, synonyms.plain_stopwords)
    words += _question_kinds(surface, bool(runs))
    return Analysed(tuple(surface), tuple(tokens), text, tuple(words), tuple(runs))


def _with_runs(tokens: list[str], stopwords: frozenset[str]) -> tuple[str, list[str], list[str]]:
    """The match string, the content words and the runs of Chinese characters of ``tokens``.

    Each Chinese character is a token of its own; a run of them is written without spaces.
    """
    run = "".join(tokens)
    if len(run) == len(tokens) and _CHINESE_ONLY.fullmatch(run):
        return run, [], [run]  # Chinese characters only (most Chinese text): one run
    pieces: list[str] = []
    words: list[str] = []
    runs: list[str] = []
    characters: list[str] = []
    for token in tokens:
        if len(token) == 1 and is_han(token):
            characters.append(token)
            continue
        if characters:
            runs.append("".join(characters))
            pieces.append(runs[-1])
            characters = []
        pieces.append(token)
        if token not in stopwords:
            words.append(token)
    if characters:
        runs.append("".join(characters))
        pieces.append(runs[-1])
    return " ".join(pieces), words, runs


# Texting shorthand and "this bot" say what the small-talk phrasings say in full: "who r u" is
# "who are you", "what can this bot do" is "what can you do"; and so does the bot's name
# ("what is tongzhou helper", 通州小助手是什么).
_TALK_SHORTHAND = {"u": "you", "ya": "you", "r": "are", "ur": "your"}


def talk_form(analysed: Analysed) -> tuple[str, tuple[str, ...]]:
    """The text and tokens small talk is compared by: ``analysed``'s, shorthand spelt out."""
    named = the_bot_as_you(analysed.tokens, analysed.surface)
    tokens = tuple(_TALK_SHORTHAND.get(word, word) for word in named)
    if tokens == analysed.tokens:
        return analysed.text, tokens
    if analysed.text == " ".join(analysed.tokens):
        return " ".join(tokens), tokens
    # With Chinese, the text is written as ``analyse`` writes it: 通州小助手是什么 as 你是什么.
    return _with_runs(list(tokens), frozenset())[0], tokens
