"""Retries only when a request surely did not take effect, so nothing is ever sent twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bot_harness import fake_token
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.ext import AIORateLimiter

from bot.config import load_settings
from bot.faq import FaqEngine
from bot.telegram_bot.app import build_application
from bot.telegram_bot.ratelimit import RetryingRateLimiter


class Flaky:
    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.calls = 0

    async def __call__(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return {"ok": True}


async def send(limiter: RetryingRateLimiter, callback: Flaky) -> Any:
    return await limiter.process_request(
        callback, ("sendMessage", {}), {}, "sendMessage", {"chat_id": 1}, None
    )


async def test_server_errors_and_lost_connections_are_retried() -> None:
    limiter = RetryingRateLimiter(network_retries=3, network_backoff=0.0, max_retries=1)
    callback = Flaky(NetworkError("Internal Server Error (500)"), NetworkError("httpx.ReadError"))
    assert await send(limiter, callback) == {"ok": True}
    assert callback.calls == 3


@pytest.mark.parametrize("failure", [TimedOut(), BadRequest("Can't parse entities")])
async def test_timeouts_and_bad_requests_are_not_retried(failure: Exception) -> None:
    limiter = RetryingRateLimiter(network_retries=3, network_backoff=0.0, max_retries=1)
    callback = Flaky(failure)
    with pytest.raises(type(failure)):
        await send(limiter, callback)
    assert callback.calls == 1


async def test_gives_up_after_the_last_retry() -> None:
    limiter = RetryingRateLimiter(network_retries=2, network_backoff=0.0, max_retries=1)
    callback = Flaky(*(NetworkError("Bad Gateway") for _ in range(5)))
    with pytest.raises(NetworkError):
        await send(limiter, callback)
    assert callback.calls == 3


def test_the_application_uses_an_aio_rate_limiter_that_retries(tmp_path: Path) -> None:
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": fake_token(), "TALENT_BOT_DATA_DIR": str(tmp_path)}
    )
    application = build_application(settings, lambda: FaqEngine.load())
    limiter = application.bot.rate_limiter
    assert isinstance(limiter, AIORateLimiter)
    assert limiter._max_retries > 0
