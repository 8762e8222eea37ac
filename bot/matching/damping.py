"""How much a question's unseen content pulls each candidate entry's confidence down.

Besides the words the knowledge base has never seen, an entry that states no number cannot say
how many, one that states no date cannot say when, one no phrasing of which asks "where" or
"why" cannot answer that, and a number the question names but the entry does not state ("the
2023 event") asks about something else: to that entry, each is one more unseen word. So is a
purpose asked of something the entry stating a purpose does not name ("what's the point of all
these talent schemes" is not the event's purpose). A rough figure the asker guesses ("like 10
subsidiaries?") is not held against the entry whose numbers count what it guesses, which
corrects it. The confidence is then scaled by ``(1 - unseen / (known + unseen)) **
unknown_penalty``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.matching.guesses import MULTIPLIER_UNITS
from bot.matching.index import KbIndex
from bot.matching.settings import MatchSettings
from bot.matching.units import DO, PURPOSE, WHERE, WHY, QueryUnits
from bot.matching.words import MONEY_FORMS, PLACE_STEMS, SUBJECT_STEMS, SUBJECT_WORDS


class Damping:
    """The damping of one question, for any of its candidate entries."""

    def __init__(
        self,
        units: QueryUnits,
        index: KbIndex,
        settings: MatchSettings,
        candidates: Sequence[int],
    ) -> None:
        self._units = units
        self._index = index
        self._settings = settings
        known = units.known
        self._total_known = sum(known.values())
        self._unseen_weight = settings.unknown_word_weight * index.max_idf
        self._unknown_total = math.fsum(units.unknown.values())
        self._numbers = {unit: weight for unit, weight in known.items() if unit[0].isdigit()}
        # A subject word the knowledge base does know ("beijing", from "which Tongzhou, the
        # Beijing one?") still names a subject of its own to every entry that does not use it.
        self._subjects = [unit for unit in known if unit in SUBJECT_STEMS or unit in SUBJECT_WORDS]
        # ... and so does what a count takes in ("how many attended, incl locals"): an entry not
        # counting it gives only part of that total.
        self._subjects += [
            unit for unit in units.included if unit in known and unit not in self._subjects
        ]
        self._asking = [WHERE] if units.locating else []
        self._asking += [kind for kind in (WHY, DO) if kind in known]
        # How many of the words saying what the question counts each entry's numbers count:
        # "how many talent projects" is the entry counting talent projects more than the one
        # counting "supported projects" among other things.
        self._counted_hits = {
            entry: len(units.counted & index.counted[entry])
            for entry in (candidates if units.counting and units.counted else ())
        }
        self._most_hits = max(self._counted_hits.values(), default=0)
        # "what's the point of all these talent schemes": a purpose, but of what the rest of
        # the question names. Words a third of the entries or more share ("talent",
        # "tongzhou") name nothing particular, but they still show that something else is
        # named ("what's the point of all this talent stuff"); a purpose word alone names
        # nothing else.
        # Words only: a Chinese bigram may be filler ("来的" in 他们来的目的是什么).
        named = [unit for unit in known if unit != PURPOSE and unit[0] != "?" and unit.isascii()]
        self._purpose_of: frozenset[str] | None = (
            frozenset(
                unit
                for unit in named
                if 3 * len(index.postings.get(unit, ())) < len(index.entry_ids)
            )
            if PURPOSE in known and named
            else None
        )

    def _corrects_the_guess(self, number: str, entry: int) -> bool:
        """The entry counts what the asker's rough figure counts, and says everything else the
        question names ("like 3 subsidiaries in africa?", "... in the uk?" ask more)."""
        return self._says_all_but(number, self._units.guessed.get(number), entry)

    def _says_all_but(self, figure: str, counts: str | None, entry: int) -> bool:
        """The entry counts what ``figure`` counts, and says everything else the question names:
        no unseen word but the figure itself, and every known unit."""
        units = self._units
        entry_units = self._index.entry_units[entry]
        return (
            bool(counts)
            and counts in self._index.counted[entry]
            and math.isclose(
                self._unknown_total,
                math.fsum(
                    weight
                    for unit, weight in units.unknown.items()
                    if unit == figure or unit in MULTIPLIER_UNITS
                ),
            )
            and all(unit == figure or unit[0] == "?" or unit in entry_units for unit in units.known)
        )

    def _lists(self, entry: int) -> bool:
        """Whether the entry names members of what the question asks a list of (of some group,
        where it does not say which)."""
        listed = self._units.listed
        return self._index.enumerates[entry] and (
            listed is None or listed in self._index.enumerated[entry]
        )

    def objects_to(self, entry: int) -> bool:
        """Whether the question asks what this entry plainly cannot say: names where its answer
        names none ("which ten chains?"). Labelled examples never answer with it then.

        The other readings ``of`` damps by (a count, a date or a kind of answer the entry does
        not give, subject words, places) were tried as objections too: on fresh wording they
        cost far more right answers than the near misses they held back ("is Tongzhou in
        Zhejiang?" names a place only to be corrected).
        """
        return self._units.listing and not self._lists(entry)

    def of(self, entry: int) -> float:
        """The factor, from 0 to 1, that this entry's confidence is multiplied by."""
        units = self._units
        index = self._index
        settings = self._settings
        unseen_weight = self._unseen_weight
        unknown = self._unknown_total
        known_total = self._total_known
        if units.counting and (
            not index.states_a_number[entry]
            # ... or its numbers count other things than the question does.
            or (units.counted and units.counted.isdisjoint(index.counted[entry]))
        ):
            unknown += settings.uncounted_weight * unseen_weight
        elif self._counted_hits and self._counted_hits[entry] < self._most_hits:
            shortfall = (self._most_hits - self._counted_hits[entry]) / self._most_hits
            unknown += settings.count_shortfall_weight * shortfall * unseen_weight
        # "3.0具体是哪天发布的": an entry dating something only to "the end of 2023" cannot say
        # which day either.
        if (units.dating and not index.states_a_date[entry]) or (
            units.asking_day and not index.states_a_day[entry]
        ):
            unknown += settings.uncounted_weight * unseen_weight
        for kind in self._asking:
            if not index.answers_kind[kind][entry]:
                unknown += settings.uncounted_weight * unseen_weight
        # An entry stating a purpose, sharing nothing else the question names, states another
        # thing's purpose. (An entry stating none may: a policy's focus is its aim.)
        if (
            self._purpose_of is not None
            and PURPOSE in index.entry_units[entry]
            and self._purpose_of.isdisjoint(index.entry_units[entry])
        ):
            unknown += settings.uncounted_weight * unseen_weight
        # The knowledge base gives counts, not lists, except where an answer names them.
        if units.listing and not self._lists(entry):
            unknown += settings.list_request_weight * unseen_weight
        for subject in self._subjects:
            if subject not in index.entry_units[entry]:
                # "subsidies or services": the option this entry speaks of is the one it answers.
                if subject not in MONEY_FORMS and not units.alternatives.get(
                    subject, frozenset()
                ).isdisjoint(index.entry_units[entry]):
                    continue
                unknown += settings.subject_word_weight * unseen_weight
            elif subject in PLACE_STEMS:
                # The one entry naming another place ("Tongzhou in Beijing") answers which
                # place is which, not the rest of the question ("Beijing Tongzhou's policy").
                unknown += math.fsum(
                    weight
                    for unit, weight in units.known.items()
                    if unit not in index.entry_units[entry] and not unit.startswith("?")
                )
        for number, weight in self._numbers.items():
            # A date that only says which event is meant ("the march 26 event") is no number
            # the question asks about, unless it asks when.
            if number in units.dates and not units.dating:
                continue
            if number in index.entry_units[entry]:
                continue
            # "alphaess only has like 10 subsidiaries?": a rough guess at what this entry
            # counts, which its real figure corrects ("like 10 million a year" counts
            # something else), is no number of something else; nor is a day asked about
            # ("was the doctoral event on april 5?"), which the entry stating the date corrects,
            # whatever else the sources count as 5.
            if self._corrects_the_guess(number, entry) or (
                number in units.dates and index.states_a_date[entry]
            ):
                known_total -= weight
            elif not units.confirming:
                known_total -= weight
                unknown += settings.unknown_number_weight * unseen_weight
        for figure, counts in units.offered.items():
            # "was the total funding around 1 billion yuan?": the entry counting yuan corrects
            # the figure, which is only the asker's guess to it, when it says all the rest.
            if figure in units.unknown and self._says_all_but(figure, counts, entry):
                unknown -= units.unknown[figure] - settings.guess_word_weight * unseen_weight
        if unknown <= 0.0:
            return 1.0
        return float((1.0 - unknown / (known_total + unknown)) ** settings.unknown_penalty)
