"""Round 31's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import answers_or_not, outcome

from bot.faq import FaqEngine
from bot.matching.clauses import (
    claim_as_hearsay,
    claimers,
    context_clauses,
    without_length_asked,
)
from bot.matching.units import EVENTS_HELD


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        # a claim the article is said to make, checked: hearsay, with the check said as 对吗
        ("原文称有52家成长为高新技术企业，对吗？", "听说有52家成长为高新技术企业，对吗？"),
        ("稿件称人才枢纽设在高校内，是否准确？", "听说人才枢纽设在高校内，对吗？"),
        ("原文是说「8条重点产业链」吗？请核实", "听说「8条重点产业链」吗？对吗"),
        (
            "the piece claims 8 industrial chains, can you verify?",
            "i heard that 8 industrial chains, right?",
        ),
        # ... and not checked: the article's words are asked about as they stand
        ("文章标题说通州重视创新人才是为了推动什么？", "通州重视创新人才是为了推动什么？"),
        # the article as the subject is left alone
        ("文章是哪天发的", "文章是哪天发的"),
        ("what does the article say about alphaess?", "what does the article say about alphaess?"),
    ],
)
def test_a_claim_from_the_source_is_read_as_hearsay(question: str, read_as: str) -> None:
    assert claim_as_hearsay(question) == read_as


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a journalist checking what the article is said to claim
        ("原文是说AlphaESS业务覆盖60多个国家吗？帮忙核实", "alphaess-global-reach"),
        ("原文称有「20余名英国专家学者」出席，这个数字对吗？", "doctoral-event-guests"),
        ("原文称有52家成长为高新技术企业，对吗？", "talent-projects-outcomes"),
        ("稿件称人才枢纽设在高校内，是否准确？", "talent-hubs"),
        ("the article says there were 500 projects, is that right?", "talent-projects-funding"),
        ("the piece claims 8 industrial chains, can you verify?", "industrial-chains"),
        ("文章标题说通州重视创新人才是为了推动什么？", "talent-priority"),
        # a day offered for checking, as a year or a month already was
        ("was the event on march 28?", "doctoral-event-date"),
        ("那个活动是3月28号吗", "doctoral-event-date"),
        ("博士那场活动啥日子办的", "doctoral-event-date"),
        # whether events are held at all: the entry on the district's events
        ("Im a returnee from abroad, does tongzhou ever hold networking things", "talent-events"),
        ("any meetups / events for returnees in tongzhou??", "talent-events"),
        ("有没有专门针对海归博士搞过的活动", "talent-events"),
        ("通州这边平时会办啥招人才的活动不", "talent-events"),
        ("Does the district host events, or does it rely solely on policy?", "talent-events"),
        # ... but one event named, or who came, is that event's
        ("did the overseas doctoral event last one day or two?", "doctoral-event-date"),
        ("有没有院士参加海外博士活动", "doctoral-event-guests"),
        ("did the event have academicians?", "doctoral-event-guests"),
        # 那边 is "there", not Cantonese "which": the son's plan is the asker's story
        ("通州在哪个省啊 我儿子说要去那边发展", "tongzhou-location"),
        # which events are held, in general; which one a guest attended is that event's
        ("my son is a phd, what events are there for him?", "talent-events"),
        ("what kinda events has the district thrown to lure skilled ppl", "talent-events"),
        ("what events did gu sai attend", "doctoral-event-guests"),
        # a claim checked: "i thought", "lowkey doubt it", "my prof said"
        (
            "ngl i thought alphaess was a german brand, where's their global hq",
            "alphaess-headquarters",
        ),
        (
            "my prof said alphaess got introduced there around 2018?? lowkey doubt it",
            "alphaess-talent-project",
        ),
        (
            "my friend says like 100 of them are mass producing now, true?",
            "talent-projects-outcomes",
        ),
        # 底层逻辑 asks why; 投资人 is the asker, not the funding
        ("通州引才的底层逻辑是啥", "talent-priority"),
        ("我是投资人，AlphaESS是做什么的", "alphaess-business"),
        # how long the answer should be is no figure; the asker's purpose is no subject
        ("policy 3.0 key focus? 1 line pls", "policy-3-0"),
        ("AlphaESS 引进年份？for候选人背调", "alphaess-talent-project"),
        ("src pls?? need to know where this comes from", "about-source"),
        ("你讲的这些东西都是哪里看来的呀 靠不靠得住的", "about-source"),
        # the funding of projects, and the events the district held, are still answered
        ("通州对人才项目资助了多少", "talent-projects-funding"),
        ("how much money for the 372 projects", "talent-projects-funding"),
        ("通州为了招人才办过什么活动吗", "talent-events"),
        ("人才枢纽在哪", "talent-hubs"),
        # someone close's claim in Chinese, checked: the fact's entry corrects it
        ("我朋友说AlphaESS是搞储能的，真的假的", "alphaess-business"),
        ("我朋友说AlphaESS总部在苏州，是真的吗", "alphaess-headquarters"),
        # whether events of a kind are held, asked as 有…会吗 or 有啥活动
        ("有海归博士的对接会吗", "talent-events"),
        ("我女儿在英国读博，通州有啥活动适合她吗", "talent-events"),
        # the asker's plan next week is no event still to come
        ("阿尔法那个储能公司总部在哪里啊 我儿子下礼拜要去面试 地址搞不清", "alphaess-headquarters"),
        # "inverters" is not misread as a word the knowledge base knows
        ("alphaess - batteries? inverters? whats their thing", "alphaess-business"),
    ],
)
def test_round31_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # what the article is said to claim, checked, about what the sources never say
        "原文说3.0有住房补贴吗",
        "the article says 3.0 gives housing subsidies, right?",
        # events in a year the sources do not speak of, or still to come
        "were there any events in 2022?",
        "any events coming up next month?",
        # someone close's claim, checked by a bare "true?", is what is asked
        "my boss said tongzhou has housing subsidies for phds, true?",
        "my boss said tongzhou has housing subsidies for phds. is that right?",
        # money for people: a share of their own, which the sources never give
        "does tongzhou give subsidies to postdocs?",
        "对博士有补贴吗",
        "通州人才政策對博士後有補貼嗎？",
        # a body or an office, named, that the knowledge base does not use whole
        "高新区管委会地址在哪",
        "英国杰出青年学者协会会长是谁",
        # ... and in Chinese, beside a bare 是真的吗 or 对吗
        "我领导说通州给人才发购房补贴，是真的吗",
        "我妈说南通房价很低，对吗",
        # events next month are still to come
        "下个月通州有什么人才活动吗",
        # what the bot can answer about a subject it lacks is that subject
        "what can you answer about housing",
        "你能回答关于住房的问题吗",
    ],
)
def test_round31_declines(rules_only: FaqEngine, question: str) -> None:
    assert answers_or_not(rules_only, question, None)


@pytest.mark.parametrize(
    ("message", "smalltalk_id"),
    [
        ("so what kinda stuff can u answer", "what-can-you-do"),
        ("你这个bot都能回答些什么问题", "what-can-you-do"),
        ("多謝你的回覆", "thanks"),
        ("这个机器人能干嘛", "what-can-you-do"),
    ],
)
def test_round31_small_talk(rules_only: FaqEngine, message: str, smalltalk_id: str) -> None:
    assert outcome(rules_only, message) == ("smalltalk", smalltalk_id)


def test_what_the_answers_are_based_on_is_still_the_source(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "what are your answers based on") == ("answer", "about-source")


def test_a_place_called_there_is_not_a_question_word() -> None:
    context, asked = context_clauses("通州在哪个省啊 我儿子说要去那边发展")
    assert context == ("我儿子说要去那边发展",)
    assert asked == ("通州在哪个省啊",)


def test_who_claims_what_the_asker_checks() -> None:
    assert claimers(("my", "prof", "said", "it", "was", "2018")) == ("prof",)
    assert claimers(("my", "wife", "thinks", "so")) == ("wife",)
    assert claimers(("my", "son", "is", "a", "phd")) == ()


def test_how_long_the_answer_should_be_is_no_figure() -> None:
    assert "1" not in without_length_asked("policy 3.0 key focus? 1 line pls")
    assert without_length_asked("in one sentence, what is 3.0?").strip() == ", what is 3.0?"
    assert without_length_asked("372 projects") == "372 projects"


def test_anything_opening_a_question_is_no_event(rules_only: FaqEngine) -> None:
    # "anything" counts as an event only after a verb of hosting ("do they organise anything")
    assert EVENTS_HELD not in rules_only.matcher.analyse("anything for phds, do they host").words
    assert (
        EVENTS_HELD in rules_only.matcher.analyse("does tongzhou organise anything for phds").words
    )
