"""Round 34's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import answers_or_not, outcome

from bot.faq import FaqEngine
from bot.matching.asks import asks_about_the_future, asks_for_a_list
from bot.matching.clauses import audience, context_clauses
from bot.matching.web_address import whose_address


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # the asker's plan, told without "I", before the question
        ("relocating next spring, which province is tongzhou in", "tongzhou-location"),
        ("considering a job offer there, what is policy 3.0 about", "policy-3-0"),
        # a question someone close asked the asker, reported
        (
            "my sister starts at alphaess in june n asked me where their head office is",
            "alphaess-headquarters",
        ),
        # just back from abroad, in Chinese
        ("刚从英国回来 听说过AlphaESS 它是做储能的吗", "alphaess-business"),
        # a year offered for checking, with a tag
        ("alphaess got here in 2016 ya?", "alphaess-talent-project"),
        ("有人说AlphaESS是2018年引进的，是哪年啊", "alphaess-talent-project"),
        # what brought someone: why they came
        ("what brought the british academicians to tongzhou", "doctoral-event-purpose"),
        # the logic behind, the starting point: why
        ("通州重视创新人才背后的逻辑是什么", "talent-priority"),
        ("通州重视人才的出发点在哪", "talent-priority"),
        # the answer pitched at someone
        ("explain the talent hubs like i'm a fresh graduate", "talent-hubs"),
        # a figure checked as legit
        ("read that tongzhou backed 372 talent projects, legit?", "talent-projects-funding"),
        # "still current" about the source's age is about the source
        ("how old is this info, still current?", "about-source"),
        # the source's own address
        ("link to the original article pls", "about-source"),
        ("原文链接发我一下", "about-source"),
        # a site as where a claim was read, not an address asked for
        ("alphaess website says they're in 120 countries, is that true?", "alphaess-global-reach"),
        ("AlphaESS官网上说总部在南通，是真的吗", "alphaess-headquarters"),
        # a policy's 初衷 is its focus, not why the district values talent
        ("推出人才新政3.0的初衷是什么", "policy-3-0"),
        # a friend's doing, told without "my"
        ("colleague keeps bringing up alphaess, what do they make", "alphaess-business"),
    ],
)
def test_round34_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # still in force now: later than the sources
        "is talent policy 3.0 still valid today",
        "has policy 3.0 been replaced",
        "3.0新政现在还有效吗",
        "人才新政是不是已经被取代了",
        # which of a counted group, or what each of them is
        "which start-ups made it to mass production",
        "42家高新技术企业都是什么行业的",
        # the web address of a company or a policy
        "alphaess homepage?",
        "link to the policy 3.0 document",
        "AlphaESS的官网是多少",
        # a parent company the article never names
        "AlphaESS母公司叫什么",
    ],
)
def test_round34_declines(rules_only: FaqEngine, question: str) -> None:
    assert answers_or_not(rules_only, question, None)


@pytest.mark.parametrize("greeting", ["gm", "gm all", "GM fam!"])
def test_chat_greetings(rules_only: FaqEngine, greeting: str) -> None:
    assert outcome(rules_only, greeting) == ("smalltalk", "greeting")


def test_gm_inside_a_question_is_no_greeting(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "gn yall") == ("smalltalk", "goodbye")
    assert outcome(rules_only, "who is the gm of alphaess")[0] != "smalltalk"


def test_cantonese_robot_is_asked_who_the_bot_is(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "你係咪機械人") == ("smalltalk", "who-are-you")


def test_reported_and_planned_clauses() -> None:
    context, asked = context_clauses("my cousin has an interview there n asked me where it is")
    assert context == ("my cousin has an interview there",)
    assert asked == ("asked me where it is",)
    # "asked me if" reports no question of its own: the clause stays whole
    context, _ = context_clauses("my dad asked me if alphaess makes cars, what do they do")
    assert context == ("my dad asked me if alphaess makes cars",)
    assert context_clauses("relocating in may, where is tongzhou")[0] == ("relocating in may",)
    assert context_clauses("剛從美國回來 通州在哪")[0] == ("剛從美國回來",)
    assert context_clauses("通州在哪")[0] == ()


def test_audience_pitched_at() -> None:
    assert audience("explain policy 3.0 like I'm a hiring manager") == "a hiring manager"
    assert audience("explain it like i’m five") == "five"
    assert audience("is it like a policy for managers") == ""


def test_still_so_and_lists() -> None:
    assert asks_about_the_future(_words("is 3.0 still in effect"))
    assert asks_about_the_future(_words("was it replaced by 4.0"))
    assert not asks_about_the_future(_words("is it still current"))
    assert not asks_about_the_future(_words("what is policy 3.0"))
    assert asks_for_a_list(_words("which start ups are in mass production"))
    assert not asks_for_a_list(_words("how many start ups are in mass production"))


def test_whose_address() -> None:
    assert whose_address(_words("alphaess website"), "") == "alphaess"
    assert whose_address(_words("link to policy 3.0"), "") == "policy 3.0"
    assert whose_address(_words("link to the original story"), "") == ""
    assert whose_address(_words("u got a link to where this came from"), "") == ""
    assert whose_address(_words("alphaess's site visit"), "") == ""
    assert whose_address((), "人才新政3.0的官网") == "人才新政3.0"
    assert whose_address((), "hr发我个链接") == ""


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a span of the asker's own years is no date offered for checking
        (
            "I studied in the UK from 2015 to 2019; the event guests came from the UK, right?",
            "doctoral-event-guests",
        ),
        ("tongzhou funded 372 projects, right? I have lived here since 2010", None),
        # "still open to relocating" is the asker, not whether something still holds
        ("I'm still open to relocating, what does policy 3.0 offer?", "policy-3-0"),
        # 产业链接近 holds no link
        ("通州重点产业链接近10条吗？", "industrial-chains"),
        # "link to" as a verb
        ("how does the doctoral event link to policy 3.0?", "policy-3-0"),
    ],
)
def test_round34_neighbours_left_alone(
    rules_only: FaqEngine, question: str, entry_id: str | None
) -> None:
    if entry_id is None:
        assert outcome(rules_only, question)[1] != "alphaess-talent-project"
    else:
        assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # "is X legit?" asks whether it is sound, not a fact to check
        "is alphaess legit?",
        # a close one's word before a noun is no person doing something
        "partner universities of the uk scholars, which ones?",
        # a plan naming figures is what is asked about
        "moving from 2.0 to policy 3.0, what changed?",
        # whose address, after the people asking for it
        "请给我人才新政3.0的官网",
        "talent policy 3.0 full text link?",
    ],
)
def test_round34_review_declines(rules_only: FaqEngine, question: str) -> None:
    assert answers_or_not(rules_only, question, None)


def test_still_so_needs_the_thing_itself() -> None:
    assert not asks_about_the_future(_words("sorry if my info is outdated where is alphaess"))
    assert not asks_about_the_future(_words("i replaced my old phone where is alphaess"))
    assert asks_about_the_future(_words("has 3.0 been replaced"))
