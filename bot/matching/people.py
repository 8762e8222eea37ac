"""Who a question is about, beyond what it asks for: the asker's own case ("can I get", "my
kids"), the bot by name ("hiya talent bot"), and the guests' lives and talks, which the article
does not tell. The matcher counts the first and the last as what no entry answers.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from bot.matching.bot_name import words_naming_the_bot
from bot.matching.guesses import RECALLING
from bot.matching.words import COMPANY_WORDS, PERSONA_WORDS, PERSONAL_WORDS, stem

_PERSONAS = frozenset((word,) for word in PERSONA_WORDS)

_ASKER_GETS = frozenset(
    str.split(
        "get receive claim obtain qualify apply set join attend expect make need submit prepare"
        " bring"
    )
)
_ASKERS = frozenset(("i", "we"))  # "can we get", as "can I get"
_STANDING = frozenset(str.split("a an eligible qualified entitled too covered included counted"))
# "does the policy cover me", "does that include me", "does it apply to me": whom something is
# for (not "count me in", "can you include me the date", "include me on the numbers": requests)
_COVERING = frozenset(str.split("cover covers covering count counts include includes"))
_APPLYING = frozenset(str.split("apply applies"))
_NO_SUBJECT = frozenset(str.split("you u ya please pls plz and just"))
_AFTER_REQUESTS = frozenset(str.split("in on the a an"))
# "would i count as talent", "do i count for it": the asker's own standing (not "do i count it
# right", a sum checked)
_COUNTING_AS = frozenset(str.split("would do does could will"))
_COUNTED_AS = frozenset(("as", "for", "under", ""))
# "can we get a list of the guests": information, not something the asker receives
_INFORMATION = frozenset(
    str.split("list summary link source sources overview copy article info information url")
)
_GOING_TO = frozenset(("there", "to", "here", "into"))
_STUDIED = frozenset(str.split("did doing done finished finishing completed got earned"))
_STUDIES = frozenset(str.split("phd doctorate degree masters postdoc"))
_MODALS = frozenset(str.split("can could would will do should may might shall"))
# "if I may ask", "if I might": politeness, not the asker's own case
_POLITE = frozenset(("may", "might"))


# "I did my PhD in Leeds", "a big name in my field", "not my thing": who the asker is.
_BACKGROUND = frozenset(
    (
        *((verb, "my", studies) for verb in _STUDIED for studies in _STUDIES),
        ("in", "my", "field"),
        ("not", "my", "thing"),
    )
)


def _personal(surface: tuple[str, ...]) -> bool:
    return any(
        word in PERSONAL_WORDS
        and surface[position + 1 : position + 2] not in _PERSONAS
        and tuple(surface[position - 1 : position + 2]) not in _BACKGROUND
        for position, word in enumerate(surface)
    )


def about_the_asker(surface: tuple[str, ...]) -> bool:
    """ "my startup", "my kids", "can I get", "what do I need", "if I move", "am i eligible": not
    "my friend says", "can I ask", "can we get a list", "did I get that right", "I did my PhD in
    Leeds", "if I remember correctly" or "am i right" """
    return (
        _personal(surface)
        or any(
            (first, second) == ("if", "i") and third not in RECALLING and third not in _POLITE
            for first, second, third in zip(surface, surface[1:], (*surface[2:], ""), strict=False)
        )
        # "am i a high-level talent?", "am i too old": the asker's own standing (not "am i
        # right", "am i talking to a bot")
        or any(
            trio[:2] == ("am", "i") and trio[2] in _STANDING
            for trio in zip(surface, surface[1:], surface[2:], strict=False)
        )
        or any(
            (
                verb in _COVERING
                and whom == "me"
                and subject not in _NO_SUBJECT
                and after not in _AFTER_REQUESTS
            )
            or (verb in _APPLYING and whom == "to" and after == "me")
            or (verb in _COUNTING_AS and whom == "i" and after == "count" and then in _COUNTED_AS)
            for subject, verb, whom, after, then in zip(
                ("", *surface),
                surface,
                (*surface[1:], ""),
                (*surface[2:], "", ""),
                (*surface[3:], "", "", ""),
                strict=False,
            )
        )
        # "can I get", and "the grant I could get"
        or any(
            {modal, asker} & _MODALS
            and {modal, asker} & _ASKERS
            and verb in _ASKER_GETS
            # "how do I get there": the way somewhere, not something the asker receives
            and not (verb == "get" and following in _GOING_TO)
            # "what do I need to know": information ("what documents do I need" is theirs)
            and not (verb == "need" and following == "to")
            and _INFORMATION.isdisjoint((following, after))
            for modal, asker, verb, following, after in zip(
                surface,
                surface[1:],
                surface[2:],
                (*surface[3:], ""),
                (*surface[4:], "", ""),
                strict=False,
            )
        )
    )


_PEOPLE = frozenset(("people", "ppl", "folks", "someone", "somebody", "anyone"))


def means_the_asker_by_people(surface: tuple[str, ...]) -> bool:
    """ "events for people like me": whom the events are for, not who attended one."""
    return any(
        first == "for" and second in _PEOPLE for first, second in itertools.pairwise(surface)
    )


