"""The running bot's heartbeat: written, throttled, and a failure is logged once."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from bot_harness import fake_token

from bot.config import load_settings
from bot.health import HEARTBEAT_MAX_AGE, read_heartbeat
from bot.telegram_bot.heartbeat import HEARTBEAT_MIN_GAP, LONG_POLL_SECONDS, Heartbeat

DOCS = Path(__file__).resolve().parents[2] / "docs"


def heartbeat(data_dir: Path) -> Heartbeat:
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": fake_token(), "TALENT_BOT_DATA_DIR": str(data_dir)}
    )
    return Heartbeat(settings)


def test_beats_are_written_and_throttled(tmp_path: Path) -> None:
    beat = heartbeat(tmp_path / "data")
    beat.beat()
    first = read_heartbeat(tmp_path / "data")
    assert first is not None
    beat.beat()  # within the minimum gap: no second write
    assert read_heartbeat(tmp_path / "data") == first


def test_an_unwritable_data_folder_is_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    beat = heartbeat(tmp_path / "data" / "sub")
    for _ in range(3):
        beat.beat(force=True)
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert "heartbeat" in errors[0].getMessage()


@pytest.mark.parametrize("doc", ["configuration.md", "deployment.md"])
def test_the_docs_say_how_often_the_heartbeat_is_rewritten(doc: str) -> None:
    text = " ".join((DOCS / doc).read_text(encoding="utf-8").split())
    assert re.search(rf"at least every {LONG_POLL_SECONDS:g} s(econds)? while idle", text)
    assert re.search(rf"a poll waits {LONG_POLL_SECONDS:g} s for a message", text)
    assert re.search(rf"(older|younger) than {HEARTBEAT_MAX_AGE:g} s(econds)?", text)
    assert LONG_POLL_SECONDS < HEARTBEAT_MAX_AGE / 2  # an idle bot is never near the limit
    assert HEARTBEAT_MIN_GAP == 1.0
    assert "at most once a second" in text
    assert "409 Conflict" in text
