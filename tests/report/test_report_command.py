"""``talent-bot report``: periods, formats, output files and clear failures."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from report_seed import NOW
from report_seed import seed_log as seed

from bot.cli import main
from bot.commands.report import parse_age, parse_utc_offset, resolve_period
from bot.store import QuestionLog


@pytest.fixture
async def recent(tmp_path: Path) -> Path:
    """A seeded log whose rows are relative to the real clock (the command uses now).

    The rows 26 and 50 hours old are exactly a day apart, so they fall on two different UTC
    dates whatever the time of day the tests run (30 and 50 shared a date before 06:00 UTC).
    """
    data = tmp_path / "data"
    log = QuestionLog.start(data)
    now = dt.datetime.now(dt.UTC)
    rows = [
        ("housing subsidy?", "en", "decline", 1, 1),
        ("Housing subsidy", "en", "decline", 2, 26),
        ("住房补贴", "zh", "decline", 3, 2),
        ("住房补贴有吗", "zh", "decline", 4, 50),
        ("<script>alert('x')</script> & <b>bold</b>", "en", "decline", 5, 3),
        ('=HYPERLINK("http://evil.example")', "en", "decline", 6, 4),
        ("where is tongzhou", "en", "answer", 7, 5),
        ("tongzhou where", "en", "answer", 8, 24 * 10),
    ]
    for question, lang, outcome, user, hours in rows:
        row_id = await log.record(
            question=question,
            lang=lang,
            outcome=outcome,
            entry_id="tongzhou-location" if outcome == "answer" else None,
            score=55.0 if outcome == "answer" else 10.0,
            user_id=user,
            asked_at=now - dt.timedelta(hours=hours),
        )
        if outcome == "answer":
            await log.record_feedback(row_id or 0, user, -1)
    await log.aclose()
    return data


def report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["report", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


async def test_text_report(recent: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = report(capsys, "--data-dir", str(recent))
    assert code == 0, err
    assert out.startswith("Question log report: ")
    assert "UNANSWERED QUESTIONS" in out
    assert "2× by 2 people" in out
    assert "en: “Housing subsidy”" in out or "en: “housing subsidy?”" in out
    assert "zh: “住房补贴" in out
    # Staff see the other wordings of a gap too, to write phrasings from.
    (en_example,) = re.findall(r"en: “([^”]*)”", out.split("LOW-CONFIDENCE")[0])[:1]
    other = ({"Housing subsidy", "housing subsidy?"} - {en_example}).pop()
    assert f"also asked as: “{other}”" in out
    assert "tongzhou where" not in out  # 10 days old: outside the default 7 days
    assert "where is tongzhou" in out  # a low-confidence answer
    assert "tongzhou-location: 1 👎" in out


async def test_data_dir_from_the_environment(
    recent: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TALENT_BOT_DATA_DIR", str(recent))
    code, out, _ = report(capsys, "--since", "2w")
    assert code == 0
    assert "tongzhou where" in out


async def test_json_report(recent: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(capsys, "--data-dir", str(recent), "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert set(document) == {
        "period",
        "totals",
        "gaps",
        "low_confidence",
        "most_disliked",
        "per_day",
    }
    assert document["totals"]["questions"] == 7
    assert [g["count"] for g in document["gaps"]] == [2, 2, 1, 1]
    assert {"住房补贴", "住房补贴有吗"} == set(document["gaps"][1]["phrasings"]) or {
        "住房补贴",
        "住房补贴有吗",
    } == set(document["gaps"][0]["phrasings"])
    assert document["most_disliked"][0]["entry_id"] == "tongzhou-location"
    assert len(document["per_day"]) == 8


async def test_csv_report_opens_as_one_clean_table(
    recent: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = report(capsys, "--data-dir", str(recent), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    sections = {row["section"] for row in rows}
    assert sections == {"gap", "low_confidence", "disliked", "outcome", "language", "day"}
    gaps = [row for row in rows if row["section"] == "gap"]
    assert [row["count"] for row in gaps] == ["2", "2", "1", "1"]
    # each gap's kinds add up to its count
    for row in gaps:
        kinds = (row["declined"], row["none_of_these"], row["answered_in_part"])
        assert sum(map(int, kinds)) == int(row["count"])
    # a formula typed by a stranger stays text in a spreadsheet
    assert '\'=HYPERLINK("http://evil.example")' in {row["question"] for row in gaps}
    outcomes = {row["outcome"]: row["count"] for row in rows if row["section"] == "outcome"}
    assert outcomes == {"answer": "1", "suggest": "0", "decline": "6", "smalltalk": "0"}


async def test_html_report_is_self_contained_and_escaped(
    recent: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = report(capsys, "--data-dir", str(recent), "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    assert not re.search(r"https?://", out.replace("http://evil.example", ""))
    assert "<script" not in out.lower()
    assert "<link" not in out.lower()
    assert "@import" not in out
    assert "src=" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in out
    assert "<svg" in out
    # the chart: one stacked bar segment per non-empty day and outcome, each with a tooltip
    assert out.count("<rect") == len(re.findall(r"<title>\d{4}-\d\d-\d\d: \d+ ", out)) >= 4
    assert "住房补贴" in out
    assert "<small>also asked as: 住房补贴" in out  # the group's other wording, under its example


async def test_output_file_and_utf8_bom_for_csv(
    recent: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "gaps.csv"
    code, out, _ = report(
        capsys, "--data-dir", str(recent), "--format", "csv", "--output", str(target)
    )
    assert code == 0
    assert out == ""
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsection,")  # Excel reads the Chinese correctly
    assert "住房补贴".encode() in data

    html = tmp_path / "report.html"
    assert (
        report(capsys, "--data-dir", str(recent), "--format", "html", "--output", str(html))[0] == 0
    )
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_date_range_includes_both_days(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    await seed(data)  # rows around 2026-11-21 .. 2026-11-24, one on 2026-11-04
    code, out, _ = report(
        capsys,
        "--data-dir",
        str(data),
        "--from",
        "2026-11-04",
        "--to",
        "2026-11-04",
        "--format",
        "json",
    )
    assert code == 0
    document = json.loads(out)
    assert document["totals"]["questions"] == 1
    assert document["gaps"][0]["phrasings"] == ["old housing subsidy"]
    code, out, _ = report(
        capsys,
        "--data-dir",
        str(data),
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-24",
        "--format",
        "json",
    )
    assert json.loads(out)["totals"]["questions"] == 18
    assert NOW.date().isoformat() == "2026-11-24"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "7x"], "--since '7x'"),
        (["--since", "0d"], "--since '0d'"),
        (["--since", "7d", "--from", "2026-11-01"], "either --since or --from/--to"),
        (["--from", "2026-11-31"], "--from '2026-11-31'"),
        (["--from", "2026-11-10", "--to", "2026-11-01"], "--from must not be after --to"),
        (["--similarity", "101"], "--similarity"),
    ],
)
async def test_bad_options_are_explained(
    recent: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = report(capsys, "--data-dir", str(recent), *args)
    assert code == 2
    assert out == ""
    assert message in err


def test_a_missing_log_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = report(capsys, "--data-dir", str(tmp_path / "nowhere"))
    assert code == 2
    assert "no question log at" in err


def test_an_unwritable_output_is_explained(
    recent: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = report(
        capsys, "--data-dir", str(recent), "--output", str(tmp_path / "missing-folder" / "r.txt")
    )
    assert code == 2
    assert "cannot write" in err


def test_period_parsing() -> None:
    assert parse_age("24h") == dt.timedelta(hours=24)
    assert parse_age("2W") == dt.timedelta(weeks=2)
    assert resolve_period(None, None, None, NOW) == (NOW - dt.timedelta(days=7), NOW)
    since, until = resolve_period(None, "2026-11-01", "2026-11-30", NOW)
    assert since == dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    assert until == dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    assert resolve_period(None, None, "2026-11-01", NOW)[0] is None


@pytest.mark.parametrize(
    ("date_from", "date_to", "offset"),
    [("0001-01-01", None, 8), (None, "9999-12-31", -5), ("0001-01-01", "9999-12-31", 0)],
)
def test_dates_at_the_calendar_edge_are_a_usage_error(
    date_from: str | None, date_to: str | None, offset: int
) -> None:
    timezone = dt.timezone(dt.timedelta(hours=offset))
    with pytest.raises(ValueError, match="use dates between"):
        resolve_period(None, date_from, date_to, NOW, timezone)


@pytest.mark.parametrize(
    ("text", "hours"), [("0", 0), ("8", 8), ("+08:00", 8), ("-5:30", -5.5), ("14", 14)]
)
def test_utc_offsets(text: str, hours: float) -> None:
    assert parse_utc_offset(text).utcoffset(None) == dt.timedelta(hours=hours)


@pytest.mark.parametrize("text", ["15", "8:60", "eight", "Asia/Shanghai", ""])
def test_bad_utc_offsets(text: str) -> None:
    with pytest.raises(ValueError, match="--utc-offset"):
        parse_utc_offset(text)


async def test_days_follow_the_utc_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    log = QuestionLog.start(data)
    # 20:00 UTC on the 10th is 04:00 on the 11th in China
    late = dt.datetime(2026, 11, 10, 20, 0, tzinfo=dt.UTC)
    await log.record(
        question="q",
        lang="en",
        outcome="decline",
        entry_id=None,
        score=None,
        user_id=1,
        asked_at=late,
    )
    await log.aclose()

    def days(*options: str) -> dict[str, int]:
        code, out, _ = report(capsys, "--data-dir", str(data), "--format", "json", *options)
        assert code == 0
        return {d["day"]: sum(d["by_outcome"].values()) for d in json.loads(out)["per_day"]}

    assert days("--from", "2026-11-10", "--to", "2026-11-11") == {
        "2026-11-10": 1,
        "2026-11-11": 0,
    }
    assert days("--from", "2026-11-10", "--to", "2026-11-11", "--utc-offset", "8") == {
        "2026-11-10": 0,
        "2026-11-11": 1,
    }
    # the 10th in China ends at 16:00 UTC, before the question
    assert days("--from", "2026-11-10", "--to", "2026-11-10", "--utc-offset", "+08:00") == {
        "2026-11-10": 0,
    }
    code, out, _ = report(
        capsys, "--data-dir", str(data), "--from", "2026-11-11", "--utc-offset", "8"
    )
    assert code == 0
    assert "2026-11-11 00:00 to" in out
    assert "(UTC+08:00)" in out