_NAMES_CHINESE = {"tongzhou": "通州", "talent": "人才"}


def only_naming_the_bot(surface: tuple[str, ...]) -> set[str]:
    """The words of ``words_naming_the_bot`` that the message uses for nothing else: in
    "tongzhou talent bot, where is tongzhou?" the place is also asked about."""
    names = words_naming_the_bot(surface)
    typed = "".join(surface)

    def times_used(name: str) -> int:
        chinese = _NAMES_CHINESE.get(name)
        return surface.count(name) + (typed.count(chinese) if chinese else 0)

    return {name for name in names if times_used(name) == names.count(name)}


# A guest named, or the guests as a group, with what they said or what they work on: "what did
# Gu Sai talk about", "dong hongbiao specialises in what area", 顾赛是哪个领域的专家, "how old is
# gu sai". The article names the guests and why they came, not their talks, fields or lives.
_GUESTS = frozenset(str.split("gu sai dong hongbiao academician"))
_GUESTS_AS_A_GROUP = frozenset(str.split("experts scholars guests academicians"))
_SAYING = frozenset(
    str.split(
        "speech speeches presentation lecture lectures keynote topic topics"
        # ... and who they are beyond the article's words: "how old is gu sai"
        " age born birthday tall married nationality"
    )
)
_TALKING = frozenset(str.split("talk talked talks speak spoke speaking"))
_ABOUT = frozenset((("about",), ("on",)))
_GIVING = frozenset((word,) for word in str.split("give gave a his her"))
_FIELDS = frozenset(
    str.split(
        "field fields area areas discipline disciplines specialty speciality specialise"
        " specialises specialize specializes specialised specialized expertise research"
        " researches"
    )
)
_SAYING_OR_FIELD_CHINESE = re.compile(
    "(?:顾赛|董洪标|院士|专家|学者)\\w{0,8}(?:演讲|讲了|讲的|报告|发言|说了|领域|专业|学科|研究方向)"
)


def _asks_what_a_guest_said_or_studies(surface: tuple[str, ...], typed: str) -> bool:
    """A guest's talk, field of work or life: not "what did the experts discuss" (why they
    came), "he's a big name in my field" (the asker's field) or "what does the article say
    about gu sai" (the guest is only said after "say")."""
    words = frozenset(surface)
    named = not _GUESTS.isdisjoint(words)
    fields = any(
        word in _FIELDS and surface[position - 1 : position] not in (("my",), ("our",))
        for position, word in enumerate(surface)
    )
    first_named = min((at for at, word in enumerate(surface) if word in _GUESTS), default=-1)
    said = any(word in ("say", "said") and at > first_named for at, word in enumerate(surface))
    # "talk about", "spoke on", "give a talk" (not "attend the talks")
    talked = any(
        word in _TALKING and (surface[at + 1 : at + 2] in _ABOUT or surface[at - 1 : at] in _GIVING)
        for at, word in enumerate(surface)
    )
    return (
        (
            named
            and (
                not _SAYING.isdisjoint(words)
                or said
                or talked
                or ("how", "old") in itertools.pairwise(surface)
            )
        )
        or ((named or not _GUESTS_AS_A_GROUP.isdisjoint(words)) and fields)
        or _SAYING_OR_FIELD_CHINESE.search(typed) is not None
    )


_FOUNDERS = frozenset(("founder", "founders", "cofounder"))


def asks_about_a_person_beyond_the_article(surface: tuple[str, ...], typed: str) -> bool:
    """A guest's talk, field or life, or a company's founder ("who is alphaess's founder"; not
    "funding for founders", who are entrepreneurs): people the article names or implies, in
    details it never gives."""
    return _asks_what_a_guest_said_or_studies(surface, typed) or (
        not _FOUNDERS.isdisjoint(surface) and COMPANY_WORDS.search(typed) is not None
    )


_SETTLING = re.compile("落[户戶]")
# ... "闺女要去艾罗能源上班，能落户吗": a person asking to register, whoever the employer is.
_PERSON_SETTLING = re.compile(
    "(?:能|可以|能不能|可不可以|想)落[户戶]|落[户戶](?:政策|条件|條件|手续|手續|指标)"
)


def company_settling_as_brought_in(question: str) -> str:
    """落户 is a person registering residence (a subject of its own), but a company settling:
    read as 引进 (brought in) when a company settles."""
    if (
        _SETTLING.search(question)
        and COMPANY_WORDS.search(question)
        and not _PERSON_SETTLING.search(question)
    ):
        return _SETTLING.sub("引进", question)
    return question


def places_come_from(surface: Sequence[str], tokens: Sequence[str]) -> set[str]:
    """ "from london", "from the us": the stems of where someone is from ("the us" is one
    token, "usa", so the tokens are read as well as the words)."""
    return {
        stem(after)
        for words in (surface, tokens)
        for at, after in enumerate(words)
        if words[at - 1 : at] == ("from",)
        or (words[at - 2 : at] == ("from", "the") and after != "the")
    }
