"""Which clauses of a question only tell about the asker, and which ask.

"I have a job interview with AlphaESS next month, where is their head office?" asks where the
head office is; the interview is why the asker asks. The matcher weighs what only the first kind
of clause says as context (bot/matching/matcher.py), and so the audience an answer is asked for
("summarise for our HR team", ``audience``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.matching.analysis import Analysed
from bot.matching.words import (
    CHINESE_SUBJECT,
    CLOSE_ONE_CLAIMS_CHINESE,
    CLOSE_ONES_PLANS_CHINESE,
    PERSONA_WORDS,
    PROVIDING_VERBS,
    SUBJECT_WORDS,
    Phrases,
)

# Where a question breaks into clauses: punctuation, a conjunction, or a space between two
# Chinese characters (Chinese users often type a space for a comma).
CLAUSE_BREAK = re.compile(
    r"((?:[,;:!?，。；：！？、()（）\n]|(?<!\d)\.|\.(?!\d))+|\s+[-–—]+\s+"
    # ... but "asking as an investor" is one clause; chat's "n" is "and"
    r"|(?<!asking)\s+(?:and|but|so|because|since|as|n)\s+"
    # "my cousin has an interview ... asked me where their office is": the question reported
    r"|\s+(?=ask(?:ed|s)\s+(?:me|us)\s+(?:where|what|when|how|why|who|which)\b)"
    r"|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff]))"
)
_WORD = re.compile(r"[a-z']+")
_OPENERS = frozenset(str.split("hi hello hey sorry ok okay so well also btw anyway dear yes"))
_ASKER = frozenset(str.split("i im i'm ive i've id i'd ill i'll my we we're our me"))
# Chinese drops the pronoun: "想去AlphaESS面试，总部在哪" is the asker's plan, then the question.
# "我…", and "闺女要去通州上班": someone close to the asker, whose story the asker tells.
_ASKER_CHINESE = re.compile(
    "^(?:下周|下个月|下月|下礼拜|明天|后天|今年|明年|最近|过几天)?"
    f"(?:我|本人|敝人|在下|(?:想|要|准备|打算|计划)去|{CLOSE_ONES_PLANS_CHINESE}"
    # "刚从德国回来", "剛回國": the asker, just back
    "|[刚剛](?:[从從]\\w{1,6})?(?:回来|回來|回国|回國))"
)
# "I heard AlphaESS pays PhDs 50k, is that right?": the clause is the claim to check, not the
# asker's story, however it starts.
CLAIM_OPENINGS = Phrases(
    (
        ("i", "heard"),
        ("i", "read"),
        ("i", "think"),
        ("i", "believe"),
        ("i", "recall"),
        ("i", "remember"),
        ("i", "was", "told"),
        ("i", "guess"),
        ("im", "pretty", "sure"),
        ("i'm", "pretty", "sure"),
        ("i", "m", "pretty", "sure"),  # "I’m": the curly apostrophe splits the word
        ("im", "sure"),
        ("i'm", "sure"),
        ("i", "m", "sure"),
        ("my", "understanding"),
    )
)
_CLAIMING_CHINESE = re.compile("^我(?:听说|聽說|听讲|聽講|记得|記得|觉得|覺得|看到|读到|理解)")


# "my prof said ...", "my boss reckons ...": someone close's claim, to check
_SAYING = frozenset(str.split("said says thinks thought reckons claims told"))


def someone_close_claims(words: Sequence[str]) -> bool:
    return bool(claimers(words))


def claimers(words: Sequence[str]) -> tuple[str, ...]:
    """Who claims what the asker checks: "friend" in "my friend says ...", "prof" in "my prof
    said ..." (the word after "my", with "said" or the like within two words of it)."""
    return tuple(
        words[at + 1]
        for at, word in enumerate(words[:-2])
        if word == "my" and not _SAYING.isdisjoint(words[at + 2 : at + 4])
    )


def offers_a_claim(words: list[str], clause: str) -> bool:
    return CLAIM_OPENINGS.open(words) or bool(_CLAIMING_CHINESE.match(clause))


