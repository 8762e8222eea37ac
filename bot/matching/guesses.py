"""Facts a question offers for checking, and options it offers to choose between.

"AlphaESS is in Suzhou, right?", "I heard it was 500 projects", "was it introduced in 2015?":
what the asker offers is a guess, which the right entry corrects, not a subject of its own. "Are
the hubs in universities or companies?": the option after "or" is the asker's alternative.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from bot.matching.analysis import Analysed
from bot.matching.asks import numbers_in_dates
from bot.matching.clauses import CLAIM_OPENINGS, claimers, someone_close_claims
from bot.matching.counting import counted_after_a_figure
from bot.matching.index import KbIndex
from bot.matching.subjects_guessed import focus_guessed, member_guessed
from bot.matching.units import QueryUnits
from bot.matching.words import (
    AMOUNTS_CHINESE,
    CHINESE_PLACES,
    CONFIRM_CHINESE,
    LIST_REQUEST_LEADS,
    MONTHS,
    NUMBER_VALUES,
    OPTIONS_CHINESE,
    PLACE_STEMS,
    PROVIDING_VERBS,
    YES_NO_LEADS,
    Phrases,
    is_a_figure,
    is_year,
    stem,
)

# "if I remember correctly", "iirc": the asker hedges a fact they offer to check, and says
# nothing about their own case.
RECALLING = frozenset(str.split("remember recall recollect understand understood read heard"))


def _recalls(surface: tuple[str, ...]) -> bool:
    return "iirc" in surface or any(
        (first, second) == ("if", "i") and third in RECALLING
        for first, second, third in zip(surface, surface[1:], surface[2:], strict=False)
    )


_CONFIRMING_ENDS = Phrases(
    [
        *(
            (w,)
            for w in str.split(
                "right rite ryt correct accurate yeah yes yep ya yah true innit eh no"
            )
        ),
        ("is", "that", "right"),
        ("is", "that", "correct"),
        ("isnt", "it"),
        ("am", "i", "right"),
        ("am", "i", "wrong"),
        # tag questions: "the 3.0 policy was launched in 2024 wasn't it"
        ("wasnt", "it"),
        ("doesnt", "it"),
        ("didnt", "it"),
        ("didnt", "they"),
        ("arent", "they"),
        ("werent", "they"),
        ("dont", "they"),
    ]
)
_CONFIRMING_STARTS = Phrases(
    (
        ("am", "i", "right"),
        ("am", "i", "correct"),
        ("is", "it", "true"),
        ("is", "it", "correct"),
        ("is", "it", "right"),
        ("so",),
        ("pretty", "sure"),
    )
)  # ... "I think", "I'm pretty sure": hedges anywhere and claim openings, below
# "was alphaess introduced in 2015?" checks when something known happened; "did tongzhou hold a
# talent fair in 2019?" asks whether something happened that year, which no entry says.
_YES_NO_OPENERS = frozenset((word,) for word in ("was", "were"))


def years_checked(surface: tuple[str, ...]) -> tuple[str, ...]:
    """The years in a yes-or-no question about the past ("was alphaess introduced in 2015?"),
    which may be the asker's guess at a date (the matcher keeps those the sources do not use)."""
    if not _checks_a_date(surface):
        return ()
    return tuple(word for word in surface if is_year(word))


def months_checked(surface: tuple[str, ...]) -> tuple[str, ...]:
    """The months in such a question ("was the doctoral event in april?"), likewise."""
    if not _checks_a_date(surface):
        return ()
    return tuple(word for word in surface if word in MONTHS)


def _checks_a_date(surface: tuple[str, ...]) -> bool:
    # "were there any events in 2022" asks what happened that year, not whether a date is right
    return surface[:1] in _YES_NO_OPENERS and surface[1:2] != ("there",)


# "... 2014 i think?", "correct me if wrong", "I read that somewhere": hedges anywhere.
_HEDGES = Phrases(
    (
        ("i", "think"),
        ("i", "believe"),
        ("correct", "me", "if"),
        ("i", "read", "that"),
        ("i", "heard"),
        ("i", "was", "told"),
        ("told", "me"),
        # "..., my candidate thinks so": someone else's claim the asker checks
        ("thinks", "so"),
        ("think", "so"),
        ("says", "so"),
        # "ngl i thought alphaess was german", "around 2018?? lowkey doubt it"
        ("i", "thought"),
        ("doubt", "it"),
        # "fact-check please: 327 projects ...", "do my numbers match?"
        ("fact", "check"),
        ("factcheck",),
        *(
            (mine, said, check)
            for mine in ("my", "these", "the")
            for said in ("numbers", "figures")
            for check in ("match", "right", "correct", "accurate")
        ),
    )
)


