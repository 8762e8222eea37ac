"""Decide what a question is: an answer, a "did you mean?", a decline, or small talk.

The confidence in an entry combines three signals, each 0..1:

- the best **rapidfuzz** score between the question and one of the entry's phrasings (match
  strings, Chinese compared character by character; typos and word order are forgiven);
- the best **IDF-weighted overlap** (Dice) between the question's content units and one
  phrasing's units: rare words such as "subsidiaries" or "枢纽" count for more than "talent";
- the entry's **coverage** of the question: the IDF weight of the question's units found
  anywhere in the entry (its phrasings, quotes and stated numbers) over the weight of all of them.

That sum is then scaled down, entry by entry, by the share of the question the entry cannot
answer: the words the knowledge base has **never seen** ("housing", "salary", "签证"; subject
words weigh more than chatter), plus what the question asks for that this entry's answer does
not state (a count, a time, names; see bot/matching/asks.py), a subject word or a number the
entry does not use. A question that shares "policy" with the knowledge base but asks about
housing is declined, not answered with the policy entry. Whether to answer also depends on the
**margin** over the runner-up entry. All weights and thresholds are in ``MatchSettings``.
"""

from __future__ import annotations

import copy
import heapq
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from bot.knowledge.model import KnowledgeBase, Lang
from bot.matching import smalltalk
from bot.matching.about_bot import about_the_bot
from bot.matching.analysis import Analysed, analyse, bigrams, raw_tokens, stop_mask
from bot.matching.asks import (
    DATE_MARKS,
    asks_for_a_gathering_to_come,
    asks_for_a_list,
    asks_for_one_share,
    asks_what_houses,
    asks_when,
    listed_kind,
    months_naming_an_event,
    numbers_in_dates,
)
from bot.matching.beyond import Question, asks_beyond_the_sources
from bot.matching.clauses import (
    Context,
    claim_as_hearsay,
    context_of,
    told_and_asked,
    without_length_asked,
)
from bot.matching.counting import (
    asks_how_many,
    counted_in_chinese,
    what_a_count_includes,
    what_a_figure_counts,
    what_is_counted,
)
from bot.matching.damping import Damping
from bot.matching.examples import ExampleModel, learnable, small_talk_phrasings
from bot.matching.guesses import (
    appends_a_guess,
    checks_then_goes_on,
    read_guesses,
)
from bot.matching.index import KbIndex
from bot.matching.introductions import introduction_opening
from bot.matching.messages import question_parts, sets_its_own_scope, without_a_story
from bot.matching.normalise import detect_language, normalise
from bot.matching.outcome import Candidate, Match, worth_suggesting
from bot.matching.people import (
    company_settling_as_brought_in,
    means_the_asker_by_people,
    only_naming_the_bot,
    places_come_from,
)
from bot.matching.phrasing_scores import SCORERS, fuzzy_scores, shared_units
from bot.matching.pinyin import PinyinReader
from bot.matching.second_opinion import second_opinion
from bot.matching.settings import MatchSettings
from bot.matching.spelling import Speller
from bot.matching.subjects_guessed import unsay_a_wrong_focus, unsay_a_wrong_member
from bot.matching.units import WHERE, QueryUnits
from bot.matching.web_address import AddressHolders
from bot.matching.words import (
    ASKS_THE_DAY,
    CHINESE_PLACES,
    CHINESE_SUBJECT,
    CHINESE_SUBJECT_WORDS,
    CHINESE_WEAK_WORDS,
    CONFIRM_CHINESE,
    COUNT_CHINESE,
    LIST_REQUEST_CHINESE,
    LOCATION_CHINESE,
    LOCATION_TOKENS,
    MONEY_FORMS,
    PER_ITEM_CHINESE,
    PLACE_STEMS,
    PLACE_WORDS,
    SUBJECT_STEMS,
    SUBJECT_WORDS,
    WEAK_STEMS,
    WEAK_WORDS,
    WHEN_CHINESE,
    stem,
)

