"""``talent-bot report``: what people asked and didn't get answered, from the question log.

    talent-bot report                          # the last 7 days, as text
    talent-bot report --since 24h --format html --output report.html
    talent-bot report --from 2026-11-01 --to 2026-11-30 --format csv --output november.csv

``--since`` takes hours, days or weeks (``24h``, ``7d``, ``2w``); ``--from``/``--to`` take
dates, both included. Days are UTC unless ``--utc-offset`` says otherwise (``8`` for China).
The log is read from ``--data-dir`` (default: ``TALENT_BOT_DATA_DIR``, else ``./data``).
The knowledge folder (``TALENT_BOT_KNOWLEDGE_DIR``, else the shipped one) lends its synonyms
to grouping ("subsidy" with "funding") and names the closest entry for gaps whose log rows
named none; the report works without it.
Exit status: 0, or 2 for bad options or a log that cannot be read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from bot.config import DEFAULT_DATA_DIR
from bot.faq import FaqEngine
from bot.knowledge.loader import load_knowledge
from bot.paths import configured_knowledge_dir, env_path, shipped_knowledge_dir
from bot.report import DEFAULT_LIMIT, Report, build_report
from bot.report_formats import render_csv, render_json, render_text
from bot.report_gaps import DEFAULT_SIMILARITY
from bot.report_html import render_html
from bot.store import DB_FILE_NAME, QuestionLogUnavailable, read_questions

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "csv": render_csv,
    "html": render_html,
}
DEFAULT_SINCE = "7d"
_DURATION = re.compile(r"\s*(\d{1,5})\s*([hdw])\s*", re.IGNORECASE)
_UNIT_HOURS = {"h": 1, "d": 24, "w": 24 * 7}
_OFFSET = re.compile(r"\s*([+-]?)(\d{1,2})(?::(\d{2}))?\s*")


_EXAMPLES = """examples:
  talent-bot report                                   the last 7 days, as text
  talent-bot report --since 24h --format html --output report.html
  talent-bot report --from 2026-11-01 --to 2026-11-30 --format csv --output november.csv

Gaps are the declined questions and the "None of these" choices, grouped by similarity,
biggest first. Days and times are UTC unless --utc-offset is given (8 for China)."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = _EXAMPLES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="the data folder holding the question log (default: $TALENT_BOT_DATA_DIR or ./data)",
    )
    parser.add_argument(
        "--knowledge",
        "--knowledge-dir",
        dest="knowledge_dir",
        type=Path,
        metavar="DIR",
        help="knowledge folder for synonyms and closest entries "
        "(default: $TALENT_BOT_KNOWLEDGE_DIR or the shipped one)",
    )
    parser.add_argument(
        "--since",
        metavar="AGE",
        help=f"how far back: 24h, 7d, 2w ... (default {DEFAULT_SINCE} unless --from/--to)",
    )
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day")
    parser.add_argument(
        "--utc-offset",
        default="0",
        metavar="HOURS",
        help="time zone for days and times: 8, +08:00, -05:30 (default 0, UTC)",
    )
    parser.add_argument(
        "--format",
        choices=tuple(RENDERERS),
        default="text",
        help="text for people (default), json, csv for spreadsheets, or a self-contained html page",
    )
    parser.add_argument("--output", type=Path, metavar="FILE", help="write here, not stdout")
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"rows per list (default {DEFAULT_LIMIT}; 0 for all)",
    )
    parser.add_argument(
        "--similarity",
        type=float,
        default=DEFAULT_SIMILARITY,
        metavar="0-100",
        help=f"how alike questions must be to share a group (default {DEFAULT_SIMILARITY:g})",
    )