# "true?", "right?", "is that correct?", 是真的吗: a clause only asking whether what was said is so
_ONLY_CHECKING = frozenset(
    str.split("true right correct is that it so really accurate yes or no am i wrong")
)
_ONLY_CHECKING_CHINESE = re.compile(
    "(?:是真的吗|真的吗|对吗|对不对|是吗|是不是真的|真的假的|是这样吗|靠谱吗|有这回事吗)[？?!！。~～]*"
)
_CLOSE_ONE_CLAIMS_CHINESE = re.compile(CLOSE_ONE_CLAIMS_CHINESE)


def _only_checks(clause: str) -> bool:
    words = _WORD.findall(clause)
    if clause.isascii() or words:
        return set(words) <= _ONLY_CHECKING
    return _ONLY_CHECKING_CHINESE.fullmatch(clause) is not None


_ASKING = frozenset(
    str.split("what what's whats which where where's wheres when how who whom whose why")
)
# 边 asks which in Cantonese (边个, 边度), but not in 那边, 这边 ("there", "here").
_ASKING_CHINESE = re.compile(
    "吗|呢|什么|啥|哪|谁|怎|几|多少|是否|是不是|有没有|咩|乜|(?<![那这這旁身外里裡两兩一左右])边"
)
# A clause going on about the asker without naming them again, once a clause has named them:
# "(I'm an HR manager) and may send staff to visit", "(I got an offer there) ... want to look
# for flats nearby". A modal only goes on before a verb: "was the event in March?" asks.
_GOING_ON = frozenset(
    str.split(
        "want wanna plan planning hope hoping need looking thinking considering working living "
        "moving studying doing got currently recently now just also then"
    )
)
_GOING_ON_MODALS = frozenset(str.split("may might will would"))
# "relocating family in sept, where ...", "weighing a move, what ...": the asker's plan, told
# without naming them
_ASKERS_PLANS = frozenset(str.split("relocating moving weighing considering planning"))
_NOT_A_VERB = frozenset(
    str.split(
        "i you u we they it he she there this that these those the a an any some its their his "
        "her your our"
    )
)
QUESTION_MARKS = frozenset("?？")
# what someone close does ("friend keeps ...", "boss wants ..."; not "partner universities")
_CLOSE_ONE_DOING = frozenset(
    str.split(
        "keeps keep kept says said asked asks wants wanted thinks thought told mentioned "
        "mentions works worked is was has had needs needed"
    )
)
_ASKERS_TASKS = frozenset(str.split("writing doing preparing drafting compiling researching"))
_THIRD_PERSONS = frozenset(("he", "she", "they"))
_LINKING = frozenset(("is", "are", "was", "were", "s"))


def _tells_a_task(words: list[str]) -> bool:
    """ "writing an investment memo": what the asker is doing, naming no subject of its own
    ("researching rent prices" tells what the question is about)."""
    return bool(words) and words[0] in _ASKERS_TASKS and SUBJECT_WORDS.isdisjoint(words)


# "friend keeps name dropping alphaess at dinner": someone close, told of without "my"
_CLOSE_PEOPLE = frozenset(
    str.split(
        "friend friends cousin cousins colleague colleagues boss dad mum mom wife husband "
        "partner girlfriend boyfriend supervisor classmate classmates brother sister"
    )
)


def _names_a_close_one(words: list[str]) -> bool:
    """ "he is my supervisor", "she's my wife": who someone is to the asker; and "friend keeps
    mentioning alphaess": what they do."""
    if len(words) >= 3 and words[0] in _CLOSE_PEOPLE and words[1] in _CLOSE_ONE_DOING:
        return True
    return (
        len(words) >= 4
        and words[0] in _THIRD_PERSONS
        and words[1] in _LINKING
        and words[2] == "my"
        and words[3] in PERSONA_WORDS
    )


