"""A seeded question log for the report tests: the rows, their times and feedback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.store import QuestionLog

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)

# (question, lang, outcome, closest entry, score, user, hours ago)
SEED: list[tuple[str, str, str, str | None, float | None, int, float]] = [
    ("housing subsidy?", "en", "decline", "talent-funding", 31.0, 1, 2),
    ("Housing subsidy", "en", "decline", None, 12.0, 2, 5),
    ("housing subsidies please", "en", "decline", "talent-funding", 33.5, 3, 30),
    ("Housing subsidy", "en", "decline", None, 10.0, 2, 50),
    ("住房补贴", "zh", "decline", None, 8.0, 4, 3),
    ("住房补贴有吗", "zh", "decline", "talent-funding", 20.0, 5, 26),
    ("有没有住房补贴？", "zh", "decline", None, 15.0, 6, 70),
    ("where can I park my car", "en", "decline", None, 5.0, 7, 4),
    ("parking", "en", "decline", None, 3.0, 8, 100),
    ("visa for my wife", "en", "decline", None, 9.0, 9, 6),
    ("where is tongzhou", "en", "answer", "tongzhou-location", 96.0, 10, 1),
    ("tongzhou where", "en", "answer", "tongzhou-location", 55.0, 11, 7),
    ("tongzhou where", "en", "answer", "tongzhou-location", 52.0, 12, 8),
    ("how much money", "en", "answer", "talent-funding", 51.0, 13, 9),
    ("通州在哪里", "zh", "answer", "tongzhou-location", 90.0, 14, 10),
    ("hello", "en", "smalltalk", "greeting", 99.0, 15, 11),
]


async def seed_log(data_dir: Path) -> dict[str, int]:
    """The SEED rows, plus feedback and suggestion choices; returns row ids by label."""
    log = QuestionLog.start(data_dir, clock=lambda: NOW)
    ids: dict[str, int] = {}
    for question, lang, outcome, entry, score, user, hours in SEED:
        row_id = await log.record(
            question=question,
            lang=lang,
            outcome=outcome,
            entry_id=entry,
            score=score,
            user_id=user,
            asked_at=NOW - dt.timedelta(hours=hours),
        )
        assert row_id is not None
        ids[f"{question}/{user}"] = row_id
    # a "did you mean?" the user rejected: a gap; and one they resolved: not a gap
    rejected = await log.record(
        question="住房补贴多少钱",
        lang="zh",
        outcome="suggest",
        entry_id="talent-funding",
        score=40.0,
        user_id=16,
        asked_at=NOW - dt.timedelta(hours=12),
    )
    resolved = await log.record(
        question="funding?",
        lang="en",
        outcome="suggest",
        entry_id="talent-funding",
        score=45.0,
        user_id=17,
        asked_at=NOW - dt.timedelta(hours=13),
    )
    assert rejected is not None
    assert resolved is not None
    assert await log.mark_none_of_these(rejected, 16)
    assert await log.mark_chosen(resolved, 17, "talent-funding")
    assert await log.record_feedback(ids["tongzhou where/11"], 11, -1)
    assert await log.record_feedback(ids["tongzhou where/12"], 12, -1)
    assert await log.record_feedback(ids["where is tongzhou/10"], 10, 1)
    assert await log.record_feedback(ids["how much money/13"], 13, -1)
    # something old, outside a 7-day report
    await log.record(
        question="old housing subsidy",
        lang="en",
        outcome="decline",
        entry_id=None,
        score=None,
        user_id=1,
        asked_at=NOW - dt.timedelta(days=20),
    )
    await log.aclose()
    return ids
