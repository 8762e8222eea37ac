"""Updates from different chats run concurrently; updates from one chat run in order.

A user who sends three questions gets three answers in the order asked, while a slow request
in one chat (a 429 wait, a retry) does not hold up everybody else.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass, field

from telegram import Update
from telegram.ext import BaseUpdateProcessor


@dataclass
class _ChatQueue:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    pending: int = 0


class PerChatOrder(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._chats: dict[int, _ChatQueue] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[object]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:  # inline queries have no chat; they need no order
            await coroutine
            return
        queue = self._chats.setdefault(chat.id, _ChatQueue())
        queue.pending += 1
        try:
            async with queue.lock:
                await coroutine
        finally:
            queue.pending -= 1
            if queue.pending == 0:  # forget idle chats, so memory follows the active ones
                del self._chats[chat.id]

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None
