"""What a question asks for, read from its words as typed: when, which ones by name, one item's
share, what is still to come, who organised it, or how to do something (how many, and of what,
is read in bot/matching/counting.py).

The matcher checks each against what an entry's answer states (bot/matching/index.py): only an
entry stating a date can say when, and no entry can say what is still to come. Facts
offered for checking and options to choose between are read in bot/matching/guesses.py, the
clauses that only tell about the asker in bot/matching/clauses.py, the asker's own case and the
guests' lives in bot/matching/people.py.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bot.matching.analysis import is_stopword
from bot.matching.counting import PERIODS_PLURAL
from bot.matching.words import (
    HOSTING_TOKENS,
    LIST_REQUEST_LEADS,
    LIST_REQUEST_PLURALS,
    LIST_REQUEST_WORDS,
    MONTHS,
    NUMBER_WORDS,
    PER_ITEM_WORDS,
    WHEN_WORDS,
    WHO_WORDS,
    YES_NO_LEADS,
    Phrases,
    is_a_figure,
    is_year,
    stem,
)

_WHO_LINKING = frozenset(("was", "is", "were", "has", "had", "it", "this", "that", "the"))
_WHEN_AUXILIARIES = frozenset(
    str.split("was were is are did does do will would has have had exactly precisely roughly")
)


_LISTING = (("on",), ("in",), ("at",), ("publicly",))
_LINKING = frozenset(("are", "were", "is", "the", "these", "those"))
_PLURAL_LINKING = frozenset(("are", "were"))
_ONE_OF = (("the",), ("a",), ("its",), ("their",))
_SINGULAR = frozenset(("name", "list"))
_PLACE_KINDS = frozenset(("province", "city", "district", "country"))


def _names_tongzhous_place(surface: tuple[str, ...], position: int) -> bool:
    """ "province name", "name of the city", in a question about Tongzhou; not "name the city
    districts near tongzhou", which asks for names."""
    before = surface[position - 1] if position else ""
    after = surface[position + 1 : position + 4]
    return "tongzhou" in surface and (
        before in _PLACE_KINDS or (after[:1] == ("of",) and not _PLACE_KINDS.isdisjoint(after))
    )


_PLACED_IN = frozenset((place,) for place in ("in", "inside", "within", "into"))
_KINDS = frozenset((kind,) for kind in ("kind", "kinds", "kinda", "sort", "sorts", "type", "types"))
_NAMERS = frozenset((namer,) for namer in ("tongzhou", "they", "nantong", "district"))
_HAVING = frozenset((having,) for having in ("has", "have", "had"))
_SPECIFIC = frozenset((word,) for word in ("specific", "particular", "exact", "actual"))
_PERIODS = frozenset((period,) for period in ("year", "month", "week", "day", "time"))


_COMPANIES = frozenset(str.split("companies company enterprises enterprise firms firm businesses"))
_RANKING = frozenset(
    str.split("biggest largest smallest best worst strongest richest oldest newest first top most")
)


_SETTING_ASIDE_WORDS = frozenset(("besides", "apart", "aside", "except"))


def _plural_follows(words: tuple[str, ...]) -> bool:
    """ "others", or "other" before a plural ("other storage startups", not "other thing")."""
    return words[:1] == ("others",) or any(
        word.endswith("s") and not word.endswith("ss") and not is_stopword(word)
        for word in words[1:4]
    )


_ASKING_FOR_OTHERS = frozenset(
    (lead, other) for lead in ("which", "what", "name") for other in ("other", "others")
)


