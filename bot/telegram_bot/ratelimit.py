"""Outgoing requests that survive Telegram's hiccups without being sent twice.

``AIORateLimiter`` already waits and retries after a 429 (``RetryAfter``). This subclass also
retries when the request surely did not take effect: a 5xx answer or a connection that failed
before any answer (PTB raises a plain ``NetworkError`` for both). It does not retry a
``TimedOut``: the server may have acted on the request, and a retry could answer a question
twice. ``BadRequest`` is a ``NetworkError`` subclass too and is never retried.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import NetworkError
from telegram.ext import AIORateLimiter

logger = logging.getLogger(__name__)

JSONDict = dict[str, Any]


class RetryingRateLimiter(AIORateLimiter):
    def __init__(
        self,
        *,
        network_retries: int = 3,
        network_backoff: float = 0.5,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.network_retries = network_retries
        self.network_backoff = network_backoff

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        for attempt in range(self.network_retries + 1):
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except NetworkError as exc:
                if type(exc) is not NetworkError or attempt == self.network_retries:
                    raise
                delay = self.network_backoff * 2**attempt
                logger.warning(
                    "%s failed (%s); retry %d of %d in %.1fs",
                    endpoint, exc, attempt + 1, self.network_retries, delay,
                )  # fmt: skip
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover
