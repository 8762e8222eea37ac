from __future__ import annotations

import dataclasses

from port_kb import tiny_kb

from bot.faq import FaqEngine
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.problems import Severity
from bot.matching.selfcheck import check_phrasings_retrieve_their_entry


def test_the_shipped_phrasings_all_retrieve_their_own_entry(shipped: FaqEngine) -> None:
    assert check_phrasings_retrieve_their_entry(shipped.knowledge) == []


def with_museum_phrasing(phrasing: str) -> KnowledgeBase:
    """The port knowledge base with one more English phrasing for its museum entry."""
    kb = tiny_kb()
    museum = kb.entries[2]
    questions = {"en": (*museum.questions["en"], phrasing), "zh": museum.questions["zh"]}
    return dataclasses.replace(
        kb, entries=(*kb.entries[:2], dataclasses.replace(museum, questions=questions))
    )


ANSWER_EDITS = ' (an edited answer can cause this too: see "Which entry answers" in README.md)'


def test_the_wrong_entry_message_says_what_a_user_would_get_and_what_to_do() -> None:
    [problem] = check_phrasings_retrieve_their_entry(with_museum_phrasing("How much is the ferry?"))

    assert problem.message == (
        "phrasing 'How much is the ferry?' of entry 'museum' gets the answer of entry "
        "'ferry-price', so a user asking exactly this would get the wrong answer; make it more "
        "clearly about 'museum', or reword the phrasings of 'ferry-price'" + ANSWER_EDITS
    )


def test_the_vague_phrasing_messages_say_what_the_bot_does_instead() -> None:
    declined = check_phrasings_retrieve_their_entry(with_museum_phrasing("tell me more"))
    small_talk = check_phrasings_retrieve_their_entry(with_museum_phrasing("hello"))

    assert [p.message for p in (*declined, *small_talk)] == [
        "phrasing 'tell me more' of entry 'museum' does not get its own answer: the bot says "
        "it cannot answer it; make it more clearly about 'museum'" + ANSWER_EDITS,
        "phrasing 'hello' of entry 'museum' does not get its own answer: the bot takes it for "
        "small talk (a greeting, thanks, ...); make it more clearly about 'museum'" + ANSWER_EDITS,
    ]


def test_a_phrasing_answered_by_another_entry_is_an_error_at_its_place() -> None:
    kb = tiny_kb()
    museum = kb.entries[2]
    stolen = dataclasses.replace(
        museum,
        questions={
            "en": (*museum.questions["en"], "How much is the ferry?"),
            "zh": museum.questions["zh"],
        },
    )
    kb = dataclasses.replace(kb, entries=(*kb.entries[:2], stolen))
    problems = check_phrasings_retrieve_their_entry(kb)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert errors
    assert any("'How much is the ferry?'" in p.message and "museum" in p.message for p in errors)
    assert all(p.file == "test.yaml" for p in problems)


def test_a_vague_phrasing_is_a_warning() -> None:
    kb = tiny_kb()
    museum = kb.entries[2]
    vague = dataclasses.replace(
        museum,
        questions={"en": (*museum.questions["en"], "tell me more"), "zh": museum.questions["zh"]},
    )
    kb = dataclasses.replace(kb, entries=(*kb.entries[:2], vague))
    problems = check_phrasings_retrieve_their_entry(kb)
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert "'tell me more'" in problems[0].message