def asks_for_a_list(surface: tuple[str, ...]) -> bool:
    """ "list the ...", "names of ...", "which five ...", "what 10 ...", "which ones" """
    for position, word in enumerate(surface):
        # "list on the stock market" is going public, not a request for names; "the name of the
        # policy" and "on the list of" ask for one name or one membership.
        if (
            word in LIST_REQUEST_WORDS
            and surface[position + 1 : position + 2] not in _LISTING
            and not (word in _SINGULAR and surface[position - 1 : position] in _ONE_OF)
            # "tongzhou province name pls", "name of the province tongzhou is in": the name of
            # the one place the location entry gives
            and not (word == "name" and _names_tongzhous_place(surface, position))
            # "how many chains are on tongzhou's key list": membership of a list, not a request
            and not (word == "list" and "on" in surface[max(0, position - 4) : position])
            # "how many chains has tongzhou named", "tongzhou named ten chains", "how many chains
            # did tongzhou list": what the district did, not a request for names ("what are the
            # chains tongzhou named" still asks)
            and not (
                word in _SINGULAR
                and (
                    surface[position - 1 : position] in _NAMERS
                    # "the chains tongzhou has named"
                    or (
                        surface[position - 1 : position] in _HAVING
                        and surface[position - 2 : position - 1] in _NAMERS
                    )
                )
                and (_counts(surface) or _names_a_figure(surface, position))
                # "how many companies did tongzhou list": which companies, whatever the count
                and (word == "name" or _COMPANIES.isdisjoint(surface))
            )
        ):
            return True
    # "what are its subsidiaries called": their names ("what is the policy called": its one)
    if surface[-1:] == ("called",) and "what" in surface and "are" in surface:
        return True
    # "besides AlphaESS, which other storage firms ...", "what other events besides the doctoral
    # one": the others, beside the one the sources name ("besides housing, what else" asks
    # what else there is, which an entry may say)
    if not _SETTING_ASIDE_WORDS.isdisjoint(surface) and any(
        pair in _ASKING_FOR_OTHERS and _plural_follows(surface[at + 1 :])
        for at, pair in enumerate(itertools.pairwise(surface))
    ):
        return True
    # "..., which ones", "which ones are they" ("ones" reads "one"); but after "X or Y" it is
    # one of the two ("tongzhou jiangsu or tongzhou beijing, which one are we talking about")
    if "or" not in surface and (
        surface[-2:] == ("which", "one")
        or any(
            (first, second) == ("which", "one") and third in _PLURAL_LINKING
            for first, second, third in zip(surface, surface[1:], surface[2:], strict=False)
        )
    ):
        return True
    # "which of the 42 enterprises is the biggest": the one member the sources never rank; and
    # "which of the 72 start-ups are in new energy": members the sources never name (not "which
    # of the two tongzhous")
    for at, pair in enumerate(itertools.pairwise(surface)):
        if (
            pair == ("which", "of")
            and (
                not _RANKING.isdisjoint(surface)
                # "which of the 72", "which of the district's 72 start-ups" (not "which of the
                # two", nor a year: "which of the 2024 events")
                or any(
                    _is_a_number(number) and number not in _PAIR and not is_year(number)
                    for number in surface[at + 2 : at + 5]
                )
            )
        ):
            return True
    for position, word in enumerate(surface):
        if word not in LIST_REQUEST_LEADS:
            continue
        # "which five ...", and "which are the 10 ...".
        following = [w for w in surface[position + 1 : position + 4] if w not in _LINKING]
        if following and (following[0].isdigit() or following[0] in NUMBER_WORDS):
            return True
        # "which companies", and "which leading enterprises": one describing word between. But
        # "(set up) in which companies" asks where, and "which kinds of companies" what kind;
        # "in which specific companies" asks for names again.
        # ... and "which other uk scholars": one more word after "other"
        reach = position + 3 + (surface[position + 1 : position + 2] == ("other",))
        if (
            any(map(_names_plural, surface[position + 1 : reach]))
            and (
                surface[position - 1 : position] not in _PLACED_IN
                or surface[position + 1 : position + 2] in _SPECIFIC
            )
            and surface[position + 1 : position + 2] not in _KINDS
        ):
            return True
    return False


