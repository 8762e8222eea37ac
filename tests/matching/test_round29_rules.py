"""Round 29's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import answers_or_not, outcome

from bot.faq import FaqEngine
from bot.matching.clauses import context_clauses
from bot.matching.guesses import puts_the_head_office


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a Chinese clause that asks nothing and names no subject, beside one that asks
        ("周末在家闲着，通州的重点产业链一共几条", "industrial-chains"),
        ("快交稿了，通州是哪个市的", "tongzhou-location"),
        ("通州新政3.0主要关注什么？写东西要用", "policy-3-0"),
        # a role heading the question after a colon
        (
            "Investor: in which year did alphaess come to tongzhou as a talent project?",
            "alphaess-talent-project",
        ),
        # listing what the district did, in a question counting it
        ("how many key chains did the district list", "industrial-chains"),
        ("通州列出的重点产业链有几条", "industrial-chains"),
        # a yes-or-no question putting the head office in a place offers the place to check
        ("is alphaess's head office in suzhou?", "alphaess-headquarters"),
        ("wasn't the alphaess hq in hangzhou?", "alphaess-headquarters"),
        # synonyms
        ("what's the main thrust of policy 3.0", "policy-3-0"),
        ("who bankrolled the talent projects", "talent-projects-funding"),
        ("what flavour of people is tongzhou after", "talent-priority"),
        ("AlphaESS卖什么", "alphaess-business"),
        # a clause setting something aside ("besides ...") is no part of what is asked
        ("besides the paperwork, does tongzhou hold talent events?", "talent-events"),
        ("apart from the forms, when was the doctoral event?", "doctoral-event-date"),
        ("除了申请材料，通州有几条重点产业链", "industrial-chains"),
        # the logic behind something asks why
        ("what is the logic of tongzhou prioritising innovative talent", "talent-priority"),
        # the guests' country
        ("参会的专家学者来自哪国", "doctoral-event-guests"),
    ],
)
def test_round29_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # an aside naming a subject the sources lack stays asked
        "住房这块，3.0管不管",
        "最近在看房子，3.0有没有补贴",
        "快交稿了，通州的房价多少",
        "周末在家闲着，艾罗能源工资多少",
        # a role before a colon leaves the question's own subject asked
        "Recruiter: does policy 3.0 cover housing?",
        "Founder: what salary can I expect in tongzhou?",
        # a request for the names is still one
        "通州列出的重点产业链有哪些",
        "list the key chains of tongzhou",
        # offices that are not the head office, and other subjects in a place
        "does alphaess have offices in suzhou?",
        "is the talent office in nantong?",
        "AlphaESS总部在上海，员工多少",
        # what a question asks beside a clause setting something aside is still asked
        "besides alphaess, which companies are in tongzhou?",
        "除了住房补贴，3.0还有什么",
        # the biggest grant, or the biggest member of a group: one the sources never rank
        "what's the largest single grant a project got",
        "which of the 72 start-ups is the most successful?",
        "top grant for one talent project?",
        # the grant the asker could expect is the asker's own case
        "what size of grant can i expect as a returnee",
        # the weather
        "is it rainy in tongzhou in march",
        "通州三月份冷不冷",
        # 招人 is a company hiring, not the district attracting talent
        "AlphaESS在招人吗",
    ],
)
def test_round29_declines(rules_only: FaqEngine, question: str) -> None:
    assert answers_or_not(rules_only, question, None)


@pytest.mark.parametrize(
    "question",
    [
        # a Chinese aside beside a bare yes or no may be all the question is about
        "老人身体不好，新政3.0有没有照顾",
        "找房找得头大，新政3.0有支持吗",
        "快要退休了，3.0能用吗",
        "厂房不够用，通州有没有支持",
        # ... and one telling no task of the asker's carries the topic
        "公积金能不能多交点，3.0有什么说法",
        # a count of listed companies asks which they are
        "how many companies did tongzhou list",
        "通州列出的企业有几家",
        # a head office that is not AlphaESS's global one
        "is the royal academy of engineering headquartered in london?",
        "is alphaess's european headquarters in germany?",
        "艾罗欧洲总部在德国吗",
        # besides X, what else: more of what is set aside
        "besides housing, what else does policy 3.0 offer?",
        "besides the salary, what does alphaess offer?",
        # media that covered something, the author, the sub-centre of Beijing
        "which media outlets covered the phd event",
        "稿子是谁写的",
        "北京副中心在哪",
        # 招人才 is a company hiring
        "艾罗招人才吗",
        # which start-ups, and what the asker will make
        "Investor: which startups are going public?",
        "Investor: how much money will I make in tongzhou?",
    ],
)
def test_review_declines(rules_only: FaqEngine, question: str) -> None:
    assert answers_or_not(rules_only, question, None)


def test_an_aside_across_two_clauses_about_the_asker_counts_as_told(rules_only: FaqEngine) -> None:
    # "我是做公众号的，想转述…": the unseen stretch "公众号的想转述" spans both told clauses
    question = "我是做公众号的，想转述你说的内容，原始出处和发布日期能给一下吗"
    assert outcome(rules_only, question) == ("answer", "about-source")


def test_a_chinese_aside_needs_the_matcher_to_find_no_subject() -> None:
    context, asked = context_clauses("快交稿了，通州是哪个市的", lambda clause: False)
    assert context == ("快交稿了",)
    _, asked = context_clauses("快交稿了，通州是哪个市的", lambda clause: "稿" in clause)
    assert asked == ("快交稿了", "通州是哪个市的")


def test_only_the_head_office_is_put_in_a_place() -> None:
    words = ("alphaess", "headquarter")
    assert puts_the_head_office(("is", "alphaess", "hq", "in", "suzhou"), "", words)
    assert not puts_the_head_office(("is", "alphaess", "in", "suzhou"), "", ("alphaess",))
    assert not puts_the_head_office(("where", "is", "alphaess", "hq"), "", words)
    assert puts_the_head_office((), "AlphaESS总部在苏州吗", words)
    assert not puts_the_head_office((), "AlphaESS总部在哪", words)


def test_the_logic_or_rationale_behind_something_asks_why(rules_only: FaqEngine) -> None:
    for question in ("the logic behind it?", "what's the rationale", "their reasoning"):
        assert "?why" in rules_only.matcher.analyse(question).words
