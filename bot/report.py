"""What the question log says: the gaps, the weak answers, the disliked entries, the totals.

``build_report`` turns logged rows into a ``Report`` (plain data); ``bot.report_formats`` and
``bot.report_html`` render it. The Telegram admin commands call ``fetch_stats`` and
``fetch_unanswered`` (async; the blocking reads run in a thread), then ``.to_text()`` /
``format_groups_text`` for a plain-text message.

Gaps are the declined questions plus the "None of these" choices after a suggestion, grouped
by similarity so the most common missing answers come first. Grouping compares content
tokens (the matcher's normaliser, English stopwords dropped and words lightly stemmed,
Chinese character by character minus filler phrases) with rapidfuzz's ``token_set_ratio``:
each distinct phrasing, most frequent first, joins the most similar existing group at or
above the threshold, or starts a new one. The same log always gives the same groups.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

from bot.faq import FaqEngine
from bot.knowledge.model import LANGS, KnowledgeBase
from bot.matching.analysis import SynonymMap, raw_tokens, stop_mask
from bot.matching.normalise import is_han, normalise
from bot.matching.outcome import Candidate
from bot.matching.settings import MatchSettings
from bot.matching.words import ENGLISH_STOPWORDS, stem
from bot.store import DB_FILE_NAME, LoggedQuestion, QuestionLog, read_questions

OUTCOMES: tuple[str, ...] = ("answer", "suggest", "decline", "smalltalk")
DEFAULT_SIMILARITY = 80.0
DEFAULT_LIMIT = 20
# Answers below the matcher's "sure" score were given on a thin margin: worth a look.
LOW_CONFIDENCE_BELOW = MatchSettings().sure_threshold

_T = TypeVar("_T")


# --- grouping --------------------------------------------------------------------------------


def synonyms_for(kb: KnowledgeBase) -> SynonymMap:
    """The knowledge base's synonym groups, so "subsidy" and "funding" group together."""
    return SynonymMap(group.terms for group in kb.synonyms)


def gap_key(question: str, synonyms: SynonymMap | None = None) -> str:
    """The content of a question as space-separated tokens, for grouping near-duplicates."""
    tokens = [stem(token) for token in raw_tokens(normalise(question))]
    if synonyms is not None:
        tokens = synonyms.replace(tokens)
    kept: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        mask = stop_mask("".join(run))
        kept.extend(char for char, stop in zip(run, mask, strict=True) if not stop)
        run.clear()

    for token in tokens:
        if len(token) == 1 and is_han(token):
            run.append(token)
            continue
        close_run()
        if token not in ENGLISH_STOPWORDS:
            kept.append(token)
    close_run()
    if not kept:  # only filler ("what?", "请问"): keep it as written rather than lose it
        kept = tokens
    return " ".join(kept)