def run(args: argparse.Namespace, environ: Mapping[str, str] | None = None) -> int:
    env = os.environ if environ is None else environ
    now = dt.datetime.now(dt.UTC)
    try:
        timezone = parse_utc_offset(args.utc_offset)
        since, until = resolve_period(args.since, args.date_from, args.date_to, now, timezone)
    except ValueError as error:
        return _fail(str(error))
    if not 0 <= args.similarity <= 100:
        return _fail("--similarity must be between 0 and 100")
    data_dir: Path = args.data_dir or env_path("TALENT_BOT_DATA_DIR", env) or DEFAULT_DATA_DIR
    try:
        rows = read_questions(data_dir / DB_FILE_NAME, since, until)
    except QuestionLogUnavailable as error:
        return _fail(str(error))
    knowledge_dir = args.knowledge_dir or configured_knowledge_dir(env) or shipped_knowledge_dir()
    report = build_report(
        rows,
        since=since,
        until=until,
        limit=args.limit,
        similarity=args.similarity,
        engine=_engine(knowledge_dir),
        timezone=timezone,
    )
    output = RENDERERS[args.format](report)
    if args.output is None:
        sys.stdout.write(output)
        return 0
    try:
        # utf-8-sig for CSV: spreadsheet programs then read Chinese correctly.
        encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
        newline = "" if args.format == "csv" else None
        with args.output.open("w", encoding=encoding, newline=newline) as handle:
            handle.write(output)
    except OSError as error:
        return _fail(f"cannot write {args.output}: {error.strerror or error}")
    return 0


def resolve_period(
    since: str | None,
    date_from: str | None,
    date_to: str | None,
    now: dt.datetime,
    timezone: dt.timezone = dt.UTC,
) -> tuple[dt.datetime | None, dt.datetime]:
    """``(since, until)``, ``until`` exclusive; dates are days in ``timezone``.

    Raises ValueError with a message that names the option.
    """
    if since is not None and (date_from is not None or date_to is not None):
        raise ValueError("use either --since or --from/--to, not both")
    if date_from is None and date_to is None:
        return now - parse_age(since or DEFAULT_SINCE), now
    try:
        start = None if date_from is None else _day_start(date_from, "--from", timezone)
        end = now if date_to is None else _day_start(date_to, "--to", timezone) + dt.timedelta(1)
        # Compared in UTC, so a day at the edge of the calendar must survive the conversion.
        if start is not None:
            start.astimezone(dt.UTC)
        end.astimezone(dt.UTC)
    except OverflowError:
        raise ValueError("--from/--to: use dates between 0002-01-01 and 9998-12-30") from None
    if start is not None and start >= end:
        raise ValueError("--from must not be after --to")
    return start, end


def parse_age(text: str) -> dt.timedelta:
    found = _DURATION.fullmatch(text)
    if found is None or int(found.group(1)) == 0:
        raise ValueError(f"--since '{text}': use a number and h, d or w, like 24h, 7d or 2w")
    return dt.timedelta(hours=int(found.group(1)) * _UNIT_HOURS[found.group(2).lower()])


def parse_utc_offset(text: str) -> dt.timezone:
    found = _OFFSET.fullmatch(text)
    if found is not None:
        sign = -1 if found.group(1) == "-" else 1
        hours, minutes = int(found.group(2)), int(found.group(3) or 0)
        offset = dt.timedelta(hours=hours, minutes=minutes)
        if minutes < 60 and offset <= dt.timedelta(hours=14):
            return dt.UTC if not offset else dt.timezone(sign * offset)
    raise ValueError(f"--utc-offset '{text}': use hours like 8, +08:00 or -05:30")


def _day_start(text: str, option: str, timezone: dt.timezone) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{option} '{text}': use a date like 2026-11-24") from None
    return dt.datetime.combine(day, dt.time(), timezone)


def _engine(knowledge_dir: Path) -> FaqEngine | None:
    """The knowledge base as it is now, for synonyms and closest entries; None if unusable."""
    try:
        kb, _problems = load_knowledge(knowledge_dir)
        return None if kb is None else FaqEngine(kb)
    except Exception:  # the report works without it; never fail a report over it
        return None


def _fail(message: str) -> int:
    sys.stderr.write(f"talent-bot report: {message}\n")
    return 2