def listed_kind(tokens: Sequence[str], kinds: frozenset[str]) -> str | None:
    """What a list is asked of, when a group word follows a word asking for one: "event" in
    "list the events", "besides the doctoral event, what other events" and 哪些活动 (tokens
    as analysed, synonyms as their canonical token). Of several group words in a row, the last
    names the members ("name the event guests": guests); "list" after one, as a noun, names
    them too ("guest list", but not "... at the event, list them")."""
    for at, lead in enumerate(tokens):
        if lead not in _LIST_LEAD_TOKENS:
            continue
        following = tuple(tokens[at + 1 : at + 5])
        if lead == "list" and at and tokens[at - 1] in kinds and following[:1] not in _LISTED:
            return tokens[at - 1]
        for offset, near in enumerate(following):
            if near in kinds:
                head = near
                for word in tokens[at + offset + 2 :]:
                    if word not in kinds:
                        break
                    head = word
                return head
    return None


# "list them", "list all the ...": "list" as a verb, before what is listed
_LISTED = frozenset((("them",), ("all",), ("the",), ("those",), ("these",), ("it",), ("out",)))
_LIST_LEAD_TOKENS = frozenset(("which", "what", "list", "name", "enumer", "哪", "列"))
_PAIR = frozenset(("2", "two"))


def _counts(surface: tuple[str, ...]) -> bool:
    return ("how", "many") in itertools.pairwise(surface) or not _COUNT_NOUNS.isdisjoint(surface)


_COUNT_NOUNS = frozenset(("number", "count", "tally", "headcount"))


def _names_a_figure(surface: tuple[str, ...], position: int) -> bool:
    """A figure or a rough count right after the naming word, or after an article ("named a
    dozen chains"); or anywhere in a yes-or-no question ("was it 12 chains that tongzhou
    named?", not "tell me the 10 chains tongzhou named")."""
    following = [
        word for word in surface[position + 1 : position + 3] if word not in _BEFORE_A_FIGURE
    ]
    if following and (is_a_figure(following[0]) or following[0] in _ROUGH_COUNTS):
        return True
    return surface[0] in YES_NO_LEADS and any(map(is_a_figure, surface))


_BEFORE_A_FIGURE = frozenset(("a", "an", "the", "about", "around", "some"))
_ROUGH_COUNTS = frozenset(("dozen", "few", "couple", "handful"))


def _is_a_number(word: str) -> bool:
    return word.isdigit() or word in NUMBER_WORDS


# Compared by stem, so that a misspelt plural counts too ("which industrys").
_PLURAL_STEMS = frozenset(map(stem, LIST_REQUEST_PLURALS))


def _names_plural(word: str) -> bool:
    # "which start-ups": the hyphen leaves "ups"
    return word == "ups" or (word.endswith("s") and stem(word) in _PLURAL_STEMS)


def _one_of_unless_before(
    surface: tuple[str, ...], words: frozenset[str], not_before: frozenset[tuple[str, ...]]
) -> bool:
    """A word of ``words`` whose next word (as a 1-tuple) is not in ``not_before``."""
    return any(
        word in words and surface[position + 1 : position + 2] not in not_before
        for position, word in enumerate(surface)
    )


# "a single project", "at most", "how much does one phd get", "funding for one project", and
# "the biggest single grant": one share, which the sources never give (only the total)
_ONE_SHARE = frozenset(
    (
        ("a", "single"),
        ("at", "most"),
        ("does", "one"),
        ("for", "one"),
        *(("one", who) for who in str.split("person individual phd researcher scholar")),
        *(
            (most, share)
            for most in str.split("biggest largest highest top")
            for share in str.split("single grant grants award awards subsidy amount sum")
        ),
    )
)


