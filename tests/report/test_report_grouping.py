"""Near-duplicate questions are grouped, in English and in Chinese; unrelated ones are not."""

from __future__ import annotations

import random

from bot.knowledge.model import KnowledgeBase, Position, SynonymGroup
from bot.report_gaps import gap_key, group_similar, synonyms_for


def grouped(questions: list[str], **options: object) -> list[set[str]]:
    synonyms = options.get("synonyms")
    keys = [gap_key(q, synonyms) for q in questions]  # type: ignore[arg-type]
    return [{questions[i] for i in members} for members in group_similar(keys)]


ENGLISH = [
    "housing subsidy?",
    "Housing subsidy",
    "housing subsidies please",
    "Is there a housing subsidy for graduates?",
]
CHINESE = ["住房补贴", "住房补贴有吗", "有没有住房补贴？", "请问住房补贴"]
OTHERS = ["visa for my wife", "parking at the office", "签证怎么办", "startup funding"]


def test_english_near_duplicates_group_together() -> None:
    groups = grouped(ENGLISH + OTHERS)
    assert set(ENGLISH) in groups
    assert all(len(group) == 1 for group in groups if group != set(ENGLISH))


def test_chinese_near_duplicates_group_together() -> None:
    groups = grouped(CHINESE + OTHERS)
    assert set(CHINESE) in groups
    assert {"签证怎么办"} in groups


def test_full_width_and_traditional_forms_group_with_simplified() -> None:
    groups = grouped(["住房补贴", "住房補貼", "ＨＯＵＳＩＮＧ　ＳＵＢＳＩＤＹ", "housing subsidy"])
    assert {"住房补贴", "住房補貼"} in groups
    assert {"ＨＯＵＳＩＮＧ　ＳＵＢＳＩＤＹ", "housing subsidy"} in groups


def test_biggest_group_first_and_the_same_groups_in_any_order() -> None:
    questions = ENGLISH + CHINESE[:2] + OTHERS
    expected = grouped(questions)
    assert expected[0] == set(ENGLISH)
    assert [len(g) for g in expected] == sorted((len(g) for g in expected), reverse=True)
    shuffled = questions[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert sorted(map(sorted, grouped(shuffled))) == sorted(map(sorted, expected))


def test_synonyms_group_across_wordings_and_languages() -> None:
    kb = KnowledgeBase(
        root="k",
        sources=(),
        topics=(),
        entries=(),
        smalltalk=(),
        synonyms=(
            SynonymGroup(("funding", "subsidy", "money", "补贴"), Position("s.yaml", 1, 1)),
            SynonymGroup(("startup", "startups", "start-up", "初创企业"), Position("s.yaml", 2, 1)),
        ),
    )
    questions = [
        "startup funding",
        "subsidy for startups",
        "money for a start-up",
        "初创企业补贴",
        "visa for my wife",
    ]
    without = grouped(questions)
    assert {"startup funding", "subsidy for startups"} not in without
    with_synonyms = grouped(questions, synonyms=synonyms_for(kb))
    assert set(questions[:4]) in with_synonyms
    assert {"visa for my wife"} in with_synonyms


def test_questions_without_words_still_have_a_group() -> None:
    questions = ["", "🙂🙂", "???", "what?"]
    groups = grouped(questions)
    assert set().union(*groups) == set(questions)
    assert gap_key("what?") == "what"  # only filler: kept rather than dropped
