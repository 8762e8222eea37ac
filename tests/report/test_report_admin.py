"""What the admin commands show: /stats and /unanswered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from report_seed import NOW

from bot.report_admin import (
    fetch_stats,
    fetch_unanswered,
    format_groups_text,
    stats_summary,
    top_unanswered_groups,
)
from bot.store import DB_FILE_NAME, QuestionLog


async def test_stats_summary_for_the_admin_command(seeded: Path) -> None:
    summary = stats_summary(seeded, NOW)
    assert summary.all_time.total == 19
    assert summary.all_time.top_entries[0] == ("tongzhou-location", 4)
    # today: rows asked since midnight UTC (hours ago <= 12)
    assert summary.today.total == sum(
        1 for hours in (2, 5, 3, 4, 6, 1, 7, 8, 9, 10, 11, 12) if hours <= 12
    )
    assert summary.today.by_outcome["decline"] == 5
    text = summary.to_text()
    assert text.startswith("Today (UTC): 12 questions")
    assert "All time: 19 questions" in text
    assert "tongzhou-location 4" in text


async def test_top_unanswered_groups_for_the_admin_command(seeded: Path) -> None:
    groups = top_unanswered_groups(seeded / DB_FILE_NAME, since=None, limit=2)
    assert len(groups) == 2
    assert groups[0].count == 5  # with the 20-day-old "old housing subsidy"
    text = format_groups_text(groups)
    assert text.startswith("1. 5× (3 people)\n   en: Housing subsidy\n")
    # the group's other wordings, for writing phrasings from
    assert "\n   also: old housing subsidy; housing subsidies please; housing subsidy?\n" in text
    assert "closest: talent-funding (34)" in text
    assert format_groups_text([]) == "No unanswered questions in this period."


async def test_async_helpers_see_rows_still_in_the_queue(tmp_path: Path) -> None:
    log = QuestionLog.start(tmp_path / "data")
    for user in range(3):
        await log.record(
            question="住房补贴有吗",
            lang="zh",
            outcome="decline",
            entry_id=None,
            score=None,
            user_id=user,
        )
    summary = await fetch_stats(log, dt.datetime.now(dt.UTC))  # no explicit flush first
    assert summary.today.total == 3
    assert summary.today.unanswered == 3
    groups = await fetch_unanswered(log, since=None)
    assert [(g.count, g.people, g.examples) for g in groups] == [(3, 3, {"zh": "住房补贴有吗"})]
    await log.aclose()


async def test_the_current_engine_names_closest_entries_the_log_lacks(tmp_path: Path) -> None:
    from bot.faq import FaqEngine

    engine = FaqEngine.load()
    log = QuestionLog.start(tmp_path / "data")
    for user, (question, entry, score) in enumerate(
        [
            ("housing subsidy for a phd?", None, None),  # logged without a candidate
            ("housing subsidy for phd", None, None),
            ("xylophone", None, None),  # nothing in the knowledge base is near
            ("住房补贴有吗", "logged-entry", 21.0),  # logged with one
        ]
    ):
        await log.record(
            question=question,
            lang="zh" if entry else "en",
            outcome="decline",
            entry_id=entry,
            score=score,
            user_id=user,
        )
    groups = {
        next(iter(g.examples.values())): g
        for g in await fetch_unanswered(log, since=None, engine=engine)
    }
    await log.aclose()

    phd = groups["housing subsidy for a phd?"]
    expected = engine.matcher.match("housing subsidy for a phd?", "en").candidates[0]
    assert (phd.closest_entry_id, phd.closest_score) == (expected.entry_id, expected.score)
    assert not phd.closest_from_log
    assert groups["xylophone"].closest_entry_id is None
    assert (groups["住房补贴有吗"].closest_entry_id, groups["住房补贴有吗"].closest_from_log) == (
        "logged-entry",
        True,
    )
