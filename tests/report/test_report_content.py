"""The report's sections, computed from a seeded log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from report_seed import NOW

from bot.report import build_report
from bot.store import DB_FILE_NAME, read_questions

WEEK_AGO = NOW - dt.timedelta(days=7)


def week_report(data: Path, **options: object):  # type: ignore[no-untyped-def]
    rows = read_questions(data / DB_FILE_NAME, WEEK_AGO, NOW)
    return build_report(rows, since=WEEK_AGO, until=NOW, **options)  # type: ignore[arg-type]


async def test_gaps_are_grouped_with_counts_examples_and_closest_entry(seeded: Path) -> None:
    report = week_report(seeded)
    first, second, third, fourth = report.gaps
    assert first.count == 4
    assert second.count == 4
    english = first if "en" in first.examples else second
    chinese = second if english is first else first
    assert english.examples == {"en": "Housing subsidy"}  # the most common phrasing
    assert english.people == 3
    assert english.declined == 4
    assert english.closest_entry_id == "talent-funding"
    assert english.closest_score == 33.5  # the best candidate any of them reached
    assert chinese.examples["zh"] in {
        "住房补贴",
        "住房补贴有吗",
        "有没有住房补贴？",
        "住房补贴多少钱",
    }
    assert chinese.none_of_these == 1
    assert chinese.closest_score == 40.0
    assert {third.count, fourth.count} == {2, 1}  # parking (2), visa (1)
    assert "old housing subsidy" not in {p for g in report.gaps for p in g.phrasings}
    # a suggestion the user resolved is not a gap
    assert all("funding?" not in g.phrasings for g in report.gaps)


async def test_low_confidence_answers_are_deduplicated_weakest_first(seeded: Path) -> None:
    items = week_report(seeded).low_confidence
    assert [(i.entry_id, i.question, i.score, i.count, i.down) for i in items] == [
        ("talent-funding", "how much money", 51.0, 1, 1),
        ("tongzhou-location", "tongzhou where", 52.0, 2, 2),
    ]  # the 90+ answers are sure ones, not listed


async def test_entries_with_most_thumbs_down(seeded: Path) -> None:
    disliked = week_report(seeded).most_disliked
    assert [(e.entry_id, e.down, e.up, e.answered) for e in disliked] == [
        ("tongzhou-location", 2, 1, 4),
        ("talent-funding", 1, 0, 1),
    ]
    assert disliked[0].example == "tongzhou where"


async def test_totals_and_days(seeded: Path) -> None:
    report = week_report(seeded)
    assert report.total == 18
    assert report.by_outcome == {"answer": 5, "suggest": 2, "decline": 10, "smalltalk": 1}
    assert report.by_language == {"en": 13, "zh": 5}
    assert report.unanswered == 11
    assert (report.feedback_up, report.feedback_down) == (1, 3)
    days = [d.day for d in report.per_day]
    assert days[0] == WEEK_AGO.date()
    assert days[-1] == NOW.date()
    assert len(days) == len(set(days)) == 8  # every day, even empty ones
    assert sum(d.total for d in report.per_day) == 18


async def test_limit_caps_each_list(seeded: Path) -> None:
    report = week_report(seeded, limit=1)
    assert len(report.gaps) == len(report.low_confidence) == len(report.most_disliked) == 1


def test_a_message_answered_in_part_is_a_gap(tmp_path: Path) -> None:
    import sqlite3

    from bot.report_gaps import gap_groups
    from bot.store.schema import MIGRATIONS, migrate

    path = tmp_path / DB_FILE_NAME
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, MIGRATIONS)
    for row_id, partial in ((1, 1), (2, 0)):
        connection.execute(
            "INSERT INTO questions (id, asked_at, lang, outcome, entry_id, score, question,"
            " user_hash, partial) VALUES (?, '2026-11-20T10:00:00.000000Z', 'en', 'answer',"
            " 'talent-projects-funding', 90.5, ?, 'h', ?)",
            (row_id, f"how many projects, and what is the deadline? {row_id}", partial),
        )
    connection.close()
    [group] = gap_groups(read_questions(path))
    assert (group.count, group.declined, group.answered_in_part) == (1, 0, 1)


def test_the_part_answered_is_no_lead_to_the_gap(tmp_path: Path) -> None:
    import sqlite3

    from bot.report_admin import format_groups_text
    from bot.report_gaps import gap_groups
    from bot.store.schema import MIGRATIONS, migrate

    path = tmp_path / DB_FILE_NAME
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, MIGRATIONS)
    for row_id, outcome, entry_id, score, partial in (
        (1, "answer", "talent-projects-funding", 90.5, 1),
        (2, "decline", "policy-3-0", 31.0, 0),
    ):
        connection.execute(
            "INSERT INTO questions (id, asked_at, lang, outcome, entry_id, score, question,"
            " user_hash, partial) VALUES (?, '2026-11-20T10:00:00.000000Z', 'en', ?, ?, ?,"
            " 'what is the application deadline', 'h', ?)",
            (row_id, outcome, entry_id, score, partial),
        )
    connection.close()
    [group] = gap_groups(read_questions(path))
    assert (group.closest_entry_id, group.closest_score) == ("policy-3-0", 31.0)
    assert "1 answered in part" in format_groups_text([group])
