"""What the Telegram admin commands show: ``/stats`` and ``/unanswered``.

From async code call ``fetch_stats`` and ``fetch_unanswered`` (they flush the log, then
read it in a thread), and send ``StatsSummary.to_text()`` / ``format_groups_text(groups)``
(plain text: escape it before sending as HTML).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.faq import FaqEngine
from bot.report import OUTCOMES, shorten, zone_name
from bot.report_gaps import DEFAULT_SIMILARITY, GapGroup, gap_groups, other_wordings
from bot.store import DB_FILE_NAME, LoggedQuestion, QuestionLog, read_questions


@dataclass(frozen=True)
class PeriodStats:
    total: int
    unanswered: int
    by_outcome: dict[str, int]
    by_language: dict[str, int]
    top_entries: tuple[tuple[str, int], ...]  # (entry id, times answered), most first


@dataclass(frozen=True)
class StatsSummary:
    today: PeriodStats  # since midnight in ``timezone``
    all_time: PeriodStats  # everything kept (the retention period)
    timezone: dt.timezone = dt.UTC

    def to_text(self) -> str:
        """Plain text for /stats (escape it before sending as HTML)."""
        lines: list[str] = []
        today = f"Today ({zone_name(self.timezone)})"
        for title, stats in ((today, self.today), ("All time", self.all_time)):
            lines.append(f"{title}: {stats.total} questions, {stats.unanswered} unanswered")
            outcomes = ", ".join(f"{k} {v}" for k, v in stats.by_outcome.items())
            lines.append(f"  by outcome: {outcomes}")
            languages = ", ".join(f"{k} {v}" for k, v in stats.by_language.items()) or "none"
            lines.append(f"  by language: {languages}")
            entries = ", ".join(f"{e} {n}" for e, n in stats.top_entries) or "none"
            lines.append(f"  top entries: {entries}")
        return "\n".join(lines)


def _period_stats(rows: Sequence[LoggedQuestion], top: int) -> PeriodStats:
    by_outcome = dict.fromkeys(OUTCOMES, 0)
    by_outcome.update(Counter(row.outcome for row in rows))
    answered = Counter(row.entry_id for row in rows if row.outcome == "answer" and row.entry_id)
    ranked = sorted(answered.items(), key=lambda item: (-item[1], item[0]))[:top]
    return PeriodStats(
        total=len(rows),
        unanswered=sum(1 for row in rows if row.unanswered),
        by_outcome=by_outcome,
        by_language=dict(sorted(Counter(row.lang for row in rows).items())),
        top_entries=tuple((entry or "", count) for entry, count in ranked),
    )


def _db_path(log: QuestionLog | Path) -> Path:
    if isinstance(log, QuestionLog):
        return log.path
    return log / DB_FILE_NAME if log.is_dir() else log


def stats_summary(
    log: QuestionLog | Path, now: dt.datetime, top: int = 5, timezone: dt.timezone = dt.UTC
) -> StatsSummary:
    """``/stats``: today and all time. ``log`` is the log, its data folder or its file.

    Raises ``bot.store.QuestionLogUnavailable`` if the log cannot be read.
    """
    rows = read_questions(_db_path(log))
    midnight = now.astimezone(timezone).replace(hour=0, minute=0, second=0, microsecond=0)
    today = [row for row in rows if midnight <= row.asked_at]
    return StatsSummary(
        today=_period_stats(today, top), all_time=_period_stats(rows, top), timezone=timezone
    )


def top_unanswered_groups(
    log: QuestionLog | Path,
    since: dt.datetime | None,
    limit: int = 10,
    engine: FaqEngine | None = None,
) -> list[GapGroup]:
    """``/unanswered``: the biggest gap groups since ``since`` (None: everything kept).

    Pass the current engine to group with its synonyms and name the closest entries. Raises
    ``bot.store.QuestionLogUnavailable`` if the log cannot be read.
    """
    rows = read_questions(_db_path(log), since=since)
    return gap_groups(rows, DEFAULT_SIMILARITY, engine, limit)


async def fetch_stats(
    log: QuestionLog, now: dt.datetime, timezone: dt.timezone = dt.UTC
) -> StatsSummary:
    """``/stats`` from async code: flushes the log, then reads it off the event loop."""
    await log.flush()
    return await asyncio.to_thread(stats_summary, log, now, 5, timezone)


async def fetch_unanswered(
    log: QuestionLog,
    since: dt.datetime | None,
    limit: int = 10,
    engine: FaqEngine | None = None,
) -> list[GapGroup]:
    """``/unanswered`` from async code: flushes the log, then groups off the event loop."""
    await log.flush()
    return await asyncio.to_thread(top_unanswered_groups, log, since, limit, engine)


def format_groups_text(groups: Sequence[GapGroup]) -> str:
    """Plain text for /unanswered (escape it before sending as HTML)."""
    if not groups:
        return "No unanswered questions in this period."
    lines: list[str] = []
    for number, group in enumerate(groups, start=1):
        people = "person" if group.people == 1 else "people"
        in_part = f", {group.answered_in_part} answered in part" if group.answered_in_part else ""
        lines.append(f"{number}. {group.count}× ({group.people} {people}{in_part})")
        lines.extend(f"   {lang}: {shorten(text)}" for lang, text in group.examples.items())
        others, more = other_wordings(group)
        if others:
            also = "; ".join(shorten(text) for text in others)
            lines.append(f"   also: {also}" + (f" (+{more})" if more else ""))
        if group.closest_entry_id is not None:
            score = "" if group.closest_score is None else f" ({group.closest_score:.0f})"
            lines.append(f"   closest: {group.closest_entry_id}{score}")
    return "\n".join(lines)
