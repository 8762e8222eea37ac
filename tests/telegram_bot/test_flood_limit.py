"""The flood limit: the limit passes, one notice, silence, then service again."""

from __future__ import annotations

import pytest

from bot.telegram_bot.flood import FloodLimiter, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_limit_then_one_notice_then_silence_until_the_window_passes() -> None:
    clock = Clock()
    limiter = FloodLimiter(limit=10, window=10.0, clock=clock)
    verdicts = [limiter.check(1) for _ in range(13)]
    assert verdicts == [Verdict.ALLOW] * 10 + [Verdict.NOTICE, Verdict.SILENT, Verdict.SILENT]
    clock.now = 9.9
    assert limiter.check(1) is Verdict.SILENT
    clock.now = 10.0
    again = [limiter.check(1) for _ in range(11)]
    assert again == [Verdict.ALLOW] * 10 + [Verdict.NOTICE]  # a new flood, a new notice


def test_users_are_counted_separately() -> None:
    limiter = FloodLimiter(limit=2, window=10.0, clock=Clock())
    assert [limiter.check(1) for _ in range(3)][-1] is Verdict.NOTICE
    assert limiter.check(2) is Verdict.ALLOW


def test_sliding_window() -> None:
    clock = Clock()
    limiter = FloodLimiter(limit=2, window=10.0, clock=clock)
    assert limiter.check(1) is Verdict.ALLOW
    clock.now = 6.0
    assert limiter.check(1) is Verdict.ALLOW
    clock.now = 10.5  # the first message left the window, the second has not
    assert limiter.check(1) is Verdict.ALLOW
    assert limiter.check(1) is Verdict.NOTICE


def test_idle_users_are_forgotten() -> None:
    clock = Clock()
    limiter = FloodLimiter(limit=1, window=1.0, clock=clock)
    for user in range(10_000):
        limiter.check(user)
    clock.now = 5.0
    limiter.check(-1)
    assert len(limiter._users) == 1


def test_rejects_nonsense_limits() -> None:
    with pytest.raises(ValueError, match="limit"):
        FloodLimiter(limit=0)
