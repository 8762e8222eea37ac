"""The report as one self-contained HTML page: inline CSS, an inline SVG chart, no scripts.

The page loads nothing from anywhere (its Content-Security-Policy forbids it), so it can be
mailed or opened offline. Every piece of text from the log is escaped.
"""

from __future__ import annotations

from html import escape

from bot.report import DayCounts, Report, zone_name
from bot.report_formats import OUTCOME_NAMES, format_score, local_minute, period_text, printable
from bot.report_gaps import other_wordings

COLOURS = {
    "answer": "#2e7d32",
    "suggest": "#f9a825",
    "decline": "#c62828",
    "smalltalk": "#78909c",
}
_OTHER_COLOUR = "#5e35b1"

_STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC",
       "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem;
       color: #1c1c1c; background: #fff; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
.period { color: #555; margin-top: 0; }
.cards { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
.card b { display: block; font-size: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #eee;
         vertical-align: top; }
th { background: #f5f5f5; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.lang { color: #666; font-size: .8rem; margin-right: .3rem; }
.empty { color: #777; font-style: italic; }
.legend span { display: inline-block; margin-right: 1rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem;
            vertical-align: -1px; }
svg text { font: 11px system-ui, sans-serif; fill: #444; }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _q(text: str) -> str:
    return _e(printable(text, 300))


def render_html(report: Report) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # Nothing external may load: no scripts at all, styles only from this page.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Question log report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Question log report</h1>",
        f'<p class="period">{_e(period_text(report))}</p>',
        _cards(report),
        "<h2>Questions per day</h2>",
        _chart(report.per_day),
        _legend(report),
        "<h2>Unanswered questions, grouped by similarity</h2>",
        _gaps(report),
        "<h2>Low-confidence answers</h2>",
        _low_confidence(report),
        "<h2>Entries with the most 👎</h2>",
        _disliked(report),
        "<h2>Totals</h2>",
        _totals(report),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _cards(report: Report) -> str:
    cards = [("questions", report.total), ("unanswered", report.unanswered)]
    cards += [(OUTCOME_NAMES.get(k, k), v) for k, v in report.by_outcome.items()]
    cards += [("👍", report.feedback_up), ("👎", report.feedback_down)]
    inner = "".join(f'<div class="card"><b>{_e(v)}</b>{_e(k)}</div>' for k, v in cards)
    return f'<div class="cards">{inner}</div>'


def _table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    if not rows:
        return '<p class="empty">None in this period.</p>'
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{cell}</td>' if index in numeric else f"<td>{cell}</td>"
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _gaps(report: Report) -> str:
    rows = []
    for rank, group in enumerate(report.gaps, start=1):
        examples = "<br>".join(
            f'<span class="lang">{_e(lang)}</span>{_q(text)}'
            for lang, text in group.examples.items()
        )
        others, more = other_wordings(group)
        if others:
            also = ", ".join(_q(text) for text in others) + (f" and {more} more" if more else "")
            examples += f"<br><small>also asked as: {also}</small>"
        rows.append(
            [
                _e(rank),
                _e(group.count),
                _e(group.people),
                _e(group.none_of_these),
                _e(group.answered_in_part),
                examples,
                _e(group.closest_entry_id or "")
                + ("" if group.closest_from_log else " <small>(today's knowledge)</small>"),
                _e(format_score(group.closest_score)),
            ]
        )
    headers = [
        "#",
        "asked",
        "people",
        "none of these",
        "answered in part",
        "example",
        "closest entry",
        "score",
    ]
    return _table(headers, rows, {0, 1, 2, 3, 4, 7})


def _low_confidence(report: Report) -> str:
    rows = [
        [
            _e(format_score(item.score)),
            _e(item.entry_id),
            f'<span class="lang">{_e(item.lang)}</span>{_q(item.question)}',
            _e(item.count),
            _e(item.up),
            _e(item.down),
            _e(local_minute(item.last_asked, report.timezone)),
        ]
        for item in report.low_confidence
    ]
    asked = f"last asked ({zone_name(report.timezone)})"
    headers = ["lowest score", "entry", "question", "times", "👍", "👎", asked]
    return _table(headers, rows, {0, 3, 4, 5})


def _disliked(report: Report) -> str:
    rows = [
        [_e(e.entry_id), _e(e.down), _e(e.up), _e(e.answered), _q(e.example)]
        for e in report.most_disliked
    ]
    return _table(["entry", "👎", "👍", "answers", "latest 👎 question"], rows, {1, 2, 3})


def _totals(report: Report) -> str:
    def share(count: int) -> str:
        return f"{100 * count / report.total:.1f}%" if report.total else ""

    rows = [
        [_e(OUTCOME_NAMES.get(k, k)), _e(v), _e(share(v))] for k, v in report.by_outcome.items()
    ]
    by_outcome = _table(["outcome", "questions", "share"], rows, {1, 2})
    rows = [[_e(k), _e(v), _e(share(v))] for k, v in report.by_language.items()]
    by_language = _table(["language", "questions", "share"], rows, {1, 2})
    return by_outcome + by_language


def _outcomes(days: tuple[DayCounts, ...]) -> list[str]:
    seen = list(COLOURS)
    for day in days:
        seen.extend(k for k in day.by_outcome if k not in seen)
    return seen


def _legend(report: Report) -> str:
    items = "".join(
        f'<span><i style="background:{COLOURS.get(k, _OTHER_COLOUR)}"></i>'
        f"{_e(OUTCOME_NAMES.get(k, k))}</span>"
        for k in _outcomes(report.per_day)
    )
    return f'<p class="legend">{items}</p>'


def _chart(days: tuple[DayCounts, ...]) -> str:
    """Stacked bars, one per day, answer at the bottom; a <title> on each part for hovering."""
    if not days:
        return '<p class="empty">No questions in this period.</p>'
    width, height = 960, 260
    left, right, top, bottom = 44, 10, 10, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((day.total for day in days), default=0)
    scale_max = _nice_ceiling(peak)
    slot = plot_w / len(days)
    bar = max(1.0, slot * 0.8)
    outcomes = _outcomes(days)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="Questions per day by outcome">'
    ]
    for step in range(5):  # horizontal grid with its labels
        value = scale_max * step / 4
        y = top + plot_h - plot_h * step / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#e0e0e0"/><text x="{left - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{value:g}</text>'
        )
    label_every = max(1, round(len(days) / 12))
    for index, day in enumerate(days):
        x = left + index * slot + (slot - bar) / 2
        y = float(top + plot_h)
        for outcome in outcomes:
            count = day.by_outcome.get(outcome, 0)
            if count == 0 or scale_max == 0:
                continue
            h = plot_h * count / scale_max
            y -= h
            tip = f"{day.day.isoformat()}: {count} {OUTCOME_NAMES.get(outcome, outcome)}"
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{COLOURS.get(outcome, _OTHER_COLOUR)}"><title>{_e(tip)}</title></rect>'
            )
        if index % label_every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle">{_e(day.day.strftime("%m-%d"))}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _nice_ceiling(value: int) -> int:
    """The next round number at or above ``value`` (so grid lines fall on round numbers)."""
    if value <= 4:
        return 4
    magnitude: int = 10 ** (len(str(value)) - 1)
    for factor in (1, 2, 4, 5, 8, 10):
        if factor * magnitude >= value and (factor * magnitude) % 4 == 0:
            return factor * magnitude
    return 10 * magnitude