def group_similar(keys: Sequence[str], threshold: float = DEFAULT_SIMILARITY) -> list[list[int]]:
    """Indexes of ``keys`` grouped by similarity; deterministic, biggest groups first."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        by_key[key].append(index)
    # Most frequent phrasing first, so it becomes its group's representative.
    ordered = sorted(by_key, key=lambda key: (-len(by_key[key]), key))
    representatives: list[str] = []
    groups: list[list[int]] = []
    for key in ordered:
        best = None
        if key and representatives:
            best = process.extractOne(
                key,
                representatives,
                scorer=fuzz.token_set_ratio,
                processor=None,  # keys are normalised already
                score_cutoff=threshold,
            )
        if best is None:
            representatives.append(key)
            groups.append(list(by_key[key]))
        else:
            groups[best[2]].extend(by_key[key])
    groups.sort(key=lambda members: (-len(members), min(members)))
    return [sorted(members) for members in groups]


# --- the report as data ------------------------------------------------------------------------


@dataclass(frozen=True)
class GapGroup:
    count: int  # times asked (declines plus "none of these")
    people: int  # distinct askers
    declined: int
    none_of_these: int
    examples: dict[str, str]  # language -> its most common phrasing in the group
    closest_entry_id: str | None  # the best candidate any of these questions came to
    closest_score: float | None
    last_asked: dt.datetime
    phrasings: tuple[str, ...]  # distinct phrasings, most common first
    # False when no logged row named a candidate and the closest entry was found by asking
    # today's knowledge base instead.
    closest_from_log: bool = True


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
        low_confidence=tuple(_capped(low_confidence_answers(rows), limit)),
        most_disliked=tuple(_capped(most_disliked_entries(rows), limit)),
        per_day=per_day(rows, since, until, timezone),
        timezone=timezone,
    )


def gap_groups(
    rows: Iterable[LoggedQuestion],
    similarity: float = DEFAULT_SIMILARITY,
    engine: FaqEngine | None = None,
    limit: int | None = None,
) -> list[GapGroup]:
    """Declines and "None of these" choices, grouped, biggest group first.

    With an ``engine``, its synonyms help grouping ("subsidy" with "funding"), and a group
    whose rows logged no candidate gets the closest entry in that engine's knowledge base.
    """
    synonyms = None if engine is None else synonyms_for(engine.knowledge)
    gaps = [row for row in rows if row.unanswered]
    keys = [gap_key(row.question, synonyms) for row in gaps]
    members_list = _capped(group_similar(keys, similarity), limit)
    groups = [_gap_group([gaps[i] for i in members]) for members in members_list]
    if engine is not None:
        groups = [_with_closest_now(group, engine) for group in groups]
    return groups


def _with_closest_now(group: GapGroup, engine: FaqEngine) -> GapGroup:
    if group.closest_entry_id is not None:
        return group
    best: Candidate | None = None
    for lang, example in group.examples.items():
        match = engine.matcher.match(example, lang if lang in LANGS else None)
        for candidate in match.candidates[:1]:
            if best is None or candidate.score > best.score:
                best = candidate
    if best is None:
        return group
    return replace(
        group, closest_entry_id=best.entry_id, closest_score=best.score, closest_from_log=False
    )


def _gap_group(members: list[LoggedQuestion]) -> GapGroup:
    phrasings = Counter(row.question.strip() for row in members)
    first_seen = {row.question.strip(): row.asked_at for row in reversed(members)}
    ranked = sorted(phrasings, key=lambda text: (-phrasings[text], first_seen[text], text))
    examples: dict[str, str] = {}
    for text in ranked:
        for row in members:
            if row.question.strip() == text:
                examples.setdefault(row.lang, text)
    candidates = [row for row in members if row.entry_id is not None]
    closest = max(candidates, key=lambda row: (row.score or 0.0, row.entry_id or ""), default=None)
    return GapGroup(
        count=len(members),
        people=len({row.user_hash for row in members}),
        declined=sum(1 for row in members if row.outcome == "decline"),
        none_of_these=sum(1 for row in members if row.none_of_these),
        examples=dict(sorted(examples.items())),
        closest_entry_id=None if closest is None else closest.entry_id,
        closest_score=None if closest is None else closest.score,
        last_asked=max(row.asked_at for row in members),
        phrasings=tuple(ranked),
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


def _capped(items: list[_T], limit: int | None) -> list[_T]:
    return items if limit is None or limit <= 0 else items[:limit]


# --- for the admin commands ----------------------------------------------------------------------


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


def zone_name(timezone: dt.timezone) -> str:
    """ "UTC", or "UTC+08:00"."""
    offset = timezone.utcoffset(None)
    if not offset:
        return "UTC"
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


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
        lines.append(f"{number}. {group.count}× ({group.people} {people})")
        lines.extend(f"   {lang}: {shorten(text)}" for lang, text in group.examples.items())
        if group.closest_entry_id is not None:
            score = "" if group.closest_score is None else f" ({group.closest_score:.0f})"
            lines.append(f"   closest: {group.closest_entry_id}{score}")
    return "\n".join(lines)


def shorten(text: str, limit: int = 200) -> str:
    """One line, at most ``limit`` characters: for lists of questions people read."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