# Pseudo-units standing for one item's share asked for, and for more than a count takes in
# (the others: bot/matching/beyond.py)
_PER_ITEM = "<per-item>"
_INCLUDED = "<included>"
# Words too general to tell what is counted ("how many people", "how many in total").
# ... and "how many brits came": people of a nation are whoever the entries count.
_UNCOUNTED = frozenset(("peopl", "person", "total", "one", "number", "time", "uk"))
_WHERE_WORDS = frozenset(("where", "wheres"))
_HOUSING = "hous"  # the stem of "housing", "houses"
# The words before a place offered as the asker's guess ("it is in Suzhou", "part of shanghai").
_BEFORE_A_GUESSED_PLACE = frozenset(
    ("in", "at", "near", "from", "to", "into", "is", "or", "of", "inside", "within")
)
_BEING = frozenset(("is", "was", "are", "were", "be"))
_ARTICLES = frozenset(("a", "an"))
_DATE = "date"  # the canonical token of the date synonyms ("dates", 几号, 哪天)
# ... and of "you mean", "are you talking about", and of "example", 举个例子: alone, they ask
# nothing the knowledge base can answer
_ASKING_NOTHING = frozenset(("you_mean", stem("example")))


_CAME_TO_THE_PLACE = re.compile("来(?:通州|南通)的")
# Words and Chinese characters in a message that may still be small talk: the longest
# small-talk phrasing has 9 ("what kind of stuff can you help me with"), with room to spare.
_SMALL_TALK_TOKENS = 14
# How many of the best candidates the labelled examples may answer with
# (bot/matching/second_opinion.py); Candidate.objected is worked out for these only.
_WEIGHED_FOR_EXAMPLES = 5


