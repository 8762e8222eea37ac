"""Fixtures for the end-to-end tests: the fake Bot API, the real engine, a bot starter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bot_harness import RunningBot, StartBot, fake_token, launch
from fake_bot_api import FakeBotApi

from bot.faq import FaqEngine
from bot.telegram_bot.flood import FloodLimiter


@pytest.fixture(scope="session")
def engine() -> FaqEngine:
    return FaqEngine.load()


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi(token=fake_token()) as server:
        yield server


@pytest.fixture
def start_bot(api: FakeBotApi, engine: FaqEngine, tmp_path: Path) -> Iterator[StartBot]:
    """Start the real bot against ``api``; stopped (and checked) at the end of the test."""
    running: list[RunningBot] = []

    def start(
        mode: str = "polling", flood: FloodLimiter | None = None, **environ: str
    ) -> RunningBot:
        bot = launch(api, engine, tmp_path / "data", mode, flood, **environ)
        running.append(bot)
        return bot

    yield start
    for bot in running:
        bot.stop()
