"""Round 26's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest

from bot.faq import FaqEngine
from bot.matching.clauses import context_clauses


def outcome(engine: FaqEngine, question: str) -> tuple[str, str | None]:
    match = engine.matcher.match(question)
    return match.kind, match.entry_id


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a clause that asks nothing and names no subject, beside one that asks, is an aside
        ("quick one from a curious student - when was the doctoral event?", "doctoral-event-date"),
        (
            "fact-checking a feature on chinese districts - how many talent projects did "
            "tongzhou support?",
            "talent-projects-funding",
        ),
        ("thinking about a move back, what's policy 3.0 mainly about?", "policy-3-0"),
        ("forgive the basic question, what does alphaess do?", "alphaess-business"),
        ("battery engineer, thinking about a move - what does alphaess make?", "alphaess-business"),
        ("big fan of the district, why does tongzhou prioritise talent?", "talent-priority"),
        ("sorry to bother, where does your info come from?", "about-source"),
        # a clause asking yes or no, or whether, keeps the story beside it as context
        (
            "im a phd in leeds and was wondering whether tongzhou runs events for people abroad",
            "talent-events",
        ),
    ],
)
def test_round26_answers(shipped: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(shipped, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # an aside naming a subject, or a number, is asked about
        "housing subsidies, does policy 3.0 have them?",
        "salary wise, what does alphaess pay?",
        "before 3.0 there was a 2.0 version, what was in it",
        # "roughly?" alone asks too little to make the rest an aside
        "tongzhou district pop. roughly?",
    ],
)
def test_round26_declines(shipped: FaqEngine, question: str) -> None:
    assert outcome(shipped, question)[0] != "answer"


def test_a_decimal_point_is_no_clause_break() -> None:
    context, asked = context_clauses("before 3.0 there was a 2.0 version, what was in it")
    assert asked == ("before 3.0 there was a 2.0 version", "what was in it")
    assert context == ()


def test_an_aside_is_context_only_beside_a_plain_question() -> None:
    assert context_clauses("curious student here - when was the event?")[0] == (
        "curious student here",
    )
    assert context_clauses("long day, thinking of tongzhou")[0] == ()
