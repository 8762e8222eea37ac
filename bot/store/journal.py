"""The question log in the shape the chat adapter's hooks take (its ``QuestionJournal``).

    journal = LogJournal(QuestionLog.start(data_dir))

Buttons carry the row reference ``record`` returned, or None when nothing was logged; a
None reference, an old or a forged one changes nothing and raises nothing.
"""

from __future__ import annotations

from typing import Literal

from bot.answers import Reply
from bot.store.log import QuestionLog

Vote = Literal["up", "down"]


class LogJournal:
    def __init__(self, log: QuestionLog) -> None:
        self.log = log

    async def record(self, reply: Reply, user_id: int) -> int | None:
        return await self.log.record_reply(reply, user_id)

    async def feedback(self, ref: int | None, user_id: int, vote: Vote) -> None:
        if ref is not None:
            await self.log.record_feedback(ref, user_id, 1 if vote == "up" else -1)

    async def none_of_these(self, ref: int | None, user_id: int) -> None:
        if ref is not None:
            await self.log.mark_none_of_these(ref, user_id)

    async def chose(self, ref: int | None, user_id: int, entry_id: str) -> None:
        if ref is not None:
            await self.log.mark_chosen(ref, user_id, entry_id)