# "subsidies for postdocs", "does tongzhou give grants to phds": money for people, which is a
# share of their own; the sources give the funding of projects, not of people.
_MONEY = frozenset(
    str.split(
        "subsidy subsidies subsidised subsidized grant grants allowance allowances stipend"
        " stipends bonus bonuses funding money cash"
    )
)
_RECIPIENTS = frozenset(
    str.split(
        "phd phds postdoc postdocs doctors doctorate graduates grads students masters returnee"
        " returnees researchers scientists foreigners individuals people ppl newcomers hires"
    )
)


def _money_for_people(surface: tuple[str, ...]) -> bool:
    money = [at for at, word in enumerate(surface) if word in _MONEY]
    return any(
        following in ("for", "to") and not _RECIPIENTS.isdisjoint(surface[at + 2 : at + 5])
        for at in money
        for following in surface[at + 1 : at + 2]
    )


# "how is the 400 million split between the projects", "the breakdown of the funding": how a
# total is shared out, which is every project's share
_DIVIDING = frozenset(
    str.split(
        "split splits divided divide allocated allocate allocation allocations breakdown"
        " distributed distribute distribution apportioned"
    )
)
_TOTALS = frozenset((*_MONEY, "yuan", "million", "budget", "fund", "funds", "rmb"))
# "how much funding was allocated (in total)" asks the total
_AMOUNT_ASKED = frozenset((("how", "much"), ("how", "many")))
# "how much of it went to the founders": a part of the total ("how much of a priority" is not)
_PART_OF = frozenset(str.split("it the that this those these"))


def _divides_a_total(surface: tuple[str, ...]) -> bool:
    pairs = set(itertools.pairwise(surface))
    return (
        not _DIVIDING.isdisjoint(surface)
        and not _TOTALS.isdisjoint(surface)
        and _AMOUNT_ASKED.isdisjoint(pairs)
        and "total" not in surface
    )


def _part_of_the_total(surface: tuple[str, ...]) -> bool:
    return any(
        (much, of) == ("much", "of") and what in _PART_OF
        for much, of, what in zip(surface, surface[1:], surface[2:], strict=False)
    )


# "the single biggest talent project" (not "the single biggest priority")
_SINGLE_BIGGEST = frozenset(
    ("single", most, share)
    for most in str.split("biggest largest highest best")
    for share in str.split(
        "project projects grant grants award awards startup startups sum amount subsidy"
        " talent funding"
    )
)


def asks_for_one_share(surface: tuple[str, ...]) -> bool:
    """ "each project", "the maximum", "a single project", "at most", "does one phd get",
    "subsidies for postdocs", "how is the funding split", "how much of it": not "every year" """
    return (
        _one_of_unless_before(surface, PER_ITEM_WORDS, _PERIODS)
        or any(pair in _ONE_SHARE for pair in itertools.pairwise(surface))
        or any(
            trio in _SINGLE_BIGGEST for trio in zip(surface, surface[1:], surface[2:], strict=False)
        )
        or _money_for_people(surface)
        or _divides_a_total(surface)
        or _part_of_the_total(surface)
    )


def asks_about_the_future(surface: tuple[str, ...]) -> bool:
    """ "will there be ...", "is there going to be ...", "when is it happening again", "later
    this year", "will they ipo this year", "which will ipo first": not "what events will be
    held", "was it held again" """
    return (
        asks_for_a_gathering_to_come(surface)
        or (
            ("later", "this", "year") in zip(surface, surface[1:], surface[2:], strict=False)
            and not _EVENTS.isdisjoint(surface)
        )
        or ("again" in surface and _PAST.isdisjoint(surface) and not _RECURRING.isdisjoint(surface))
        # "will the five companies ipo this year", "which will ipo first" (not "will you tell
        # me when alphaess first came")
        or (_will_happen(surface) and not _WHEN_TO_COME.isdisjoint(itertools.pairwise(surface)))
        or (_will_happen(surface) and not _SOON.isdisjoint(surface))
        or _asks_what_followed(surface)
        or _asks_if_still_so(surface)
    )


