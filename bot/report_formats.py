"""The report as text for people, JSON for programs, and CSV for spreadsheets.

CSV layout: one table, one header, a ``section`` column saying what each row is, so a
spreadsheet opens it cleanly and a filter on ``section`` gives each table:

=============== =============================================================================
section         columns used
=============== =============================================================================
gap             rank (group), lang, count (times asked), people, entry_id + score (the
                closest entry), question (the group's example in that language); one row per
                language present in the group
low_confidence  rank, time (last asked), lang, entry_id, score (lowest), count, up, down,
                question; one row per phrasing and entry
disliked        rank, entry_id, count (times answered), up, down, question (latest 👎 example)
outcome         outcome, count
language        lang, count
day             time (the date, in the report's time zone), outcome, count
=============== =============================================================================

Cells that a spreadsheet would run as a formula (starting with ``= + - @``) get a leading
apostrophe: questions are typed by strangers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from typing import Any

from bot.report import Report, shorten, zone_name
from bot.report_gaps import GapGroup, other_wordings

CSV_COLUMNS = (
    "section",
    "rank",
    "time",
    "lang",
    "outcome",
    "entry_id",
    "score",
    "count",
    "people",
    "up",
    "down",
    # a gap's kinds: declined, "none of these", answered in part
    "declined",
    "none_of_these",
    "answered_in_part",
    "question",
)

OUTCOME_NAMES = {
    "answer": "answered",
    "suggest": "suggestions",
    "decline": "declined",
    "smalltalk": "small talk",
}


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def period_text(report: Report) -> str:
    zone = report.timezone
    start = "the oldest kept question" if report.since is None else local_minute(report.since, zone)
    return f"{start} to {local_minute(report.until, zone)} ({zone_name(zone)})"


def local_minute(moment: dt.datetime, timezone: dt.timezone) -> str:
    return moment.astimezone(timezone).strftime("%Y-%m-%d %H:%M")


def format_score(score: float | None) -> str:
    return "" if score is None else f"{score:.1f}"


# --- JSON ---------------------------------------------------------------------------------------


def _gap_json(group: GapGroup) -> dict[str, Any]:
    return {
        "count": group.count,
        "people": group.people,
        "declined": group.declined,
        "none_of_these": group.none_of_these,
        "answered_in_part": group.answered_in_part,
        "examples": group.examples,
        "closest_entry_id": group.closest_entry_id,
        "closest_score": group.closest_score,
        "closest_from_log": group.closest_from_log,
        "last_asked": _iso(group.last_asked),
        "phrasings": list(group.phrasings),
    }


def report_to_json(report: Report) -> dict[str, Any]:
    return {
        "period": {
            "since": None if report.since is None else _iso(report.since),
            "until": _iso(report.until),
        },
        "totals": {
            "questions": report.total,
            "unanswered": report.unanswered,
            "by_outcome": report.by_outcome,
            "by_language": report.by_language,
            "feedback": {"up": report.feedback_up, "down": report.feedback_down},
        },
        "gaps": [_gap_json(group) for group in report.gaps],
        "low_confidence": [
            {
                "question": item.question,
                "lang": item.lang,
                "entry_id": item.entry_id,
                "score": item.score,
                "count": item.count,
                "up": item.up,
                "down": item.down,
                "last_asked": _iso(item.last_asked),
            }
            for item in report.low_confidence
        ],
        "most_disliked": [
            {
                "entry_id": item.entry_id,
                "down": item.down,
                "up": item.up,
                "answered": item.answered,
                "example": item.example,
            }
            for item in report.most_disliked
        ],
        "per_day": [
            {"day": day.day.isoformat(), "by_outcome": day.by_outcome} for day in report.per_day
        ],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_to_json(report), ensure_ascii=False, indent=2) + "\n"


# --- CSV ----------------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = f"{value:.2f}" if isinstance(value, float) else str(value)
    if isinstance(value, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text  # a spreadsheet would otherwise evaluate it
    return text


def render_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()

    def row(section: str, **values: object) -> None:
        writer.writerow({"section": section, **{k: _cell(v) for k, v in values.items()}})

    for rank, group in enumerate(report.gaps, start=1):
        for lang, example in group.examples.items():
            row(
                "gap",
                rank=rank,
                lang=lang,
                count=group.count,
                people=group.people,
                declined=group.declined,
                none_of_these=group.none_of_these,
                answered_in_part=group.answered_in_part,
                entry_id=group.closest_entry_id,
                score=group.closest_score,
                question=example,
            )
    for rank, item in enumerate(report.low_confidence, start=1):
        row(
            "low_confidence",
            rank=rank,
            time=_iso(item.last_asked),
            lang=item.lang,
            entry_id=item.entry_id,
            score=item.score,
            count=item.count,
            up=item.up,
            down=item.down,
            question=item.question,
        )
    for rank, entry in enumerate(report.most_disliked, start=1):
        row(
            "disliked",
            rank=rank,
            entry_id=entry.entry_id,
            count=entry.answered,
            up=entry.up,
            down=entry.down,
            question=entry.example,
        )
    for outcome, count in report.by_outcome.items():
        row("outcome", outcome=outcome, count=count)
    for lang, count in report.by_language.items():
        row("language", lang=lang, count=count)
    for day in report.per_day:
        for outcome, count in day.by_outcome.items():
            row("day", time=day.day.isoformat(), outcome=outcome, count=count)
    return buffer.getvalue()


# --- text ---------------------------------------------------------------------------------------


def printable(text: str, limit: int = 200) -> str:
    """One line, no control characters (a question must not drive the terminal)."""
    cleaned = "".join("�" if unicodedata.category(c) == "Cc" else c for c in text)
    return shorten(cleaned, limit)


def _quoted(text: str) -> str:
    return f"“{printable(text)}”"


def render_text(report: Report) -> str:
    lines = [f"Question log report: {period_text(report)}", ""]
    outcomes = ", ".join(
        f"{count} {OUTCOME_NAMES.get(outcome, outcome)}"
        for outcome, count in report.by_outcome.items()
    )
    lines.append(f"{report.total} questions ({outcomes}); {report.unanswered} unanswered.")
    lines.append("")

    lines.append("UNANSWERED QUESTIONS, grouped by similarity (biggest gaps first)")
    if not report.gaps:
        lines.append("  none")
    for rank, group in enumerate(report.gaps, start=1):
        people = "person" if group.people == 1 else "people"
        detail = f"{group.declined} declined, {group.none_of_these} “none of these”"
        if group.answered_in_part:
            detail += f", {group.answered_in_part} answered in part"
        lines.append(f"{rank:>3}. {group.count}× by {group.people} {people} ({detail})")
        lines.extend(f"     {lang}: {_quoted(text)}" for lang, text in group.examples.items())
        others, more = other_wordings(group)
        if others:
            also = ", ".join(_quoted(text) for text in others)
            lines.append(f"     also asked as: {also}" + (f" and {more} more" if more else ""))
        if group.closest_entry_id is not None:
            closest = f"{group.closest_entry_id} (score {format_score(group.closest_score)}"
            closest += ")" if group.closest_from_log else ", by today's knowledge base)"
        else:
            closest = "none"
        lines.append(f"     closest entry: {closest}")
    lines.append("")

    lines.append("LOW-CONFIDENCE ANSWERS (lowest scores first)")
    if not report.low_confidence:
        lines.append("  none")
    for item in report.low_confidence:
        feedback = f", {item.up} 👍 {item.down} 👎" if item.up or item.down else ""
        lines.append(
            f"  {item.score:5.1f}  {item.entry_id}  {item.lang}  {_quoted(item.question)}"
            f"  ({item.count}×{feedback})"
        )
    lines.append("")

    lines.append("ENTRIES WITH THE MOST 👎")
    if not report.most_disliked:
        lines.append("  none")
    for entry in report.most_disliked:
        lines.append(
            f"  {entry.entry_id}: {entry.down} 👎, {entry.up} 👍 in {entry.answered} answers;"
            f" e.g. {_quoted(entry.example)}"
        )
    lines.append("")

    lines.append("TOTALS")
    for outcome, count in report.by_outcome.items():
        lines.append(
            f"  {OUTCOME_NAMES.get(outcome, outcome):<12} {count:>7}{_share(count, report)}"
        )
    for lang, count in report.by_language.items():
        lines.append(f"  {'lang ' + lang:<12} {count:>7}{_share(count, report)}")
    lines.append(f"  {'feedback':<12} {report.feedback_up:>5} 👍 {report.feedback_down:>5} 👎")
    return "\n".join(lines) + "\n"


def _share(count: int, report: Report) -> str:
    return f"  {100 * count / report.total:5.1f}%" if report.total else ""