# "phd student here", "journalist here": a short clause signing who asks; and with a role first,
# "recruiter asking", "investor question", "investor doing DD", "investor:" ("alphaess doing
# layoffs" and "housing question" sign nobody).
_ROLES = frozenset(
    str.split(
        "investor investors recruiter recruiters journalist journalists reporter student students"
        " researcher researchers founder founders hr analyst analysts consultant editor writer"
        " professor phd postdoc engineer parent headhunter"
    )
)
_ROLE_SIGNING = frozenset(("asking", "question"))
# "postdoc in singapore", "engineer from pune": who asks, and from where ("engineer at
# alphaess" names a subject)
_ROLE_PLACING = frozenset(str.split("in from based"))
# "school project q:", "quick question:": a heading before the question ("housing question:"
# names what it asks about)
_QUESTION_HEADINGS = frozenset(str.split("q qn question"))
_HEADING_WORDS = frozenset(str.split("project homework essay assignment quick random simple dumb"))


def _signs(words: list[str], end: str) -> bool:
    if words[-1] == "here":
        return True
    if (
        words[-1] in _QUESTION_HEADINGS
        and end.strip().startswith((":", "："))
        and (len(words) == 1 or words[-2] in _HEADING_WORDS)
    ):
        return True
    if words[0] in _ROLES and words[1:2] and words[1] in _ROLE_PLACING:
        return QUESTION_MARKS.isdisjoint(end)
    # "Investor:", "investor due diligence:": a role heading the question after a colon
    return words[0] in _ROLES and (
        words[-1] in _ROLE_SIGNING
        or end.strip().startswith((":", "："))
        or (len(words) > 2 and words[1] in _ASKERS_TASKS and QUESTION_MARKS.isdisjoint(end))
    )


# What the answer is for: "(for a school presentation)", "need it for a slide", "For investor due
# diligence:" (the task last: "for the talent projects" names a subject)
_TASKS = frozenset(
    str.split(
        "presentation presentations slide slides deck report essay homework assignment memo email"
        " mail article post thesis dissertation paper class lecture pitch diligence newsletter"
        " blog podcast video brief briefing proposal coursework piece story"
    )
)
_NEEDING_IT = frozenset((("need", "it"), ("need", "this"), ("need", "that"), ("needed", "it")))


def _tells_a_purpose(words: list[str]) -> bool:
    if tuple(words[:2]) in _NEEDING_IT and words[2:3] == ["for"]:
        return True
    return words[:1] == ["for"] and len(words) <= 6 and words[-1] in _TASKS


# "做储能销售的", "搞新能源投资的": what the asker does for a living (not "是做什么的")
_TRADE_CHINESE = re.compile(
    "^(?:我是|本人)?(?:做|搞|干)(?!.*(?:什么|啥|嘛|哪|吗))[\u4e00-\u9fff]{1,8}的$"
)


def _goes_on(words: list[str], ends_asking: bool) -> bool:
    """Whether a clause goes on about the asker named earlier, asking nothing itself."""
    if ends_asking or not words:
        return False
    if words[0] in _GOING_ON:
        return True
    return words[0] in _GOING_ON_MODALS and len(words) > 1 and words[1] not in _NOT_A_VERB


