"""A message asking two or three things, each answered by an entry of its own, gets every
answer: the first as the reply's entry, the others after it, with all their sources."""

from __future__ import annotations

import pytest

from bot.faq import FaqEngine
from bot.matching.messages import question_parts


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        # the whole was answered with the date alone
        (
            "when was the doctoral event, and who came?",
            ("doctoral-event-date", "doctoral-event-guests"),
        ),
        # ... "it" standing for AlphaESS, the first part's topic
        (
            "where is alphaess headquartered, and how many countries does it operate in?",
            ("alphaess-headquarters", "alphaess-global-reach"),
        ),
        (
            "博士活动是哪天办的，还有来了哪些专家？",
            ("doctoral-event-date", "doctoral-event-guests"),
        ),
        # broken where only two answers of one topic are trusted: a question mark, a comma
        # between Chinese clauses, "and" with no comma
        (
            "AlphaESS总部在哪？在多少个国家有业务？",
            ("alphaess-headquarters", "alphaess-global-reach"),
        ),
        (
            "艾罗能源哪年来的，现在业务覆盖多少国家？",
            ("alphaess-talent-project", "alphaess-global-reach"),
        ),
        (
            "when did alphaess come and how many countries is it in?",
            ("alphaess-talent-project", "alphaess-global-reach"),
        ),
    ],
)
def test_each_part_gets_its_answer(
    shipped: FaqEngine, question: str, entries: tuple[str, ...]
) -> None:
    match = shipped.matcher.match(question)
    assert match.kind == "answer"
    assert match.each_part == entries
    reply = shipped.ask(question)
    assert reply.entry_id in entries
    answers = [shipped.knowledge.entry(entry_id) for entry_id in entries]
    # every answer, in the order asked
    assert reply.text == "\n\n".join(entry.answer[reply.lang] for entry in answers if entry)
    for entry in answers:
        assert entry is not None
        quotes = {citation.quote for citation in entry.citations}
        assert quotes <= {source.quote for source in reply.sources}
    # the entries answered are not offered again as follow-ups
    assert not {related.entry_id for related in reply.related} & set(entries)
    # the command line's shape stays one entry
    assert reply.to_json()["entry_id"] == reply.entry_id


@pytest.mark.parametrize(
    "question",
    [
        # "it" is the article, whose date is about-source's: not the policy's launch
        "which article are you quoting, and when did it come out?",
        # a follow-up leaning on the question before, read alone, is another topic's
        "博士活动办了几天？具体哪两天",
        "is ur info current or is it from some old article? what date",
        # one part the sources answer, one they do not: the one answer, saying so
        "when was the doctoral event held, and was the weather nice?",
        # one question
        "when was the doctoral event",
    ],
)
def test_no_second_answer_without_a_part_of_its_own(shipped: FaqEngine, question: str) -> None:
    assert shipped.matcher.match(question).each_part == ()


def test_one_part_answered_still_says_the_rest_is_not_covered(shipped: FaqEngine) -> None:
    reply = shipped.ask("when was the doctoral event held, and was the weather nice?")
    assert reply.kind == "answer"
    assert reply.entry_id == "doctoral-event-date"
    assert reply.partial


def test_loose_breaks_let_a_told_clause_lead_into_the_next_question() -> None:
    assert question_parts("我在英国读博，具体是什么时候，都有谁参加了？", loose=True) == [
        "我在英国读博, 具体是什么时候",
        "都有谁参加了？",
    ]
    # only the surer breaks without ``loose``
    assert question_parts("艾罗能源哪年来的，现在业务覆盖多少国家？") == []
    # one thing set aside and one question asked
    assert question_parts("除了AlphaESS，还有哪些储能企业", loose=True) == []


def test_the_entry_is_the_whole_messages_answer_where_there_is_one(shipped: FaqEngine) -> None:
    # What the self-check asks of a phrasing asking two things ("通州支持了多少人才项目，资助了
    # 多少资金？" is the funding entry's): it retrieves its own entry, whatever the parts'.
    question = "通州支持了多少人才项目，资助了多少资金？"
    assert shipped.matcher.match(question).entry_id == "talent-projects-funding"
    assert shipped.matcher.match("when was the doctoral event, and who came?").entry_id == (
        "doctoral-event-date"
    )
