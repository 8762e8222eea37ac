"""How many a question asks about, and of what: "how many talent hubs are there" counts talent
hubs, "I heard 100 british scholars came" offers a count of scholars, "几条产业链" counts
chains, and "in total, incl locals" takes in more than what is counted.

The matcher checks what is counted against what each entry's numbers count
(bot/matching/index.py, bot/matching/damping.py).
"""

from __future__ import annotations

import itertools
import re

from bot.matching.analysis import is_stopword
from bot.matching.words import is_a_figure, is_year

# "how many days", "how many years": a length of time, which is asked as when
PERIODS_PLURAL = frozenset(str.split("days years months weeks hours"))
# "the count", "what's the count", "exact count": a number asked for; not "does it count as".
_COUNT_LEADS = frozenset((lead,) for lead in ("a", "the", "exact", "total", "whats", "rough"))
_COUNT_PAIRS = (("how", "many"), ("number", "of"), ("numbers", "of"), ("count", "of"))


_COUNT_VERBS = frozenset(
    str.split(
        "came come went attended joined got showed turned became made grew took ended reached"
        " achieved managed succeeded flew flown arrived visited travelled traveled met gathered"
    )
)
# Words after "how many" that hedge the count rather than name what is counted.
_COUNT_HEDGES = frozenset(
    str.split("roughly approximately approx about around exactly precisely altogether overall")
)


def what_is_counted(surface: tuple[str, ...]) -> tuple[str, ...]:
    """The words after "how many" or "number of" up to a stopword or a verb ("how many talent
    hubs are there": talent, hubs)."""
    for position, pair in enumerate(itertools.pairwise(surface)):
        if pair in _COUNT_PAIRS:
            following = surface[position + 2 : position + 7]
            # "how many of them grew", "how many came": the thing counted is elsewhere.
            return tuple(
                itertools.takewhile(
                    lambda word: (
                        not is_stopword(word)
                        and word not in _COUNT_VERBS
                        and word not in _COUNT_HEDGES
                    ),
                    following,
                )
            )
    return ()


_INCLUDING = frozenset(str.split("including incl plus"))


# "包括本地专家在内一共多少人": what the count takes in, up to 在内 or a break
_INCLUDED_CHINESE = re.compile(
    "(?:包括|包含|(?<![打计总就])算上|加上)([^，,。？?！!]{1,8}?)(?:在内|的话|[，,]|$)"
)


def what_a_count_includes(surface: tuple[str, ...], typed: str = "") -> tuple[str, ...]:
    """ "how many people attended in total, incl locals": what the count takes in beside what it
    counts, up to a stopword (at most three words); in Chinese, what 包括…在内 holds."""
    if found := _INCLUDED_CHINESE.search(typed):
        return (found.group(1),)
    for position, word in enumerate(surface):
        if word in _INCLUDING:
            return tuple(
                itertools.takewhile(
                    lambda after: not is_stopword(after), surface[position + 1 : position + 4]
                )
            )
    return ()


def what_a_figure_counts(surface: tuple[str, ...], dates: frozenset[str]) -> tuple[str, ...]:
    """ "I heard 100 british scholars came, is that right?": the words after the first figure
    offered that is no year and none of ``dates`` (the days and months the question names), up
    to a stopword or a verb, what it counts; checking it asks how many."""
    for position, word in enumerate(surface):
        # "26-27 march": a span of days, the first of them no count either
        if surface[position + 1 : position + 2] and surface[position + 1].isdigit():
            continue
        if is_a_figure(word) and not is_year(word) and word not in dates:
            return counted_after_a_figure(surface[position + 1 :])
    return ()


def counted_after_a_figure(following: tuple[str, ...]) -> tuple[str, ...]:
    """What a figure counts, from the words after it ("40 british experts at the event":
    british, experts): up to a stopword or a verb, at most four words."""
    return tuple(
        itertools.takewhile(
            lambda after: (
                not is_stopword(after)
                and after not in _COUNT_VERBS
                and not after.endswith("ed")  # "372 projects supported"
            ),
            following[:4],
        )
    )


_MEASURES = frozenset("个家位名条所座项")
_PLACES = frozenset(("tongzhou", "nantong"))
_AMOUNTS = frozenset(("fund",))
_TRAILING = frozenset("了呢啊吗呀啦哦嘛吧")


def counted_in_chinese(tokens: tuple[str, ...]) -> frozenset[str]:
    """What a Chinese question counts, where the analysed tokens name it: the words after
    几/多少 and a measure word (几条产业链, 几个英国的专家学者), or, when the question ends with
    them, the words before (人才驿站一共建了几个). Nothing for 哪几位 (which ones), 几十 (dozens,
    a guess), 多少 ending a question without a measure word (票价多少: an amount) or a thing the
    tokens do not name (几多个国家)."""
    for at, word in enumerate(tokens):
        if word == "几" and tokens[at + 1 : at + 2] == ("多",):
            after = at + 2  # Cantonese 几多, "how many"
        elif word == "几" and tokens[at - 1 : at] != ("哪",) and tokens[at + 1 : at + 2] != ("十",):
            after = at + 1
        elif word == "多" and tokens[at + 1 : at + 2] == ("少",) and tokens[at - 1 : at] != ("几",):
            after = at + 2
        else:
            continue
        measured = bool(tokens[after : after + 1]) and tokens[after] in _MEASURES
        after += measured
        rest = [t for t in tokens[after:] if t not in _TRAILING]
        if not rest and not measured:
            return frozenset()  # 票价多少, 网址是多少: a value or an amount, not a count
        if not rest:
            named = frozenset(filter(_names_a_thing, tokens[:at]))
        elif _names_a_thing(rest[0]):
            named = frozenset(t for t in rest[:4] if _names_a_thing(t))
        else:
            return frozenset()
        # 扶持资金总额是多少: an amount of money, not a count
        return frozenset() if _AMOUNTS & named else named - _PLACES
    return frozenset()


def _names_a_thing(token: str) -> bool:
    return token.isascii() and not token.isdigit() and token[:1].isalpha()


def asks_how_many(surface: tuple[str, ...]) -> bool:
    """ "how many ...", "number of ...", "headcount", "tally": not "how many days" (a time)"""
    return (
        "headcount" in surface
        or "tally" in surface
        or any(
            word == "count" and surface[position - 1 : position] in _COUNT_LEADS
            for position, word in enumerate(surface)
        )
        or any(
            pair in _COUNT_PAIRS and following not in PERIODS_PLURAL
            for pair, following in zip(
                itertools.pairwise(surface), (*surface[2:], ""), strict=False
            )
        )
    )
