"""Proof of life for ``talent-bot healthcheck`` in polling mode: a file the bot keeps fresh.

The file is written at start-up and after every ``getUpdates`` the Bot API answers (a long
poll returns at least every ``LONG_POLL_SECONDS`` when nobody writes), at most once a second.
So the check fails not only when the event loop is stuck, but also when the bot cannot poll:
the network is down, the token was revoked, or another instance polls with the same token
(Telegram then answers 409 Conflict to one of them). In webhook mode the health check tries
the port instead, and there is no file.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.health import heartbeat_path, write_heartbeat

logger = logging.getLogger(__name__)

# Refresh the heartbeat at most this often (it is a file write).
HEARTBEAT_MIN_GAP = 1.0
# How long one poll for updates waits for a message: an idle bot's heartbeat is this old at most
# (plus the round trip), well inside health.HEARTBEAT_MAX_AGE.
LONG_POLL_SECONDS = 10


@dataclass
class Heartbeat:
    """Writes ``<data dir>/heartbeat`` when told to beat, in a worker thread."""

    settings: Settings
    last: float = 0.0
    failed: bool = False
    writing: asyncio.Future[None] | None = field(default=None, repr=False)

    def beat(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < HEARTBEAT_MIN_GAP:
            return
        if self.writing is not None and not self.writing.done():
            return  # a slow disk: one write at a time
        self.last = now
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.write()
            return
        # In a worker thread: a slow or stuck disk must not stall the event loop, and with it
        # every chat's answers.
        self.writing = loop.run_in_executor(None, self.write)

    def write(self) -> None:
        try:
            write_heartbeat(self.settings.data_dir)
        except OSError as exc:
            if not self.failed:  # say it once, not every ten seconds
                logger.error("Cannot write the heartbeat in %s: %s", self.settings.data_dir, exc)
            self.failed = True
        else:
            self.failed = False

    def start(self) -> None:
        """Beat now: the Bot API has just answered the start-up requests."""
        self.beat(force=True)

    async def stop(self) -> None:
        """Remove the file: a bot that shut down is not healthy."""
        if self.writing is not None:  # let a write in flight finish before removing the file
            with contextlib.suppress(Exception):
                await self.writing
        with contextlib.suppress(OSError):
            heartbeat_path(self.settings.data_dir).unlink(missing_ok=True)


class PollingRequest(HTTPXRequest):
    """The connection ``getUpdates`` uses, which beats the heartbeat whenever the Bot API
    answers a poll. Built as python-telegram-bot builds its own: one connection."""

    def __init__(self, heartbeat: Heartbeat) -> None:
        super().__init__(connection_pool_size=1)
        self._heartbeat = heartbeat

    async def do_request(
        self, url: str, method: str, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        code, payload = await super().do_request(url, method, *args, **kwargs)
        if code == HTTPStatus.OK:
            self._heartbeat.beat()
        return code, payload