# "when is the next event for overseas doctoral talent", "any upcoming talent fairs", "when
# will the next event be held": a gathering still to come (not "the next day of the event", a
# day of one that was held, nor "next to the event venue", nor "what was the next event",
# asked of the past just before it).
_COMING = frozenset(("next", "upcoming", "forthcoming"))
_NOT_A_GATHERING_YET = frozenset(("of", "to", "day", "days", "day's", "time", "step", "steps"))


def asks_for_a_gathering_to_come(surface: tuple[str, ...]) -> bool:
    """ "any upcoming talent fairs", "when is the next doctoral event", "will there be another
    one", "is there going to be a fair": the plainest asks for what is still to come, which no
    wording like that of the events held can make answerable (not "follow up", "again" or
    "since then", which ``asks_about_the_future`` also reads)."""
    return (
        ("will", "there") in itertools.pairwise(surface)
        or ("there", "going", "to") in zip(surface, surface[1:], surface[2:], strict=False)
        or _names_a_coming_gathering(surface)
    )


def _names_a_coming_gathering(surface: tuple[str, ...]) -> bool:
    if _COMING.isdisjoint(surface):
        return False
    for at, word in enumerate(surface):
        if word not in _COMING or not _PAST.isdisjoint(surface[max(0, at - 3) : at]):
            continue
        for following in surface[at + 1 : at + 4]:
            if following in _NOT_A_GATHERING_YET:
                break
            if following in _GATHERINGS or following.removesuffix("s") in _GATHERINGS:
                return True
    return False


# "is 3.0 still active", "still in effect this yr or replaced by 4.0?": whether something
# holds now, which sources written in 2024 cannot say
_STILL_SO = frozenset(str.split("active valid running effective effect force ongoing available"))
_OVERTAKEN = frozenset(str.split("replaced superseded expired outdated scrapped"))
_BEING = frozenset(str.split("is was been be being got it"))


def _asks_if_still_so(surface: tuple[str, ...]) -> bool:
    # "still active", "still in effect": within two words of "still"
    # (most questions hold no "still": they skip the scan)
    after_still = (
        [word for at, word in enumerate(surface) if "still" in surface[max(0, at - 2) : at]]
        if "still" in surface
        else []
    )
    # "was it replaced", "has 3.0 been superseded" (not "my info is outdated", "I replaced my
    # phone")
    overtaken = any(
        word in _OVERTAKEN
        and not _BEING.isdisjoint(surface[max(0, at - 3) : at])
        and "my" not in surface[max(0, at - 3) : at]
        for at, word in enumerate(surface)
    )
    return not _STILL_SO.isdisjoint(after_still) or overtaken


# "what happened after the doctoral event", "since then", "what came out of the gathering":
# what followed, which the sources (written just after it) cannot know
_FOLLOWED = frozenset(
    (
        ("happened", "after"),
        ("happened", "since"),
        ("since", "then"),
        ("after", "that"),
        ("follow", "up"),
        ("what", "followed"),
    )
)
_AFTERWARDS = frozenset(str.split("afterwards afterward aftermath followup"))
_RESULTING = frozenset(
    (
        ("came", "of"),
        ("come", "of"),
        ("result", "of"),
        ("results", "of"),
        ("outcome", "of"),
        ("outcomes", "of"),
    )
)
_GATHERINGS = frozenset(
    str.split("event events gathering meeting meetup fair forum conference visit exchange together")
)


def _asks_what_followed(surface: tuple[str, ...]) -> bool:
    pairs = set(itertools.pairwise(surface))
    # "what came out of": "out" dropped, so that "came of" pairs
    joined = set(itertools.pairwise(w for w in surface if w != "out"))
    return (
        not _FOLLOWED.isdisjoint(pairs)
        or not _AFTERWARDS.isdisjoint(surface)
        or (not _RESULTING.isdisjoint(joined) and not _GATHERINGS.isdisjoint(surface))
    )