def offers_a_fact(surface: tuple[str, ...], typed: str) -> bool:
    """A fact offered for checking, in English (``confirms_a_fact``) or in Chinese (对吗, 听说,
    十条还是八条; see ``OPTIONS_CHINESE``)."""
    return (
        confirms_a_fact(surface)
        or CONFIRM_CHINESE.search(typed) is not None
        or (OPTIONS_CHINESE.search(typed) is not None and not AMOUNTS_CHINESE.search(typed))
    )


def confirms_a_fact(surface: tuple[str, ...]) -> bool:
    """ "AlphaESS is in Suzhou, right?", "so it was 500 projects", "in Jiangsu or Zhejiang": the
    asker offers a fact to check, so a number or a place the knowledge base does not state is
    their guess, which the right entry corrects, not a subject of its own."""
    return (
        _CONFIRMING_ENDS.close(surface)
        # "372 projects, legit?" checks a fact; "is alphaess legit?" asks whether it is sound
        or (surface[-1:] == ("legit",) and surface[:1] not in _YES_NO)
        or _CONFIRMING_STARTS.open(surface)
        or "or" in surface  # "is it in jiangsu or zhejiang": the asker offers the options
        or _recalls(surface)
        # a clause opening that offers a claim ("I remember ...", "my understanding is ...")
        or CLAIM_OPENINGS.open(surface)
        or _HEDGES.occur_in(surface)
        or someone_close_claims(surface)
    )