def context_clauses(
    question: str, names_a_subject: Callable[[str], bool] = lambda _: True
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The clauses that only tell about the asker, and the rest: (context, asked).

    "I have a job interview with AlphaESS next month, where is their head office?" asks where
    the head office is; the job interview is the asker's reason, not a subject the question is
    about. A clause is context when it starts with the asker ("I", "my", "我") and asks nothing
    itself; the question must have another clause, or there is no context.

    So is an English clause that asks nothing and names no subject of its own, beside a clause
    that plainly asks: "energy storage engineer, got an interview with alphaess next week —
    where's their head office?" ("housing subsidies, does policy 3.0 have them?" still asks
    about housing, and "tongzhou district pop. roughly?" has no such clause to lean on). A
    Chinese clause is such an aside when it tells what the asker is busy with, has no Latin
    letters either, ``names_a_subject`` (the matcher's analysis) finds none in it, and the
    question asks what, which or how many: "写调研报告卡住了，通州的重点产业链是几条" (beside a
    bare yes or no, "快要退休了，3.0能用吗", the clause may be what is asked about). And a clause
    setting something aside is one, whatever it names, unless the question asks for more of
    the same: "besides the paperwork, does tongzhou host events?", not "besides housing, what
    else does 3.0 offer?"
    """
    # Each clause with the break after it, to tell one that ends in a question mark.
    # Full-width letters and punctuation ("ｍｙ　ｍｕｍ…，") read as their plain forms.
    pieces = CLAUSE_BREAK.split(unicodedata.normalize("NFKC", question).casefold())
    ended = [
        (
            piece.strip(),
            pieces[at + 1] if at + 1 < len(pieces) else "",
            pieces[at - 1] if at else "",
        )
        for at, piece in enumerate(pieces)
        if at % 2 == 0 and piece and piece.strip()
    ]
    clauses = [clause for clause, _, _ in ended]
    context: list[str] = []
    asked: list[str] = []
    asides: list[str] = []
    set_aside: list[str] = []
    plainly_asking = False
    previous = ""
    for clause, end, opening in ended:
        # "for ppl like me (PhD in Germany)": brackets after "me" say who the asker is
        describes_me = "(" in opening and _WORD.findall(previous)[-1:] == ["me"]
        previous = clause
        words = _WORD.findall(clause)
        while words and words[0] in _OPENERS:
            words.pop(0)
        if words and not clause[0].isascii():
            words = []  # a Chinese clause that only mentions an English name
        # "I'm a ...", "my son ...", "我…", and "journalist here", "recruiter asking".
        about_the_asker = (
            bool(words and (words[0] in _ASKER or (len(words) <= 4 and _signs(words, end))))
            or bool(_ASKER_CHINESE.match(clause))
        ) and not offers_a_claim(words, clause)
        # "asking as an investor" asks nothing itself
        signed_asking = words[:2] == ["asking", "as"] and len(words) <= 4
        if context and _goes_on(words, not QUESTION_MARKS.isdisjoint(end)):
            about_the_asker = True
        # ... naming no figure ("moving from 2.0 to policy 3.0, what changed" asks about both)
        if (
            not context
            and words[:1]
            and words[0] in _ASKERS_PLANS
            and not any(character.isdigit() for character in clause)
        ):
            about_the_asker = True
        if _tells_a_task(words) or _names_a_close_one(words) or describes_me:
            about_the_asker = True
        if _tells_a_purpose(words) or _TRADE_CHINESE.match(clause):
            about_the_asker = True
        marked = not QUESTION_MARKS.isdisjoint(end)
        asks = asks_in_words(words, clause)
        if signed_asking or (
            about_the_asker
            and not _ASKING.intersection(words)
            and not _ASKING_CHINESE.search(clause)
        ):
            context.append(clause)
        elif not asks and _sets_aside(words, clause) and not _is_an_aside(words, clause, marked):
            set_aside.append(clause)
        elif not asks and (
            _is_an_aside(words, clause, marked)
            or _is_a_chinese_aside(clause, marked, names_a_subject)
        ):
            asides.append(clause)
        else:
            asked.append(clause)
            plainly_asking |= asks or (marked and len(words) >= 3)
    # "tesla, how many subsidiaries does it have?", "the old policy, what did it cover?": a
    # question pointing back at a thing named before it asks about that thing.
    if not _POINTING_BACK.isdisjoint(word for clause in asked for word in _WORD.findall(clause)):
        asked.extend(aside for aside in asides if _names_a_thing(_WORD.findall(aside)))
        asides = [aside for aside in asides if aside not in asked]
    # "my son wants housing, does 3.0 cover it?": what is provided is asked, even when a clause
    # telling about the asker or someone close names it
    if any(map(_PROVIDING_IT.search, asked)):
        pointed_at = [told for told in context if not SUBJECT_WORDS.isdisjoint(_WORD.findall(told))]
        asked.extend(pointed_at)
        context = [told for told in context if told not in pointed_at]
    # "my boss said tongzhou has housing subsidies, true?": beside a clause only checking it,
    # someone close's claim is what is asked
    if asked and all(map(_only_checks, asked)):
        claims = [
            told
            for told in context
            if someone_close_claims(_WORD.findall(told)[:4])
            or _CLOSE_ONE_CLAIMS_CHINESE.match(told)
        ]
        asked.extend(claims)
        context = [told for told in context if told not in claims]
    # A Chinese aside only beside a question asking what, which, how many ...: beside a bare
    # yes or no ("快要退休了，3.0能用吗") the aside may be all the question is about.
    if not any(map(_WH_CHINESE.search, asked)):
        asides = [aside for aside in asides if aside[0].isascii()]
    # "besides housing, what else does 3.0 offer" asks for more of what it sets aside
    asks_for_more = any(map(_MORE_OF_THE_SAME.search, asked))
    if plainly_asking:
        context.extend(asides)
        (asked if asks_for_more else context).extend(set_aside)
    else:
        asked.extend([*asides, *set_aside])
    if not asked:
        return (), tuple(clauses)
    return tuple(context), tuple(asked)


_POINTING_BACK = frozenset(str.split("it its they them their one"))
_PROVIDING_IT = re.compile(
    rf"\b(?:{'|'.join(sorted(PROVIDING_VERBS))}|help with|support|supports)"
    r"\s+(?:it|that|them|this)\b"
)
_DETERMINERS = frozenset(str.split("the a an this that these those"))


def _names_a_thing(words: list[str]) -> bool:
    """A name alone ("tesla") or a short noun phrase ("the december event")."""
    return len(words) == 1 or (len(words) <= 5 and words[0] in _DETERMINERS)


# A clause opening a yes-or-no question: "is there ...", "any events for ...".
_YES_NO_OPENINGS = frozenset(
    str.split(
        "is are was were do does did has have had can could will would should any anything whether"
    )
)


def asks_in_words(words: list[str], clause: str) -> bool:
    return bool(
        _ASKING.intersection(words)
        or (words and words[0] in _YES_NO_OPENINGS)
        or _ASKING_CHINESE.search(clause)
    )


# "besides the paperwork, does tongzhou host events?", "除了补贴，还有什么": what the question
# leaves out, whatever it names
_SETTING_ASIDE = (("besides",), ("apart", "from"), ("aside", "from"), ("other", "than"))
_SETTING_ASIDE_CHINESE = re.compile("^除了")


def _sets_aside(words: list[str], clause: str) -> bool:
    return any(tuple(words[: len(lead)]) == lead for lead in _SETTING_ASIDE) or bool(
        _SETTING_ASIDE_CHINESE.match(clause)
    )


def _is_an_aside(words: list[str], clause: str, marked: bool) -> bool:
    """An English clause that, asking nothing in words, has no question mark either, offers no
    claim and names no subject or number."""
    return (
        bool(words)
        and clause[0].isascii()
        and not marked
        and not any(character.isdigit() for character in clause)  # "there was a 2.0 version"
        and not offers_a_claim(words, clause)
        and SUBJECT_WORDS.isdisjoint(words)
    )


_LATIN_OR_DIGIT = re.compile("[a-z0-9]")


# What the asker is busy with: writing, checking, idling ("写调研报告卡住了", "周末在家闲着"),
# and what they want of the answer ("想知道确切数字", "一句话说清", "远不远先不管")
_ASKERS_TASK_CHINESE = re.compile(
    "写|稿|报告|论文|作业|汇报|整理|核实|查|转发|群里|闲|好奇|想知道|想了解|了解一?下|说清|不管"
)
_WH_CHINESE = re.compile("几|多少|哪|什么|啥|谁|何时")
_MORE_OF_THE_SAME = re.compile(
    r"\b(?:else|more|other|others|another|offer|offers)\b|还|别的|其他|其它|另外"
)


def _is_a_chinese_aside(clause: str, marked: bool, names_a_subject: Callable[[str], bool]) -> bool:
    """A Chinese clause telling what the asker is busy with, that asks nothing, has no question
    mark, offers no claim, and names no subject (none the knowledge base knows, none it lacks)
    and no name or number."""
    return (
        not clause[0].isascii()
        and _ASKERS_TASK_CHINESE.search(clause) is not None
        and not marked
        and _LATIN_OR_DIGIT.search(clause) is None
        and _ASKING_CHINESE.search(clause) is None
        and not offers_a_claim([], clause)
        and CHINESE_SUBJECT.search(clause) is None
        and not names_a_subject(clause)
    )


@dataclass(frozen=True)
class Context:
    """What the clauses about the asker say and the asking clauses do not (see
    ``context_clauses``): their words, and their Chinese characters."""

    words: frozenset[str] = frozenset()
    chinese: str = ""
    asked_chinese: str = ""
    asked: str = ""  # the asking clauses, normalised: what is left once the asker is told of


_CLOSE_ONES_PHRASE = re.compile(f"我?{CLOSE_ONES_PLANS_CHINESE}[去来]?")

# "summarise for our HR team", "explain for my readers": whom the answer is for, not what is
# asked; only after a verb of telling ("what does policy 3.0 offer for our staff" asks what
# the staff would get)
_AUDIENCE = re.compile(
    r"\b(?:summari[sz]e|explain|describe|write|brief|sum (?:it )?up|put|present)\b.*?"
    r"\bfor (?:my|our) ((?:[a-z]+ ){0,2}(?:team|teams|readers|audience|boss|colleagues"
    r"|students|clients|board|newsletter|blog|class))\b"
)


# ... and "explain policy 3.0 like I'm a hiring manager", "like i'm five": the answer pitched
# at someone, not a subject
_PITCHED_AT = re.compile(
    r"\b(?:summari[sz]e|explain|describe|put|tell me)\b.*?"
    r"\blike (?:i[’']?m|i am) ((?:a |an )?(?:[a-z]+ ){0,2}[a-z0-9]+)\W*$"
)


def audience(question: str) -> str:
    """The words naming whom the asker wants the answer for ("our hr team"), or ""."""
    casefolded = question.casefold()
    found = _AUDIENCE.search(casefolded) or _PITCHED_AT.search(casefolded)
    return found.group(1) if found else ""


def told_and_asked(stretch: str, context: Context) -> tuple[str, str]:
    """The part of an unseen stretch only the clauses about the asker say, and the rest.

    Chinese characters run on across punctuation, so a stretch may start in a clause about the
    asker and end in the question ("…面试，想问一下它…" gives "面试想问一下它"): it is cut where
    the two meet.
    """
    # "我闺女要去的通州": someone close to the asker, in a phrase describing what is asked about
    if _CLOSE_ONES_PHRASE.fullmatch(stretch):
        return stretch, ""
    if not context.chinese:
        return "", stretch
    told = context.chinese
    asked = context.asked_chinese
    if stretch in told and stretch not in asked:
        return stretch, ""
    for cut in range(len(stretch) - 1, 0, -1):
        head, tail = stretch[:cut], stretch[cut:]
        # across two clauses about the asker: "我是做公众号的，想转述…" gives "公众号的想转述"
        if head in told and tail in told and head not in asked and tail not in asked:
            return stretch, ""
        if head in told and head not in asked and tail in asked:
            return head, tail
        if tail in told and tail not in asked and head in asked:
            return tail, head
    return "", stretch


def context_of(question: str, analyse: Callable[[str], Analysed]) -> Context:
    """The words and Chinese characters of the clauses that only tell about the asker, each
    clause read by ``analyse`` (the matcher's, with its synonyms and spelling)."""
    context, asked = context_clauses(question, lambda clause: bool(analyse(clause).words))
    for_whom = audience(question)
    if not context and not for_whom:
        return Context()
    told = [analyse(clause) for clause in (*context, for_whom) if clause]
    # "my 2 kids are moving, right?": a tag only checks the told clause, so the asker's own case
    # is read across the whole question (its words still count as told)
    asked_text = " ".join(asked) if context and not all(map(_only_checks, asked)) else ""
    if not any(analysed.words or analysed.runs for analysed in told):
        # ("Dear sir, ..."): nothing told to weigh, so no need to read the asking clauses,
        # whose words and characters only tell the told ones apart
        return Context(asked=asked_text)
    # The audience sits inside an asking clause: its words are told, not asked.
    asking = [
        analyse(re.sub(rf"\b{re.escape(for_whom)}\b", " ", clause.casefold()))
        if for_whom
        else analyse(clause)
        for clause in asked
    ]
    asked_words = {word for analysed in asking for word in analysed.words}
    return Context(
        frozenset(w for analysed in told for w in analysed.words if w not in asked_words),
        " ".join(run for analysed in told for run in analysed.runs),
        " ".join(run for analysed in asking for run in analysed.runs),
        asked_text,
    )


# "原文称有20余名英国专家出席，对吗？", "the article says there were 500 projects, is that right?":
# the article, a report or a press release is only where the claim comes from. The claim is the
# subject, offered for checking the way hearsay is (听说, "I heard that") when the asker checks
# it, and asked about as it stands when not ("文章标题说通州重视创新人才是为了推动什么").
_SOURCE_SAYS_CHINESE = re.compile(
    "(?:原文|文章|文中|报道|報道|稿子|稿件|新闻稿|新聞稿|通稿|新闻|新聞|推文|帖子|媒体|媒體)"
    "(?:里|裡|中|上|标题|標題)?(?:面)?(?:是|就是|明明)?"
    "(?:称|稱|说|說|写|寫|提到|讲|講|表示|指出|报道|報道|提及)(?:的是|了|道|着|著)?"
)
_CHECKED_CHINESE = re.compile(
    "(?:[吗嗎嘛]|(?<![什怎这這那多])[么麼])[\\s？?。！!~～]*$|核实|核實|核对|核對|属实|屬實|准确|準確|是这样|是這樣"
    "|确认|確認|对吗|對嗎|对不对|對不對|没错|沒錯|是不是"
)
_SOURCE_SAYS = re.compile(
    r"(?i)\b(?:according\s+to\s+)?(?:the|this|that|your|ur|an?|one|some)\s+(?:original\s+)?"
    r"(?:article|source|piece|report|story|press\s+release|news\s+story|news|post|write-?up|text)"
    r"\s+(?:says|said|claims|claimed|states|stated|mentions|mentioned|writes|wrote|reports|"
    r"reported)\b(?:\s+that)?"
)
CHECKED = re.compile(
    r"(?i)\b(?:verify|accurate|true|correct|right|confirm|fact[- ]?check|is\s+that\s+so)\b"
)
# ... and the asker's request to check it, said as the tag the engine reads as one ("对吗",
# "right?"): "是否准确" and "is this accurate" would otherwise ask whether the source is reliable.
_CHECK_REQUESTS_CHINESE = re.compile(
    "(?:请|請|帮忙|幫忙|麻烦|麻煩|帮我|幫我)?(?:核实|核實|核对|核對|确认|確認)(?:一下)?"
    "|是否(?:准确|準確|属实|屬實|正确|正確)|(?:准确|準確|属实|屬實)(?:吗|嗎)"
    "|(?:原文|文章|稿子|稿件)?(?:是|真的是)?(?:这么|這麼|这样|這樣)(?:写|寫|说|說)的(?:吗|嗎)"
)
_CHECK_REQUESTS = re.compile(
    r"(?i)\b(?:(?:can|could)\s+(?:you|u)\s+|pls\s+|please\s+)?(?:verify|fact[- ]?check|confirm)"
    r"(?:\s+(?:this|that|it))?|\bis\s+(?:this|that|it)\s+accurate"
)


# "key focus? 1 line pls", "in one sentence": how long the answer should be, not a figure
_LENGTH_ASKED = re.compile(
    r"(?i)\b(?:in\s+)?(?:1|one|a|2|two|3|three)\s+(?:line|lines|sentence|sentences|liner|para)\b"
)


def without_length_asked(question: str) -> str:
    return _LENGTH_ASKED.sub(" ", question)


def claim_as_hearsay(question: str) -> str:
    """The question with "the article says" (原文称, 报道里说) read as "I heard that" (听说) when
    the asker checks what follows, and left out otherwise."""
    for says, checked, requests, heard, tag in (
        (_SOURCE_SAYS_CHINESE, _CHECKED_CHINESE, _CHECK_REQUESTS_CHINESE, "听说", "对吗"),
        (_SOURCE_SAYS, CHECKED, _CHECK_REQUESTS, "i heard that", "right"),
    ):
        if found := says.search(question):
            rest = question[found.end() :]
            if not checked.search(rest):
                return f"{question[: found.start()]}{rest}"
            return f"{question[: found.start()]}{heard}{requests.sub(tag, rest)}"
    return question
