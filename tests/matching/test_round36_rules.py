"""Round 36's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import outcome

from bot.faq import FaqEngine
from bot.matching.homophones import mend_homophone_slips
from bot.matching.messages import question_after_a_story, without_a_story


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a yes-or-no question offering a wrong figure: the entry with the real one corrects it,
        # whatever words come between the figure and what it counts
        ("were there 45 british professors at the march event?", "doctoral-event-guests"),
        ("isnt it like 60 subsidiaries worldwide", "alphaess-global-reach"),
        ("has tongzhou backed roughly 1,000 talent startups?", "talent-projects-funding"),
        # Hindi question words typed in Latin letters
        ("alphaess ka headquarters kahan hai", "alphaess-headquarters"),
        ("doctoral event kab hua", "doctoral-event-date"),
        ("alphaess ke kitne subsidiaries hain", "alphaess-global-reach"),
        ("talent policy 3.0 kya hai", "policy-3-0"),
        # 再 typed for 在 before "where" or a place
        ("艾罗能源总部再哪个开发区", "alphaess-headquarters"),
        ("通州再哪个省", "tongzhou-location"),
        # what an event was meant to achieve is its purpose, not its date or outcome
        ("what was the doctoral meetup hoping to achieve", "doctoral-event-purpose"),
        ("那次英国专家来通州是想达到什么效果", "doctoral-event-purpose"),
        ("what have the funded projects achieved", "talent-projects-outcomes"),
        # a total asked as a total is still the funding
        ("通州人才项目资助总共多少钱", "talent-projects-funding"),
        ("how much funding did the projects get altogether", "talent-projects-funding"),
        # a count including what the entry counts
        ("how many experts came including academicians", "doctoral-event-guests"),
        ("包括院士在内一共来了多少英国专家", "doctoral-event-guests"),
        # ... and neighbours the declines leave alone
        ("besides the doctoral event, are there any other talent events?", "talent-events"),
        ("What is Tongzhou's single biggest priority?", "talent-priority"),
        ("通州一共补贴多少钱给人才项目", "talent-projects-funding"),
        ("打算上市的有几家呢", "talent-projects-outcomes"),
        # a day asked about, which the date entry corrects
        ("was the doctoral event on april 5?", "doctoral-event-date"),
        ("tongzhou kis province mein hai", "tongzhou-location"),
        # a request to hear it again asks nothing of its own
        ("请再说一遍AlphaESS总部在哪里", "alphaess-headquarters"),
        # German nouns of a Chinese postdoc in Germany
        ("AlphaESS在国外有多少Tochtergesellschaften", "alphaess-global-reach"),
        ("通州搞过引才Veranstaltungen吗", "talent-events"),
        # a place offered for the hubs before any tag ("no?", "yes?")
        ("the talent hubs are in government offices, no?", "talent-hubs"),
        # two things asked for, each once, are no list ("分别是" after "A和B")
        ("这篇文章的标题和网址分别是什么", "about-source"),
        # a fact offered for checking: "accurate?", "fact check", "do my figures match"
        ("AlphaESS is in 70 countries. Accurate?", "alphaess-global-reach"),
        (
            "fact check: 300 talent projects and 400 million yuan. do my figures match?",
            "talent-projects-funding",
        ),
        ("通州咋把创新人才摆得这么重要", "talent-priority"),
        # a story, then a question naming its own subject that "its" stands for
        (
            "We scout storage suppliers across Asia for a utility. Where does AlphaESS have its "
            "global headquarters?",
            "alphaess-headquarters",
        ),
    ],
)
def test_round36_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("gd evening", ("smalltalk", "greeting")),
        ("danke schön", ("smalltalk", "thanks")),
        ("好的 先到这吧", ("smalltalk", "goodbye")),
    ],
)
def test_round36_small_talk(
    rules_only: FaqEngine, question: str, expected: tuple[str, str]
) -> None:
    assert outcome(rules_only, question) == expected


@pytest.mark.parametrize(
    "question",
    [
        # what a currency costs
        "1欧元换多少人民币",
        "现在的汇率是多少",
        # what a subsidy comes to, and a cap: what one gets
        "通州人才补贴一般多少钱",
        "单个项目资助顶格是多少",
        "what did the single largest project get",
        # the others beside the one the sources name
        "apart from alphaess, which other energy companies came to tongzhou",
        # a count taking in what the sources never name
        "包括本地专家在内一共多少人参加了海外博士活动",
        # a count taking in what the entry does not count
        "how many people came to the doctoral event including local officials",
        # Hindi about what the sources do not cover
        "tongzhou mein ghar kitne ka hai",
    ],
)
def test_round36_declines(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("总部再哪里", "总部在哪里"),
        ("通州是再江苏吗", "通州是在江苏吗"),
        # "again" before a verb stays
        ("下次再去通州", "下次再去通州"),
        ("我想再问一下", "我想再问一下"),
        ("回来再南通见", "回来再南通见"),
    ],
)
def test_homophone_slips(text: str, expected: str) -> None:
    assert mend_homophone_slips(text) == expected


def test_trying_alone_is_no_purpose(rules_only: FaqEngine) -> None:
    """Only "trying to achieve" is a purpose, not every "trying" ("trying to see if I fit")."""
    assert "purpos" in rules_only.matcher.analyse("what were they trying to achieve").words
    assert "purpos" not in rules_only.matcher.analyse("trying to see if my skills fit").words


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        (
            "I'm weighing two cities and Suzhou lists dozens of sectors. How many key chains "
            "does Tongzhou have?",
            "industrial-chains",
        ),
        # a curly apostrophe is no quotation mark
        (
            "I\u2019m weighing two cities and Suzhou lists dozens of sectors. How many key "
            "chains does Tongzhou have?",
            "industrial-chains",
        ),
        (
            "Teacher here. My class is visiting next month. Which province is Tongzhou in?",
            "tongzhou-location",
        ),
        (
            "I missed the spring trip because my visa got delayed. When was the overseas "
            "doctoral talent event held?",
            "doctoral-event-date",
        ),
    ],
)
def test_a_story_before_a_question_naming_its_subject_is_set_aside(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # the question points back at the story
        "I keep reading about a hackathon in Haimen. Who attended it?",
        "My family needs a flat. Is that covered by the policy?",
        "We may partner with a firm. Which part of Nantong is their headquarters in?",
        # the story sets the scope: a place or a year the sources do not speak of
        "Context: Kunshan. What are the talent hubs?",
        "Suzhou. How many talent projects were funded?",
        "This is about the 2019 event. When was the doctoral event held?",
        # a figure told, then checked
        "AlphaESS has 60 subsidiaries. Is that about right for AlphaESS?",
        # the asker's own story before a question about help
        "I need a grant for my lab. Does policy 3.0 help?",
    ],
)
def test_a_story_that_matters_is_kept(rules_only: FaqEngine, question: str) -> None:
    assert question_after_a_story_kept(rules_only, question)


def question_after_a_story_kept(engine: FaqEngine, question: str) -> bool:
    """The matcher reads the whole message, story included."""
    matcher = engine.matcher
    words_of = lambda text: matcher.analyse(text).words  # noqa: E731
    return without_a_story(question, words_of, matcher.index.vocabulary) == question


@pytest.mark.parametrize(
    "question",
    [
        "AlphaESS is in 70 countries. Do My Numbers Match?",
        "AlphaESS is in 70 countries. Accurate?",
        "'expanding services tailored to talent' in policy 3.0. What does Tongzhou offer?",
        "How many chains does Tongzhou have?",
        "我在比较几个城市。通州有几条产业链？",
    ],
)
def test_no_story_is_cut_away(question: str) -> None:
    assert question_after_a_story(question, lambda _: True) is None


@pytest.mark.parametrize(
    ("question", "entry_id", "note"),
    [
        (
            "How many projects has Tongzhou supported, and what is the application deadline?",
            "talent-projects-funding",
            "My sources say nothing about the rest of your question.",
        ),
        (
            "海外博士人才活动是哪天办的，还有门票多少钱",
            "doctoral-event-date",
            "您问题的其余部分，我的资料来源没有涉及。",
        ),
    ],
)
def test_one_answerable_part_of_two_is_answered_and_the_rest_owned_up_to(
    rules_only: FaqEngine, question: str, entry_id: str, note: str
) -> None:
    reply = rules_only.ask(question)
    assert (reply.kind, reply.entry_id) == ("answer", entry_id)
    assert reply.text.endswith(note)


@pytest.mark.parametrize(
    "question",
    [
        # neither part answered
        "Is AlphaESS hiring now, and what do they pay engineers?",
        # the declined part sets the scope: another place, a year
        "How many talent projects has Suzhou supported, and what is the total funding?",
        "How many projects did Tongzhou support in 2015, and what was the total funding?",
        # a part that only sets something aside asks nothing
        "除了艾罗能源，还有哪些储能企业",
        # a second question after a question mark leans on the first
        "will there be another doctoral event next year? dates?",
        "who qualifies for policy 3.0? do i need a phd",
    ],
)
def test_no_part_answered_declines(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"


def test_a_whole_answer_carries_no_note(rules_only: FaqEngine) -> None:
    reply = rules_only.ask("where is AlphaESS's headquarters, and which zone is it in?")
    assert reply.kind == "answer"
    assert "rest of your question" not in reply.text


def test_a_small_talk_threshold_above_any_score_switches_it_off(rules_only: FaqEngine) -> None:
    import dataclasses

    off = FaqEngine(
        rules_only.knowledge, dataclasses.replace(rules_only.settings, smalltalk_threshold=101.0)
    )
    assert off.ask("where is tongzhou").kind == "answer"