def _will_happen(surface: tuple[str, ...]) -> bool:
    return any(
        word == "will" and following not in ("you", "u")
        for word, following in zip(surface, (*surface[1:], ""), strict=False)
    )


_WHEN_TO_COME = frozenset(
    (
        ("this", "year"),
        ("next", "year"),
        ("this", "month"),
        *(("this", season) for season in ("spring", "summer", "autumn", "fall", "winter")),
    )
)
# "will the gathering be repeated this autumn", "will they do it again"
_SOON = frozenset(("soon", "first", "eventually", "someday", "repeated", "again"))


_PAST = frozenset(str.split("was were did held had happened took hosted ran"))
# "is there a talent event later this year" (not "I'm moving there later this year")
_EVENTS = frozenset(str.split("event events fair fairs forum forums conference conferences"))
# ... "again" only of something happening ("say that again" asks to repeat)
_RECURRING = frozenset(
    str.split(
        "happen happens happening hold holds holding host hosting run running organise organize"
        " organising organizing"
    )
)


_OPINION_PHRASES = Phrases(
    (
        ("do", "you", "think"),
        ("you", "reckon"),
        ("in", "your", "opinion"),
        ("in", "ur", "opinion"),
        ("u", "think"),
        ("your", "view"),
        ("your", "take"),
        ("ur", "take"),
        ("any", "good"),
        ("worth", "it"),
        ("good", "or", "bad"),
    )
)


# "is the policy a scam": a judgement the article does not make.
_JUDGEMENTS = frozenset(str.split("scam scams scammy fraud fraudulent hoax ripoff"))


def asks_for_an_opinion(surface: tuple[str, ...]) -> bool:
    """ "do you think the policy works", "what do you reckon", "is it a scam": the article
    reports, it does not judge, so an opinion is a subject of its own."""
    return not _JUDGEMENTS.isdisjoint(surface) or _OPINION_PHRASES.occur_in(surface)


_HOW_TO_ASKERS = frozenset(("i", "we", "one", "someone", "somebody", "foreigners"))
_HOW_TO_MODALS = frozenset(("do", "does", "can", "could", "would", "should", "shall", "might"))


_HOW_MEASURE = frozenset((word,) for word in str.split("many much long big large old far"))
_CHOOSING = frozenset(
    str.split(
        "pick picks picked choose chooses chose chosen select selects selected decide decides "
        "decided evaluate evaluated assess assessed screen screened vet vetted judge judged"
    )
)
# "how can I find out more about AlphaESS" asks for what the bot knows.
_FINDING_OUT = frozenset(str.split("find learn know read see understand tell ask"))


def asks_how_to(surface: tuple[str, ...]) -> bool:
    """ "how to become a fellow", "how do I join", "how can we register": a procedure for the
    asker to follow, which the article never gives (it reports what happened)."""
    for position, word in enumerate(surface):
        if word != "how":
            continue
        # "how did they pick the 372 projects", "how were the chains chosen": a selection
        # method, which the article never describes either.
        # ... but not "how are the chosen startups doing": the choosing word must end the
        # question or come before what was chosen ("pick the", "selected by").
        if surface[position + 1 : position + 2] not in _HOW_MEASURE and any(
            word in _CHOOSING and (at + 1 == len(surface) or is_stopword(surface[at + 1]))
            for at, word in enumerate(surface[position + 1 : position + 6], start=position + 1)
        ):
            return True
        after = surface[position + 1 : position + 4]
        if after[:1] == ("to",):
            verb = after[1:2]
        elif len(after) >= 2 and after[0] in _HOW_TO_MODALS and after[1] in _HOW_TO_ASKERS:
            verb = after[2:3]
        else:
            continue
        if not verb or verb[0] not in _FINDING_OUT:
            return True
    return False