class Matcher:
    """Matches questions against one knowledge base; build it once, call ``match`` often."""

    def __init__(self, knowledge: KnowledgeBase, settings: MatchSettings | None = None) -> None:
        self.settings = settings or MatchSettings()
        # A small base, where every entry can be a candidate, also indexes its phrasings' words.
        self.index = KbIndex(
            knowledge,
            self.settings.max_query_chars,
            index_words=len(knowledge.entries) <= self.settings.max_candidates,
        )
        self._scorer = SCORERS[self.settings.fuzzy_scorer]
        self.speller = Speller(self.index, self.settings)
        self.pinyin = PinyinReader(knowledge)
        self._addresses = AddressHolders(self.index, self._words_of)
        self.examples = (
            ExampleModel(learnable(knowledge), small_talk_phrasings(knowledge))
            if self.settings.use_examples
            else None
        )

    def match(self, question: str, lang: Lang | None = None) -> Match:
        return self.match_and_rank(question, lang)[0]

    def match_and_rank(
        self, question: str, lang: Lang | None = None
    ) -> tuple[Match, list[Candidate]]:
        """The decision, and every entry it weighed with its confidence, best first.

        The ranking is empty when the decision came before ranking (small talk, nothing known).
        A message asking two things that the knowledge base cannot answer as a whole is answered
        by the one part it answers, when it has nothing for the others: "when was the doctoral
        event held, and was the weather nice?" gets the date.
        """
        match, ranked = self._whole_or_one_part(question, lang)
        if self.examples is not None:
            match = second_opinion(
                self.examples,
                question[: self.settings.max_query_chars],
                match,
                ranked,
                self.settings,
            )
        return match, ranked

    @property
    def example_count(self) -> int:
        """How many example questions the matcher learnt from."""
        return 0 if self.examples is None else len(self.examples)

    def without_examples(self, questions: Iterable[str]) -> Matcher:
        """This matcher with the examples asking ``questions`` left out of what it learnt:
        how it does on those questions had it never seen them (``talent-bot eval``)."""
        if self.examples is None:
            return self
        other = copy.copy(self)
        other.examples = self.examples.without(questions)
        return other

    def _whole_or_one_part(self, question: str, lang: Lang | None) -> tuple[Match, list[Candidate]]:
        found = self._match_and_rank(question, lang)
        if found[0].kind == "answer" or found[0].kind == "smalltalk":
            return found
        parts = question_parts(question[: self.settings.max_query_chars])
        if not parts:
            return found
        each = [self._match_and_rank(part, lang or found[0].lang) for part in parts]
        answered = [at for at, (match, _) in enumerate(each) if match.kind == "answer"]
        if len(answered) != 1:
            return found
        match, ranked = each[answered[0]]
        others = [at for at in range(len(parts)) if at != answered[0]]
        # The other parts have nothing the sources say, and set no scope of their own that
        # the answered part would then be asked in ("... in 2015, and what was the funding?").
        if (
            (match.score or 0.0) >= self.settings.part_answer_threshold
            and all(each[at][0].kind == "decline" for at in others)
            and not any(
                sets_its_own_scope(parts[at], self._words_of, self.index.vocabulary)
                for at in others
            )
        ):
            return replace(match, lang=found[0].lang, partial=True), ranked
        return found

    def _match_and_rank(
        self, question: str, lang: Lang | None = None
    ) -> tuple[Match, list[Candidate]]:
        question = without_length_asked(claim_as_hearsay(self.pinyin.read(question)))
        question = smalltalk.spelled_out(question)
        question = without_a_story(
            question[: self.settings.max_query_chars], self._words_of, self.index.vocabulary
        )
        analysed = self.analyse(question)
        # The script as typed: synonyms may have turned "博士" into the token "phd".
        reply_lang: Lang = lang or detect_language(" ".join(analysed.surface))
        if not analysed.tokens:
            return Match("decline", reply_lang, score=0.0), []

        if talk := self._small_talk(analysed):
            return Match("smalltalk", reply_lang, entry_id=talk[0], score=talk[1]), []

        context = context_of(question[: self.settings.max_query_chars], self.analyse)
        # "just back from the UK, who are you": once the asker has told of themselves, what
        # they go on to ask may be small talk on its own; but the told clauses may be the
        # request ("I'm looking for AlphaESS's address, thanks!"), so the small talk only
        # stands where the knowledge base answers nothing surely.
        asked = tuple(raw_tokens(normalise(context.asked))) if context.asked else None
        # Small talk is short: a longer asking clause is not worth analysing as one.
        asked_talk = (
            self._small_talk(self.analyse(context.asked))
            if asked is not None and len(asked) <= _SMALL_TALK_TOKENS
            else None
        )
        trailing_talk = (
            asked_talk
            if asked_talk and normalise(question).endswith(normalise(context.asked))
            else None
        )
        offered = appends_a_guess(question) or checks_then_goes_on(question)
        # (When what is asked is small talk, "hi, I need housing for my family", the told
        # clauses are the request.)
        asking = asked if asked_talk is None else None
        units = self.query_units(analysed, context, guess_offered=offered, asking=asking)
        # Only chatter: every known word also comes from small talk ("hello there bot": "bot"
        # is also an entry's word), with less than one unseen word's worth of the rest ("好嘞
        # 谢谢你", "thanks, that helped", "how are you today").
        chatter = (
            self.index.formula_words.issuperset(units.known)
            and sum(units.unknown.values()) < self.settings.unknown_word_weight * self.index.max_idf
        )
        # "thanks, that helps my sources", "好的 回头见": small talk going on about itself, unless
        # the knowledge base answers it surely (what it asks or wants was filtered first); and
        # always where all it goes on to say is who the asker is ("你好，我是海外博士"): the
        # entries its words name were not asked about.
        opened = smalltalk.opened_by_talk(self.index, analysed, question)
        if opened is not None and (opening := introduction_opening(question)) is not None:
            # Which small talk, by the opening's own words ("good morning" greets, though
            # "good night" is the shortest phrasing holding "good").
            said = smalltalk.by_words(self.index, self.analyse(opening))[0] or opened[0]
            return Match("smalltalk", reply_lang, entry_id=said, score=opened[1]), []
        if chatter and units.greeting:
            smalltalk_id, smalltalk_score = smalltalk.by_words(self.index, analysed)
        elif chatter and (contained := smalltalk.containing(self.index, analysed)):
            smalltalk_id, smalltalk_score = contained
        elif chatter and (most := smalltalk.holding_a_phrasing(self.index, analysed)):
            smalltalk_id, smalltalk_score = most
        else:
            smalltalk_id = None
        if smalltalk_id is not None:
            return Match("smalltalk", reply_lang, entry_id=smalltalk_id, score=smalltalk_score), []
        if not units.known:
            match = Match("decline", reply_lang, score=0.0)
            ranked: list[Candidate] = []
        else:
            ranked = self.rank(analysed, units)
            match = self._decide(ranked, reply_lang)
        if any(unit[0] == "<" for unit in units.unknown):  # a pseudo-unit: see beyond.py
            match = replace(match, asks_beyond=True, asks_the_future=units.coming)
        talk = opened or trailing_talk
        if talk is not None and (
            match.kind != "answer" or (match.score or 0.0) < self.settings.sure_threshold
        ):
            return Match("smalltalk", reply_lang, entry_id=talk[0], score=talk[1]), []
        return match, ranked

    def _small_talk(self, analysed: Analysed) -> tuple[str, float] | None:
        """The small talk ``analysed`` surely is (close to a phrasing of it, or a question about
        the bot), if any."""
        smalltalk_id, smalltalk_score = smalltalk.closest(
            self.index, analysed, self.settings.smalltalk_threshold
        )
        if smalltalk_id is not None and smalltalk_score >= self.settings.smalltalk_threshold:
            return smalltalk_id, smalltalk_score
        return about_the_bot(self.index, analysed)

    def analyse(self, question: str) -> Analysed:
        return analyse(
            company_settling_as_brought_in(question),
            self.index.synonyms,
            self.settings.max_query_chars,
            correct=self.speller.corrected,
        )

    # --- the question's units -----------------------------------------------------------------

    def query_units(
        self,
        analysed: Analysed,
        context: Context | None = None,
        *,
        guess_offered: bool = False,
        asking: tuple[str, ...] | None = None,
    ) -> QueryUnits:
        """The question's units; ``asking`` is the surface of its asking clauses alone, when
        other clauses only tell who the asker is."""
        index = self.index
        settings = self.settings
        unknown_weight = settings.unknown_word_weight * index.max_idf
        context = context or Context()
        units = QueryUnits()
        surface = analysed.surface
        typed = "".join(surface)
        # The Chinese patterns each need a Chinese character (tests/matching/
        # test_chinese_patterns.py): on English text they are not tried.
        chinese = not typed.isascii()
        about_location = bool(
            LOCATION_TOKENS.intersection(analysed.tokens)
            or (chinese and LOCATION_CHINESE.search(typed))
        )
        units.dates = numbers_in_dates(surface)
        guesses = read_guesses(analysed, units, index, self._words_of, guess_offered=guess_offered)
        origins = places_come_from(surface, analysed.tokens)
        housing_verb = asks_what_houses(surface)
        # Where, only as the English word: "重点在哪" asks what the focus is, not where. A place
        # offered for checking asks where too ("AlphaESS is in Suzhou, right?"), unless it is
        # where someone is from ("the guests were mostly from the US, weren't they").
        units.locating = (
            housing_verb
            or (WHERE in analysed.words and not _WHERE_WORDS.isdisjoint(surface))
            or (
                units.confirming
                and (
                    not PLACE_STEMS.isdisjoint(set(analysed.words) - origins)
                    or any(place in typed for place in CHINESE_PLACES)
                )
            )
        )
        # A place in a question about where Tongzhou is, or in a fact offered for checking, is
        # the asker's bearings or guess, not a subject of its own.
        asks_where_tongzhou_is = about_location
        about_location = about_location or units.confirming
        # ... but in English only a place the fact puts something in ("it is in Suzhou, right?"),
        # not one doing something ("rugao hosted talent events too, right?").
        placed = (
            {
                stem(after)
                for before, after in itertools.pairwise(surface)
                if before in _BEFORE_A_GUESSED_PLACE
            }
            | {  # "alphaess was a german brand"
                stem(place)
                for being, article, place in zip(surface, surface[1:], surface[2:], strict=False)
                if being in _BEING and article in _ARTICLES
            }
        )
        for word in analysed.words:
            word = index.whole(word)
            if word in index.vocabulary:
                weight = index.idf.get(word, index.max_idf)
                if word[0].isdigit():
                    # A number is rare, so its IDF is high, but it only confirms the entry the
                    # words point to: "the 2023 doctoral event" is not the 2023 policy.
                    weight = min(weight, index.max_idf * settings.plain_word_weight)
                units.known[word] = weight
            elif word.startswith("?"):
                continue  # a kind of question no phrasing asks: no evidence either way
            elif word in index.smalltalk_words:
                units.greeting = True
            elif word in guesses.claimers:
                continue  # "my friend says ...": who claims it, not a subject
            elif word == _HOUSING and housing_verb:
                continue  # "which zone houses the HQ": where it is, read as locating
            else:
                # "from london": where the asker is from, not a subject.
                if word in PLACE_STEMS and (
                    (about_location and (word in placed or not units.confirming)) or word in origins
                ):
                    factor = settings.plain_word_weight
                elif (word in SUBJECT_STEMS or self.speller.misspelt_subject(word)) and (
                    word not in guesses.options or word in MONEY_FORMS
                ):
                    factor = settings.subject_word_weight
                elif word in WEAK_STEMS:
                    factor = settings.weak_word_weight
                elif word[0].isdigit() and not units.confirming and word not in guesses.words:
                    factor = settings.unknown_number_weight
                elif units.confirming or word in guesses.words:
                    factor = settings.guess_word_weight
                else:
                    factor = settings.plain_word_weight
                if word in context.words:
                    factor *= settings.context_word_factor
                units.unknown[word] = unknown_weight * factor
        for run in analysed.runs:
            self._chinese_units(run, units, unknown_weight, about_location, context)
        unsay_a_wrong_focus(
            guesses.focus, units, index, self._words_of, unknown_weight * settings.guess_word_weight
        )
        unsay_a_wrong_member(
            guesses.member,
            guesses.group,
            units,
            index,
            self._words_of,
            unknown_weight * settings.subject_word_weight,
        )
        # "来通州的英国学者": who came, not why they came
        if chinese and _CAME_TO_THE_PLACE.search(typed):
            units.known.pop("来", None)
        # "why?" alone, "what do you mean", 举个例子吧: nothing the knowledge base can answer
        if all(unit.startswith("?") or unit in _ASKING_NOTHING for unit in units.known):
            units.known.clear()
        elif units.locating and WHERE in index.idf:
            units.known.setdefault(WHERE, index.idf[WHERE])
        units.listing = asks_for_a_list(surface) or bool(
            chinese and LIST_REQUEST_CHINESE.search(typed)
        )
        if units.listing:
            units.listed = listed_kind(analysed.tokens, index.group_kinds)
        as_read = Question(
            analysed.tokens,
            surface,
            typed,
            chinese,
            asking or surface,
            asks_where_tongzhou_is,
            WHERE in units.known,
        )
        units.coming = asks_for_a_gathering_to_come(asking or surface)
        addressed = self._addresses.asks_for_another
        for marker, share in asks_beyond_the_sources(
            as_read, settings, lambda named: addressed(self._words_of(named))
        ).items():
            units.unknown[marker] = unknown_weight * share
        units.counting = asks_how_many(surface) or bool(chinese and COUNT_CHINESE.search(typed))
        counted = what_is_counted(surface)
        # A count offered for checking asks how many of what it counts, which the entry with
        # the real count answers ("I heard 100 british scholars came, is that number right?").
        # Only in English, and only of what some entry counts: a figure in Chinese text or one
        # counting nothing the entries count ("2 nantong", "~10 yrs") offers no count.
        offered_words: tuple[str, ...] = ()
        if (
            not units.counting
            and units.confirming
            and not analysed.runs
            and (offered := what_a_figure_counts(surface, units.dates))
            # what the figure counts is its last word ("100 british scholars": scholars), and
            # some entry stating a number speaks of it ("3 talent awards" counts no such thing)
            and (head := self.analyse(offered[-1]).words)
            and head[-1] in index.countable
        ):
            units.counting, counted = True, offered
            offered_words = self.analyse(" ".join(offered)).words
        if units.counting and counted:
            words = offered_words or self.analyse(" ".join(counted)).words
            # "how many people attended": people could be anyone the entries count.
            if words and words[0] not in _UNCOUNTED:
                # "chains" counts what "10 key industrial chains" counts.
                wholes = (index.part_of.get(word) for word in words)
                units.counted = frozenset(words).union(w for w in wholes if w)
        elif units.counting and analysed.runs:
            units.counted = counted_in_chinese(analysed.tokens)
        if units.counting and (included := what_a_count_includes(surface, typed)):
            read = self.analyse(" ".join(included))
            units.included = frozenset(map(index.whole, read.words))
            # ... and what it takes in that the sources never name ("包括本地专家在内") makes it a
            # count of its own
            if any(
                bigram not in index.known_bigrams for run in read.runs for bigram in bigrams(run)
            ) or any(word not in index.vocabulary for word in units.included):
                units.unknown[_INCLUDED] = unknown_weight * settings.subject_word_weight
        if means_the_asker_by_people(surface):
            units.known.pop("peopl", None)
        # "tongzhou talent bot, where is tongzhou?": the name, then the place asked about
        for name in only_naming_the_bot(surface):
            units.known.pop(stem(name), None)
            units.unknown.pop(name, None)  # "helper", a word no phrasing has
        units.dating = (
            asks_when(surface)
            or bool(chinese and WHEN_CHINESE.search(typed))
            or _DATE in analysed.tokens
            or bool(guesses.dates)
        )
        units.asking_day = units.dating and bool(
            ASKS_THE_DAY.search(typed) or ASKS_THE_DAY.search(" ".join(surface))
        )
        if not (units.dating or units.confirming or units.dates):
            # "were there academicians at the march event": the month names the event; it is
            # no evidence for the entry that says when the event was.
            for month in months_naming_an_event(surface):
                units.known.pop(stem(month), None)
        if asks_for_one_share(surface) or (chinese and PER_ITEM_CHINESE.search(typed)):
            units.unknown[_PER_ITEM] = unknown_weight * settings.personal_weight
        return units

    def _words_of(self, text: str) -> tuple[str, ...]:
        return self.analyse(text).words

    def _chinese_units(
        self,
        run: str,
        units: QueryUnits,
        unknown_weight: float,
        about_location: bool,
        context: Context,
    ) -> None:
        """Known bigrams are evidence; characters no known bigram covers are unknown words.

        Covering characters rather than counting unknown bigrams keeps the seams between two
        known words ("看重|人才" has the unseen bigram "重人") from counting against a question.
        A stretch of uncovered characters is one unknown stretch even when a stop character
        sits inside it ("申请条件", "下一次"); stop phrases only trim its ends ("的…是什么").
        """
        index = self.index
        stop = stop_mask(run)
        covered = [False] * len(run)
        if len(run) == 1 and run in index.idf:
            units.known[run] = index.idf[run]
            covered[0] = True
        # A subject word the knowledge base does not use whole ("人才办", "管委会") is unseen,
        # whatever known word it starts with ("人才"; not a stop phrase: "怎么去" is read below).
        inside_a_subject = [False] * len(run)
        for found in CHINESE_SUBJECT.finditer(run):
            if not stop[found.start()] and not index.known_bigrams.issuperset(
                bigrams(found.group())
            ):
                inside_a_subject[found.start() : found.end()] = [True] * len(found.group())
        for position, gram in enumerate(bigrams(run) if len(run) > 1 else ()):
            if inside_a_subject[position] and inside_a_subject[position + 1]:
                continue
            if gram in index.known_bigrams:
                covered[position] = covered[position + 1] = True
                # "包括", "什么" are no evidence; nor is a word only the asker's story uses
                # ("儿子要去通州工作，通州在哪": 工作 is why they ask, not what).
                told_only = gram in context.chinese and gram not in context.asked_chinese
                if (
                    gram in index.idf
                    and not (stop[position] and stop[position + 1])
                    and not told_only
                ):
                    units.known[gram] = index.idf[gram]
            elif gram in index.smalltalk_bigrams:
                covered[position] = covered[position + 1] = True
                units.greeting = True
        # "对吗", "啱唔啱", "听说" only frame a fact offered for checking; they are not unseen.
        for framing in CONFIRM_CHINESE.finditer(run):
            covered[framing.start() : framing.end()] = [True] * (framing.end() - framing.start())
        start = -1
        for position, is_covered in enumerate([*covered, True]):
            if not is_covered and start < 0:
                start = position
            elif is_covered and start >= 0:
                first, last = start, position
                while first < last and stop[first]:
                    first += 1
                while last > first and stop[last - 1]:
                    last -= 1
                unseen = run[first:last]
                # ... but a subject word keeps its stop characters ("会场": 会 is also "can").
                untrimmed = run[start:position]
                if unseen != untrimmed and CHINESE_SUBJECT.search(untrimmed):
                    unseen = untrimmed
                # A lone character the knowledge base uses in its words is most likely short
                # for one of them ("市" for "城市"): neither evidence nor unseen. A lone
                # greeting character ("嗨") is small talk.
                if len(unseen) == 1 and unseen in index.smalltalk_bigrams:
                    units.greeting = True
                    unseen = ""
                # ... nor is a date's 月 or 号 ("3月28号") when the question names a date.
                if len(unseen) == 1 and (
                    unseen in index.known_characters or (unseen in DATE_MARKS and units.dates)
                ):
                    unseen = ""
                if unseen:
                    told, asked = told_and_asked(unseen, context)
                    guess = units.confirming
                    places = units.places_offered
                    words = (
                        self._unseen_words(asked, about_location, guess, places) if asked else 0.0
                    )
                    if told:
                        told_words = self._unseen_words(told, about_location, guess, places)
                        words += told_words * self.settings.context_word_factor
                    units.unknown[unseen] = unknown_weight * words
                start = -1

    def _unseen_words(
        self,
        stretch: str,
        about_location: bool = False,
        guess: bool = False,
        places: tuple[str, ...] = (),
    ) -> float:
        """How many unseen words a stretch of unseen Chinese characters counts as.

        About one word per two characters, but a subject word inside the stretch ("住房" in
        "住房补贴呢") counts as ``subject_word_weight`` words, a generic word ("扮演" in "中扮演",
        "情况") as a weak word, and so does a character left on its own. In a fact offered for
        checking (``guess``), the rest is the asker's guess ("是不是做光伏组件的"), as in English,
        and so are its subject words inside a place offered for checking (``places``).
        """
        weak = self.settings.weak_word_weight
        plain = self.settings.guess_word_weight if guess else self.settings.plain_word_weight
        if (len(stretch) == 1 and stretch not in SUBJECT_WORDS) or stretch in WEAK_WORDS:
            return weak
        words = 0.0
        for subject in CHINESE_SUBJECT_WORDS:
            if subject in stretch:
                weight = self.settings.subject_word_weight
                if any(subject in place for place in places):
                    weight = plain
                elif about_location and subject in PLACE_WORDS:
                    weight = self.settings.plain_word_weight
                words += weight * stretch.count(subject)
                stretch = stretch.replace(subject, " ")
        for generic in CHINESE_WEAK_WORDS:
            if generic in stretch:
                words += weak * stretch.count(generic)
                stretch = stretch.replace(generic, " ")
        for piece in stretch.split():
            words += weak if len(piece) == 1 else plain * len(piece) / 2
        return words

    # --- scoring ------------------------------------------------------------------------------

    def rank(self, analysed: Analysed, units: QueryUnits) -> list[Candidate]:
        """Every candidate entry with its confidence, best first (ties by knowledge-base order)."""
        index = self.index
        settings = self.settings
        known = units.known
        total_known = sum(known.values())
        coverage = self._coverage(known)
        candidates = heapq.nsmallest(
            settings.max_candidates, coverage, key=lambda e: (-coverage[e], e)
        )
        damping = Damping(units, index, settings, candidates)

        weights = settings.fuzzy_weight + settings.overlap_weight + settings.coverage_weight
        if len(candidates) == len(index.entry_ids):
            positions: Sequence[int] = range(len(index.phrasings))
        else:
            positions = [p for entry in candidates for p in index.phrasings_of_entry[entry]]
        entry_of = index.phrasing_entries
        fuzzy = fuzzy_scores(analysed.text, positions, index, self._scorer)
        best_of = {
            entry: settings.fuzzy_weight * (score / 100.0)
            for entry, score in fuzzy.best_of_entry.items()
        }
        # Only phrasings sharing a unit with the question add overlap to that score. (Names
        # bound once: this loop runs for hundreds of phrasings on a long question.)
        fuzzy_weight, overlap_weight = settings.fuzzy_weight, settings.overlap_weight
        of_phrasing, phrasing_weights, fsum = fuzzy.of_phrasing, index.phrasing_weights, math.fsum
        for position, weights_shared in shared_units(positions, known, index).items():
            # fsum is exact whatever the order, and set order varies between processes (one
            # weight is its own exact sum).
            shared = weights_shared[0] if len(weights_shared) == 1 else fsum(weights_shared)
            overlap = 2.0 * shared / (total_known + phrasing_weights[position])
            value = fuzzy_weight * (of_phrasing[position] / 100.0) + overlap_weight * overlap
            entry = entry_of[position]
            if value > best_of[entry]:
                best_of[entry] = value
        ranked: list[tuple[float, int]] = []
        for entry in candidates:
            score = (
                best_of[entry] + settings.coverage_weight * coverage[entry] / total_known
            ) / weights
            ranked.append((100.0 * score * damping.of(entry), entry))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        return [
            Candidate(
                index.entry_ids[entry],
                round(score, 4),
                objected=at >= _WEIGHED_FOR_EXAMPLES or damping.objects_to(entry),
            )
            for at, (score, entry) in enumerate(ranked)
        ]

    def _coverage(self, known: dict[str, float]) -> dict[int, float]:
        """Entry -> summed weight of the question's units it contains.

        Rare units are looked up first; once rarer units have found candidates, a unit shared
        by very many entries ("talent" in a large base) only adds to those candidates, so its
        long posting list is not read. An entry sharing only such common words with the
        question could not have beaten the candidates anyway.

        The kind of question ("?do") comes last and only adds to entries its words found: an
        entry sharing nothing else with the question is no candidate ("what does the Royal
        Academy of Engineering do" is not about AlphaESS, whose entry is asked what it does).
        """
        index = self.index
        limit = self.settings.max_candidates
        found: dict[int, float] = defaultdict(float)
        ordered = sorted(known.items(), key=lambda item: (item[0][0] == "?", -item[1], item[0]))
        for unit, weight in ordered:
            postings = index.postings.get(unit, ())
            if unit[0] == "?" or (found and len(postings) > 8 * max(limit, len(found))):
                for entry in found:
                    if unit in index.entry_units[entry]:
                        found[entry] += weight
            else:
                for entry in postings:
                    found[entry] += weight
        return found

    # --- the decision -------------------------------------------------------------------------

    def _decide(self, ranked: list[Candidate], lang: Lang) -> Match:
        settings = self.settings
        if not ranked:
            return Match("decline", lang, score=0.0)
        best = ranked[0]
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        top = tuple(ranked[: settings.max_suggestions])
        if best.score >= settings.sure_threshold or (
            best.score >= settings.answer_threshold
            and best.score - runner_up >= settings.min_margin
        ):
            return Match("answer", lang, entry_id=best.entry_id, score=best.score, candidates=top)
        if best.score >= settings.suggest_threshold:
            offered = worth_suggesting(top, settings.suggestion_floor)
            return Match("suggest", lang, score=best.score, candidates=offered)
        return Match("decline", lang, score=best.score, candidates=top)