def rough_figures(surface: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """ "in like 50 countries?", "was it like fifty people", "300-something projects": the
    figure the asker offers, a guess the entry with the real figure corrects (only the figure:
    the rest of the question still counts as asked), each with the word after it, what it
    counts ("" at the end)."""
    figures: list[tuple[str, str]] = []
    for first, second, third in zip(surface, surface[1:], (*surface[2:], ""), strict=False):
        # "like 50 countries", and "300-something projects", "40-odd firms", "50ish countries"
        if first == "like" and is_a_figure(second):
            figures.append((NUMBER_VALUES.get(second, second), third))
        elif second in _ROUGH_AFTER and is_a_figure(first):
            figures.append((NUMBER_VALUES.get(first, first), third))
    return tuple(figures)


_ROUGH_AFTER = frozenset(("something", "odd", "ish"))


# "when did tongzhou launch policy 3.0? early 2024?", "how many chains, 5? 8?": a last clause of
# figures alone, after a question, offers the asker's guesses at its answer.
_GUESS_CLAUSES = re.compile(r"[?？,，;；]+")
_GUESS_HEDGES = frozenset(str.split("early late mid around about maybe like or and approx roughly"))


# What the guesses answer: a year or a month answers when, a number how many. A year in the
# question itself is no guess's ("how many projects were funded in 2025? 400?" asks about 2025).
_ASKS_WHEN = re.compile(
    r"\bwhen\b|\bwhat (?:year|month|date)\b|什么时候|啥时候|何时|哪年|哪一年|几月"
)
_ASKS_HOW_MANY = re.compile(r"\b(?:how|hw|hoe) (?:many|much|mny)\b|多少|几")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def appends_a_guess(question: str) -> bool:
    """The question ends in clauses of figures alone, its asker's guesses at what it asks (see
    above): years or months after a question asking when, numbers after one asking how many."""
    clauses = [re.findall(r"[\w.+]+", c) for c in _GUESS_CLAUSES.split(question.casefold())]
    clauses = [words for words in clauses if words]
    guesses = 0
    while guesses < len(clauses) and _only_figures(clauses[-1 - guesses]):
        guesses += 1
    if not 0 < guesses < len(clauses):
        return False
    asked = " ".join(word for words in clauses[: len(clauses) - guesses] for word in words)
    figures = [w for words in clauses[len(clauses) - guesses :] for w in words]
    if _YEAR.search(asked):
        return False
    dates = any(is_year(w) or w in MONTHS for w in figures)
    return bool(_ASKS_WHEN.search(asked) if dates else _ASKS_HOW_MANY.search(asked))


# "AlphaESS HQ is in Shanghai right? candidate is asking before his interview": a fact checked
# in a clause the asker goes on after
_CLAUSE_ASKED = re.compile(r"[?？]+")


def checks_then_goes_on(question: str) -> bool:
    """A clause before the question's last ends by asking whether it is so ("..., right?")."""
    clauses = [clause for clause in _CLAUSE_ASKED.split(question.casefold()) if clause.strip()]
    return any(
        _CONFIRMING_ENDS.close([word.replace("'", "") for word in re.findall(r"[\w']+", clause)])
        for clause in clauses[:-1]
    )


def _only_figures(words: list[str]) -> bool:
    figures = [w for w in words if w not in _GUESS_HEDGES]
    return bool(figures) and all(
        w.rstrip("+").replace(".", "", 1).isdigit() or w in MONTHS or w in NUMBER_VALUES
        for w in figures
    )


# "1 billion yuan", "100+ countries": the words between a figure and what it counts.
_MULTIPLIERS = frozenset(str.split("k m bn million millions billion billions thousand thousands"))
# ... as the matcher's units: part of the figure, no unseen word of their own.
MULTIPLIER_UNITS = _MULTIPLIERS | frozenset(map(stem, _MULTIPLIERS))


_HAVING = frozenset(str.split("has have had"))
# An amount of money offered is a total only when the question says so: "is the startup grant
# 500000 yuan?" asks what one startup gets.
_CURRENCIES = frozenset(str.split("yuan rmb cny dollar dollars usd"))
_TOTALS = frozenset(str.split("total overall altogether combined all"))


def figures_offered(surface: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """ "was the total funding around 1 billion yuan?", "does alphaess have 50 subsidiaries": a
    yes-or-no question naming a figure offers it for checking. Each figure (no year) with the
    words after it that say what it counts ("" for none). Unlike a rough figure it still weighs
    as an unknown number, except for an entry counting the same thing, whose figure answers it.
    """
    if not surface or surface[0] not in YES_NO_LEADS | _HAVING:
        return ()
    if not _CURRENCIES.isdisjoint(surface) and _TOTALS.isdisjoint(surface):
        return ()
    offered: list[tuple[str, str]] = []
    for position, word in enumerate(surface):
        # "about twenty UK scholars, correct?" offers 20
        if is_a_figure(word) and not is_year(word):
            after = tuple(w for w in surface[position + 1 :] if w not in _MULTIPLIERS)
            offered.append((NUMBER_VALUES.get(word, word), " ".join(counted_after_a_figure(after))))
    return tuple(offered)


_OPTION_WORDS = 3
_SKIPPED_AFTER_OR = frozenset(str.split("a an the in at"))
_PLACING = frozenset(str.split("in inside within at on"))
_NOT_AN_OPTION = frozenset(str.split("not what something so anything else other whatever"))


def offered_options(surface: tuple[str, ...]) -> tuple[str, ...]:
    """The words just after "or", offered as the other option ("are the hubs in firms or in
    govt offices"): the asker's alternative, not a subject the question is about. "does it give
    cash or housing" asks about both, not which of two."""
    if not PROVIDING_VERBS.isdisjoint(surface):
        return ()
    options: list[str] = []
    for position, word in enumerate(surface):
        if word == "or" and position + 1 < len(surface):
            following = surface[position + 1 : position + 1 + _OPTION_WORDS]
            if following[0] not in _NOT_AN_OPTION:
                options += following
        # "what's a talent hub, like an office?": the asker's guess at what it is, when it
        # ends the question ("is there anything like a visa service for phds" asks for one)
        elif (
            word == "like"
            and surface[position + 1 : position + 2] in (("a",), ("an",))
            and len(surface) - position <= 2 + _OPTION_WORDS
        ):
            options += surface[position + 2 : position + 2 + _OPTION_WORDS]
    return tuple(options)


_LINKING_AFTER_OR = _SKIPPED_AFTER_OR | frozenset(str.split("on for to by with"))


def words_either_side_of_or(surface: tuple[str, ...]) -> list[tuple[str, str]]:
    """For each "or" that offers a choice, the word just before it and the first word after
    it: ("subsidies", "services") in "does it focus on subsidies or services". A choice is one
    asked as such (see ``options_either_side_of_or``), or two options that end the question
    ("what is it mainly about, subsidies or services?"); "what about funding or the
    headquarters of alphaess" and "any subsidies or events for phds" ask about both."""
    if not PROVIDING_VERBS.isdisjoint(surface):
        return []
    pairs: list[tuple[str, str]] = []
    for position, word in enumerate(surface):
        if word != "or" or position == 0:
            continue
        following = surface[position + 1 : position + 3]
        after = [w for w in following if w not in _LINKING_AFTER_OR]
        ending = position + 1 + following.index(after[0]) == len(surface) - 1 if after else False
        if after and after[0] not in _NOT_AN_OPTION and (_choosing(surface, position) or ending):
            pairs.append((surface[position - 1], after[0]))
    return pairs


def _choosing(surface: tuple[str, ...], position: int) -> bool:
    """Does the "or" at ``position`` offer a choice between places or things ("in universities
    or companies", "is it X or Y", "where ..., X or Y"), rather than two topics wanted ("what
    about visas or funding")?"""
    return (
        surface[0] in YES_NO_LEADS
        or not _PLACING.isdisjoint(surface[max(0, position - _OPTION_WORDS) : position])
        # "where are the hubs, government offices or companies?": two options ending a
        # question asking where or which
        or (len(surface) - position <= 3 and not _WHERE_OR_WHICH.isdisjoint(surface))
    )


_WHERE_OR_WHICH = frozenset(("where", "which"))


def options_either_side_of_or(surface: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """For each "or", the first word after it and the words just before it: in "in
    universities or companies", ("companies", ("in", "universities")). The words before are
    the asker's first option, a guess only when the other option is something the knowledge
    base knows (the matcher decides); "is there housing or a visa" asks about both."""
    if not PROVIDING_VERBS.isdisjoint(surface):
        return []
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for position, word in enumerate(surface):
        if word != "or" or position == 0:
            continue
        after = [w for w in surface[position + 1 : position + 3] if w not in _SKIPPED_AFTER_OR]
        before = surface[max(0, position - _OPTION_WORDS + 1) : position]
        # A choice (see _choosing); and "which hotel or building hosted it" asks for a name,
        # whichever word it uses.
        if (
            _choosing(surface, position)
            and after
            and after[0] not in _NOT_AN_OPTION
            and LIST_REQUEST_LEADS.isdisjoint(before)
        ):
            pairs.append((after[0], before))
    return pairs


_HEAD_OFFICE = "headquarter"  # the canonical token of the headquarters synonyms, stemmed
_PLACING_YES_NO = frozenset(str.split("is isnt are arent was wasnt"))
_IN = frozenset(str.split("in at inside"))
_REGIONAL = frozenset(
    str.split(
        "european europe us american america asian asia australian regional local china chinese"
        " subsidiary subsidiaries subsidiarys branch branches uk british german"
    )
)
_REGIONAL_CHINESE = re.compile(
    "(?:欧洲|美国|美洲|亚洲|澳洲|澳大利亚|中国区|区域|子公司|分公司|海外)[^，,。？?]{0,2}总部"
)
_IN_A_PLACE_CHINESE = re.compile("在[^，,。？?！!]{1,8}[吗嘛么]")


def puts_the_head_office(surface: tuple[str, ...], typed: str, words: tuple[str, ...]) -> bool:
    """ "is alphaess hq in shanghai?", "AlphaESS总部在上海吗": a yes-or-no question putting the
    head office in a place offers the place for checking, as "..., right?" does: the entry
    saying where the head office is corrects it. "does alphaess have an office in shanghai?"
    puts no head office anywhere, and "is alphaess's european hq in germany?" a regional one."""
    if _HEAD_OFFICE not in words or "alphaess" not in words:
        return False
    if _REGIONAL_CHINESE.search(typed) or any(
        word.startswith(("hq", "head")) and not _REGIONAL.isdisjoint(surface[max(0, at - 3) : at])
        for at, word in enumerate(surface)
    ):
        return False
    if not _PLACING_YES_NO.isdisjoint(surface[:2]):  # "wait, isn't it in ..."
        placed = {stem(after) for before, after in itertools.pairwise(surface) if before in _IN}
        return not placed.isdisjoint(PLACE_STEMS)
    return _IN_A_PLACE_CHINESE.search(typed) is not None and any(
        place in typed for place in CHINESE_PLACES
    )


_HUBS = "talent_hub"  # the canonical token of the talent hub synonyms
_HUB_WORDS = frozenset(str.split("hub hubs centre centres center centers station stations"))
_HUBS_IN = _IN | {"within"}
_PLACING_VERBS = frozenset(
    str.split("set setup up located based housed situated sited placed put built established")
)
# Placed by a verb of placing (not a bare 在: 在招人, 在周末), in a place with no figure, the
# asker or an ability in it (…的话，我能去实习吗 asks something else), before 吗 or 还是; a
# railway or transport hub (枢纽) is no talent hub.
_HUBS_PLACED_CHINESE = re.compile(
    "(?<!交通)(?<!高铁)(?<!铁路)(?<!物流)(?<!航空)(?:枢纽|hub|站点|平台|驿站)[^我能可\\d]{0,3}?"
    "(?:设在|放在|建在|设于|位于)(?P<place>[^我能可吗嘛么还\\d年月]{1,10}?)"
    "(?:[吗嘛么](?:还是(?P<later>[^我能可吗嘛么\\d年月]{1,10}?)(?:[吗嘛么呢]|$))?"
    "|还是(?P<other>[^我能可吗嘛么\\d年月]{1,10}?)(?:[吗嘛么呢]|$))"
)
_HUBS_PLACE_ENDS = frozenset(
    str.split("or right correct isnt arent am yeah yes yep ya yah no true innit eh rite ryt")
)


def _no_place(offered: list[str]) -> bool:
    last = offered[-1]
    return any(w[0].isdigit() or w in MONTHS for w in offered) or (
        last.endswith("ing") and last != "building"
    )


def hubs_placed(surface: tuple[str, ...], typed: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """ "are the talent hubs set up at universities?", "人才枢纽是设在政府部门还是企业里": a
    yes-or-no question putting the hubs somewhere offers the place for checking, which the
    entry saying where they are (within leading enterprises) corrects. The words placing them
    and the place offered, or the Chinese places offered, or none. The place ends the question
    or comes before its tag ("are the hubs in tongzhou staffed by volunteers?" asks who staffs
    them, "were the hubs built in 2023?" when); "are there hubs in universities" asks whether
    any exist there, and "which companies host the hubs" asks for names."""
    if _HUBS not in words:
        return ()
    for at, word in enumerate(surface):
        if word not in _HUB_WORDS:
            continue
        before = surface[max(0, at - 4) : at]
        # "are the hubs in ...?", or "the hubs are in ..., right?" (with its tag)
        told = surface[at + 1 : at + 2] != () and surface[at + 1] in _PLACING_YES_NO
        if not (_PLACING_YES_NO.intersection(before) or told) or "there" in before:
            continue
        placing = surface[at + 1 + told : at + 4 + told]
        after = [w for w in placing if w in _PLACING_VERBS or w in _HUBS_IN]
        if not after or after[-1] not in _HUBS_IN:
            continue
        start = at + 1 + surface[at + 1 :].index(after[-1]) + 1
        offered = [w for w in surface[start : start + 4] if w not in _SKIPPED_AFTER_OR]
        ending = next((n for n, w in enumerate(offered) if w in _HUBS_PLACE_ENDS), None)
        if ending is None and (start + 4 < len(surface) or told):
            continue
        offered = offered[:ending]
        # no figure, month or doing is a place ("in tongzhou hiring?" asks whether they hire)
        if not offered or len(offered) > 2 or _no_place(offered):
            continue
        # "housed" is no housing: the placing words go with the place
        return (*after[:-1], *offered)
    found = _HUBS_PLACED_CHINESE.search(typed)
    if found is None:
        return ()
    return tuple(place for place in found.group("place", "other", "later") if place)


class Guesses(NamedTuple):
    """What a question offers as the asker's guesses, as the matcher weighs its units."""

    dates: frozenset[str]  # years and months checked that the sources do not use
    words: frozenset[str]  # those dates and the rough figures ("like 50 countries?")
    options: frozenset[str]  # the units of the options offered to choose between
    claimers: frozenset[str]  # who claims what the asker checks ("my friend says ...")
    focus: tuple[str, ...]  # what the asker guesses something is all about (``focus_guessed``)
    member: tuple[str, ...]  # what the asker guesses a group holds (``member_guessed``)
    group: tuple[str, ...]  # ... and that group's head noun (none for "one of them")


def read_guesses(
    analysed: Analysed,
    units: QueryUnits,
    index: KbIndex,
    words_of: Callable[[str], tuple[str, ...]],
    *,
    guess_offered: bool,
) -> Guesses:
    """Read the facts, figures, places and options a question offers into ``units`` (what it
    offers for checking, and the alternatives either side of an "or"), and return the guesses
    the matcher weighs its unknown words by."""
    surface = analysed.surface
    typed = "".join(surface)
    # A year or a month the sources do not use, in "was alphaess introduced in 2015?", is a
    # guess at a date: the entry stating the date corrects it, no other. Only the date is a
    # guess ("was alphaess fined in 2019?" still asks about a fine), and a year after the
    # newest the sources use is none: they cannot know it. A rough figure ("in like 50
    # countries?") is a guess too, but asks for no date.
    dates = frozenset(
        year
        for year in years_checked(surface)
        if year not in index.vocabulary and year < index.newest_year
    ) | {month for month in months_checked(surface) if month not in index.vocabulary}
    units.guessed = _what_figures_count(rough_figures(surface), index, words_of)
    units.offered = _what_figures_count(figures_offered(surface), index, words_of)
    hub_places = hubs_placed(surface, typed, analysed.words)
    units.places_offered = tuple(place for place in hub_places if not place.isascii())
    units.confirming = (
        guess_offered
        or offers_a_fact(surface, typed)
        or puts_the_head_office(surface, typed, analysed.words)
        or bool(hub_places)
    )
    # ... and so is a day ("was the event on march 28?", 活动是3月28号吗).
    if units.confirming or _checks_a_date(surface) or typed.endswith(("吗", "嗎")):
        dates |= {day for day in numbers_in_dates(surface) if day not in index.vocabulary}
    # ... and so is a year in any fact offered for checking ("alphaess came 2015 ya?",
    # "有人说是2020年"), not only after "was"; but not a span of the asker's own ("I have lived
    # here since 2010", "studied there from 2015 to 2019")
    if units.confirming:
        dates |= {
            year
            for at, year in enumerate(surface)
            if is_year(year)
            and year not in index.vocabulary
            and year < index.newest_year
            and surface[at - 1 : at] not in _SPANNING
        }
    offered = offered_options(surface)
    if hub_places and not units.places_offered:
        offered += hub_places
    options = frozenset(words_of(" ".join(offered))) if offered else frozenset()
    # "in universities or companies": with one option the knowledge base knows, the other
    # is the asker's guess too.
    for after, before in options_either_side_of_or(surface):
        if not index.vocabulary.isdisjoint(words_of(after)):
            options |= frozenset(words_of(" ".join(before)))
    for first, second in words_either_side_of_or(surface):
        firsts = frozenset(index.whole(w) for w in words_of(first))
        seconds = frozenset(index.whole(w) for w in words_of(second))
        for unit in firsts:
            units.alternatives[unit] = units.alternatives.get(unit, frozenset()) | seconds
        for unit in seconds:
            units.alternatives[unit] = units.alternatives.get(unit, frozenset()) | firsts
    claimed_by = frozenset(word for who in claimers(surface) for word in words_of(who))
    # "is the talent push just about growing the population?": a focus the asker guesses, which
    # the entry saying what it is about corrects, whatever the words (not "only for chinese
    # citizens", "only open to foreigners": who may apply, which it does not say)
    guessed = focus_guessed(surface) if units.confirming or surface[:1] in _YES_NO else ()
    unseen: frozenset[str] = frozenset()
    if guessed and _WHO_MAY.isdisjoint(guessed):
        unseen = frozenset(words_of(" ".join(guessed))) - index.vocabulary
    return Guesses(
        dates,
        dates | frozenset(units.guessed) | unseen,
        options | unseen,
        claimed_by,
        guessed,
        *member_guessed(surface),
    )


def _what_figures_count(
    figures: Iterable[tuple[str, str]], index: KbIndex, words_of: Callable[[str], tuple[str, ...]]
) -> dict[str, str]:
    """Each figure with the knowledge base's unit for what it counts ("" for none): of the words
    after it, the first some entry's numbers count ("1,000 talent startups": talent, as "372
    talent projects" does), else the last ("40 british experts": experts)."""
    counted: dict[str, str] = {}
    for figure, counts in figures:
        units = [index.whole(word) for word in words_of(counts)] if counts else []
        counted[figure] = next(
            (unit for unit in units if unit in index.counted_anywhere), units[-1] if units else ""
        )
    return counted


_SPANNING = frozenset((word,) for word in str.split("since from to until till between"))
# "is policy 3.0 mostly about cash subsidies?": a yes-or-no question guesses the focus too
_YES_NO = frozenset((word,) for word in str.split("is are was were does do did"))
_WHO_MAY = frozenset(str.split("for to open available eligible"))
