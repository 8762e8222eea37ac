from __future__ import annotations

import dataclasses

from port_kb import tiny_kb

from bot.faq import FaqEngine
from bot.knowledge.problems import Severity
from bot.matching.selfcheck import check_phrasings_retrieve_their_entry


def test_the_shipped_phrasings_all_retrieve_their_own_entry(shipped: FaqEngine) -> None:
    assert check_phrasings_retrieve_their_entry(shipped.knowledge) == []


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