# "which org hosted ...": an organisation asked for by its kind.
_ORGANISATIONS = frozenset(
    (stem(kind),)
    for kind in str.split(
        "org orgs organisation organization organisations organizations agency department "
        "body bureau institution institute unit group association society"
    )
)


_WHICH = frozenset(("which", "what"))
_HOSTED = frozenset(
    str.split("hosted organised organized held arranged ran sponsored convened invited")
)
_HOSTED_BY = frozenset((host, "by") for host in HOSTING_TOKENS)


def asks_who_organised(tokens: tuple[str, ...], surface: tuple[str, ...] = ()) -> bool:
    """ "who hosted the event", "which org hosted it", "who was it organised by": the verb right
    after "who" (or its auxiliary), not "who attended the event held in Tongzhou". ``tokens``
    are the question's canonical tokens, in which every form of host and hold reads "host" or
    "hold". An organisation asked for by its kind must have done it ("which org hosted the
    visit", from ``surface``, the words as typed): "what organisations host talent hubs" asks
    where the hubs are.
    """
    done = not _HOSTED.isdisjoint(surface)
    for position, word in enumerate(tokens):
        by_kind = done and word in _WHICH and tokens[position + 1 : position + 2] in _ORGANISATIONS
        # "hosted by which organisation"
        if by_kind and tokens[position - 2 : position] in _HOSTED_BY:
            return True
        if word not in WHO_WORDS and not by_kind:
            continue
        start = position + 1 if word in WHO_WORDS else position + 2
        following = [t for t in tokens[start : start + 3] if t not in _WHO_LINKING]
        if following and following[0] in HOSTING_TOKENS:
            return True
    return False


def asks_when(surface: tuple[str, ...]) -> bool:
    """ "when was ...", "event when", "how many days", "how long", "in march or april": not
    "what did they discuss when they met" """
    for first, second, third in zip(surface, surface[1:], (*surface[2:], ""), strict=False):
        if (
            (first, second) == ("how", "long")
            or ((first, second) == ("how", "many") and third in PERIODS_PLURAL)
            or (second == "or" and first in MONTHS and third in MONTHS)
        ):
            return True
    for position, word in enumerate(surface):
        if word not in WHEN_WORDS:
            continue
        following = surface[position + 1 : position + 2]
        if position == 0 or not following or following[0] in _WHEN_AUXILIARIES:
            return True
    return False


DATE_MARKS = frozenset("月日号號")


def numbers_in_dates(surface: tuple[str, ...]) -> frozenset[str]:
    """The numbers that are days or months of a date the question names ("the march 26
    event", "26-27 march", "3月26日"), not quantities. A year is left out: "in march 2024?"
    checks the year."""
    found: set[str] = set()
    for position, word in enumerate(surface):
        if not (word.isdigit() and len(word) <= 2):
            continue
        before = surface[position - 1] if position else ""
        after = surface[position + 1] if position + 1 < len(surface) else ""
        if before in MONTHS or before in found or after in MONTHS or after in DATE_MARKS:
            found.add(word)
    return frozenset(found)


_EVENT_NOUNS = frozenset(
    str.split("event events meetup meetups gathering gatherings thing forum conference visit trip")
)


def months_naming_an_event(surface: tuple[str, ...]) -> frozenset[str]:
    """Months that only say which event is meant, before its noun ("at the march event"),
    unless the question asks when."""
    return frozenset(
        month
        for month, noun in itertools.pairwise(surface)
        if month in MONTHS and noun in _EVENT_NOUNS
    )


_HOUSES = frozenset(("houses", "housed"))
_HOUSED = frozenset(("the", "its", "their", "alphaess", "alphaesss", "his", "her", "our"))


def asks_what_houses(surface: tuple[str, ...]) -> bool:
    """ "which zone houses alphaess's HQ": the place holding something, not housing."""
    return any(
        word in _HOUSES and following in _HOUSED for word, following in itertools.pairwise(surface)
    )
