"""The admin commands' pieces that need no chat: periods, reports, and the heartbeat's thread."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from bot_harness import fake_token

from bot.config import load_settings
from bot.faq import FaqEngine
from bot.health import read_heartbeat
from bot.reload import ReloadResult
from bot.telegram_bot.heartbeat import Heartbeat
from bot.telegram_bot.render import MAX_MESSAGE_CHARS, Rendered, render_staff_report
from bot.telegram_bot.staff import StaffTools, parse_period, reload_report


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ((), (dt.timedelta(days=7), "the last 7 days")),
        (("24h",), (dt.timedelta(hours=24), "the last 24 hours")),
        (("1d",), (dt.timedelta(days=1), "the last 1 day")),
        (("2", "W"), (dt.timedelta(weeks=2), "the last 2 weeks")),
        (("all",), (None, "all kept")),
    ],
)
def test_unanswered_periods(
    words: tuple[str, ...], expected: tuple[dt.timedelta | None, str]
) -> None:
    assert parse_period(words) == expected


@pytest.mark.parametrize("words", [("0d",), ("lately",), ("7",), ("-3d",), ("7d", "8d")])
def test_unreadable_periods_are_refused(words: tuple[str, ...]) -> None:
    assert parse_period(words) is None


def test_a_long_report_is_split_into_messages_each_a_whole_pre_block() -> None:
    errors = [f"policy.yaml:{n}:5: topic '<b>x</b>' & more does not exist" for n in range(400)]
    rendered = render_staff_report("⚠️ Not reloaded", "\n".join(errors))
    assert len(rendered.chunks) > 1
    shown = []
    for chunk in rendered.chunks:
        assert len(chunk) <= MAX_MESSAGE_CHARS
        assert chunk.count("<pre>") == chunk.count("</pre>") == 1
        assert "<b>x</b>" not in chunk  # escaped
        shown.append(chunk[chunk.index("<pre>") + 5 : chunk.index("</pre>")])
    assert [line for body in shown for line in html.unescape(body).splitlines()] == errors


def test_reload_reports_name_the_outcome(tmp_path: Path) -> None:
    failed = ReloadResult(False, tmp_path, ("policy.yaml:4:12: topic 'x' does not exist",), 1)
    (text,) = reload_report(failed).chunks
    assert "NOT reloaded: 1 error" in text
    assert "<pre>policy.yaml:4:12: topic 'x' does not exist</pre>" in text
    (text,) = reload_report(ReloadResult(True, tmp_path, (), 3)).chunks
    assert "reloaded" in text
    assert "(version 3)" in text
    assert "<pre>" not in text


async def test_the_running_bots_heartbeat_is_written_off_the_event_loop(tmp_path: Path) -> None:
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": fake_token(), "TALENT_BOT_DATA_DIR": str(tmp_path / "data")}
    )
    heartbeat = Heartbeat(settings)
    heartbeat.beat()
    assert heartbeat.writing is not None
    heartbeat.beat(force=True)  # one write at a time: this one is skipped, not queued
    await heartbeat.writing
    assert read_heartbeat(tmp_path / "data") is not None
    await heartbeat.stop()
    assert read_heartbeat(tmp_path / "data") is None


async def test_admins_hear_of_a_failure_then_of_the_first_success_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": fake_token(),
            "TALENT_BOT_DATA_DIR": str(tmp_path / "data"),
            "TALENT_BOT_ADMIN_IDS": "11,12",
        }
    )
    engine = FaqEngine.load()
    staff = StaffTools(settings, lambda: engine, question_log=False)
    told: list[tuple[int, str]] = []

    async def tell(chat_id: int, rendered: Rendered) -> None:
        told.append((chat_id, rendered.chunks[0]))

    monkeypatch.setattr(staff, "_tell", tell)
    failed = ReloadResult(False, tmp_path, ("x.yaml:1:1: broken",), 2)
    await staff.announce_reload(ReloadResult(True, tmp_path, (), 2))
    assert told == []  # a good reload with nothing to fix is only logged
    await staff.announce_reload(failed)
    await staff.announce_reload(failed)  # coalesced requests share one result
    assert [chat for chat, _ in told] == [11, 12]
    await staff.announce_reload(ReloadResult(True, tmp_path, (), 3))
    assert [chat for chat, _ in told] == [11, 12, 11, 12]
    assert "reloaded" in told[-1][1]
    await staff.announce_reload(ReloadResult(True, tmp_path, (), 4))
    assert len(told) == 4


def test_errors_at_start_up_say_a_cached_version_answers(tmp_path: Path) -> None:
    result = ReloadResult(False, tmp_path, ("x.yaml:1:1: broken",), 1, at_start=True)
    (text,) = reload_report(result).chunks
    assert "NOT loaded at start-up: 1 error" in text
    assert "last version without errors is answering" in text
