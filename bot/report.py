"""What the question log says: the gaps, the weak answers, the disliked entries, the totals.

``build_report`` turns one period's logged rows into a ``Report`` (plain data);
``bot.report_formats`` and ``bot.report_html`` render it. Gaps are grouped by
``bot.report_gaps``; the Telegram admin commands use ``bot.report_admin``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.faq import FaqEngine
from bot.matching.normalise import normalise
from bot.matching.settings import MatchSettings
from bot.report_gaps import DEFAULT_SIMILARITY, GapGroup, capped, gap_groups
from bot.store import LoggedQuestion

OUTCOMES: tuple[str, ...] = ("answer", "suggest", "decline", "smalltalk")
DEFAULT_LIMIT = 20
# Answers below the matcher's "sure" score were given on a thin margin: worth a look.
LOW_CONFIDENCE_BELOW = MatchSettings().sure_threshold


# --- the report as data ------------------------------------------------------------------------


@dataclass(frozen=True)
class LowConfidenceAnswer:
    """Answers given to one phrasing with one entry, below the "sure" score."""

    question: str
    lang: str
    entry_id: str
    score: float  # the lowest it scored
    count: int
    up: int
    down: int
    last_asked: dt.datetime


@dataclass(frozen=True)
class EntryFeedback:
    entry_id: str
    down: int
    up: int
    answered: int  # times it was the answer in the period
    example: str  # the latest question answered with it that got a 👎


@dataclass(frozen=True)
class DayCounts:
    day: dt.date
    by_outcome: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_outcome.values())


@dataclass(frozen=True)
class Report:
    since: dt.datetime | None
    until: dt.datetime
    total: int
    unanswered: int
    by_outcome: dict[str, int]
    by_language: dict[str, int]
    feedback_up: int
    feedback_down: int
    gaps: tuple[GapGroup, ...]
    low_confidence: tuple[LowConfidenceAnswer, ...]
    most_disliked: tuple[EntryFeedback, ...]
    per_day: tuple[DayCounts, ...] = field(default=())
    timezone: dt.timezone = dt.UTC  # for days and times shown (the log itself is UTC)


def build_report(
    rows: Sequence[LoggedQuestion],
    *,
    since: dt.datetime | None,
    until: dt.datetime,
    limit: int | None = DEFAULT_LIMIT,
    similarity: float = DEFAULT_SIMILARITY,
    engine: FaqEngine | None = None,
    timezone: dt.timezone = dt.UTC,
) -> Report:
    """Every section of the report from the rows of one period. ``limit`` caps each list."""
    by_outcome = dict.fromkeys(OUTCOMES, 0)
    by_outcome.update(Counter(row.outcome for row in rows))
    return Report(
        since=since,
        until=until,
        total=len(rows),
        unanswered=sum(1 for row in rows if row.unanswered),
        by_outcome=by_outcome,
        by_language=dict(sorted(Counter(row.lang for row in rows).items())),
        feedback_up=sum(1 for row in rows if row.feedback == 1),
        feedback_down=sum(1 for row in rows if row.feedback == -1),
        gaps=tuple(gap_groups(rows, similarity, engine, limit)),
        low_confidence=tuple(capped(low_confidence_answers(rows), limit)),
        most_disliked=tuple(capped(most_disliked_entries(rows), limit)),
        per_day=per_day(rows, since, until, timezone),
        timezone=timezone,
    )


def low_confidence_answers(
    rows: Iterable[LoggedQuestion], below: float = LOW_CONFIDENCE_BELOW
) -> list[LowConfidenceAnswer]:
    """Answers that scored under ``below``, one line per phrasing and entry, weakest first."""
    found: dict[tuple[str, str], list[LoggedQuestion]] = defaultdict(list)
    for row in rows:
        if row.outcome == "answer" and row.entry_id and row.score is not None and row.score < below:
            found[(row.entry_id, normalise(row.question))].append(row)
    items = [
        LowConfidenceAnswer(
            question=same[-1].question,
            lang=same[-1].lang,
            entry_id=entry_id,
            score=min(row.score or 0.0 for row in same),
            count=len(same),
            up=sum(1 for row in same if row.feedback == 1),
            down=sum(1 for row in same if row.feedback == -1),
            last_asked=same[-1].asked_at,
        )
        for (entry_id, _), same in found.items()
    ]
    items.sort(key=lambda item: (item.score, -item.count, item.entry_id, item.question))
    return items


def most_disliked_entries(rows: Iterable[LoggedQuestion]) -> list[EntryFeedback]:
    """Entries with at least one 👎, most 👎 first (then fewest 👍)."""
    down: Counter[str] = Counter()
    up: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    example: dict[str, str] = {}
    for row in rows:
        if row.outcome != "answer" or row.entry_id is None:
            continue
        answered[row.entry_id] += 1
        if row.feedback == -1:
            down[row.entry_id] += 1
            example[row.entry_id] = row.question  # rows are oldest first: keeps the latest
        elif row.feedback == 1:
            up[row.entry_id] += 1
    ranked = sorted(down, key=lambda entry: (-down[entry], up[entry], entry))
    return [
        EntryFeedback(entry, down[entry], up[entry], answered[entry], example[entry])
        for entry in ranked
    ]


def per_day(
    rows: Iterable[LoggedQuestion],
    since: dt.datetime | None,
    until: dt.datetime,
    timezone: dt.timezone = dt.UTC,
) -> tuple[DayCounts, ...]:
    """Questions per day (in ``timezone``) by outcome, every day of the period (zeros too)."""
    counts: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for row in rows:
        counts[row.asked_at.astimezone(timezone).date()][row.outcome] += 1
    if not counts and since is None:
        return ()
    first = since.astimezone(timezone).date() if since is not None else min(counts)
    last = (until - dt.timedelta(microseconds=1)).astimezone(timezone).date()
    if counts:
        first, last = min(first, min(counts)), max(last, max(counts))
    days = []
    day = first
    while day <= last:
        found = counts.get(day, Counter())
        by_outcome = {outcome: found.get(outcome, 0) for outcome in OUTCOMES}
        by_outcome.update({k: v for k, v in found.items() if k not in by_outcome})
        days.append(DayCounts(day, by_outcome))
        day += dt.timedelta(days=1)
    return tuple(days)


def zone_name(timezone: dt.timezone) -> str:
    """ "UTC", or "UTC+08:00"."""
    offset = timezone.utcoffset(None)
    if not offset:
        return "UTC"
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def shorten(text: str, limit: int = 200) -> str:
    """One line, at most ``limit`` characters: for lists of questions people read."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
