"""Where the adapter reports what happened to each question (the question log plugs in here).

The handlers call these hooks and carry the returned row reference in the 👍/👎, suggestion
and "none of these" buttons, so the feedback lands on the right row. ``NoJournal`` keeps
nothing and hands out no references; the buttons then carry ``-``. ``PluggableJournal`` is
what the handlers hold from the start: the question log is opened later (when the bot
starts) and plugged in then, and unplugged before it closes.
"""

from __future__ import annotations

from typing import Protocol

from bot.answers import Reply
from bot.telegram_bot.callback_data import Vote


class QuestionJournal(Protocol):
    async def record(self, reply: Reply, user_id: int) -> int | None:
        """Log one answered question; return the row reference for its buttons.

        Called on the answer path: it must only hand the row over, never wait for the disk.
        """

    async def feedback(self, ref: int | None, user_id: int, vote: Vote) -> None: ...

    async def none_of_these(self, ref: int | None, user_id: int) -> None: ...

    async def chose(self, ref: int | None, user_id: int, entry_id: str) -> None: ...


class NoJournal:
    async def record(self, reply: Reply, user_id: int) -> int | None:
        return None

    async def feedback(self, ref: int | None, user_id: int, vote: Vote) -> None:
        return None

    async def none_of_these(self, ref: int | None, user_id: int) -> None:
        return None

    async def chose(self, ref: int | None, user_id: int, entry_id: str) -> None:
        return None


class PluggableJournal:
    """Forwards to ``target``: ``NoJournal`` until the question log is plugged in."""

    def __init__(self) -> None:
        self.target: QuestionJournal = NoJournal()

    async def record(self, reply: Reply, user_id: int) -> int | None:
        return await self.target.record(reply, user_id)

    async def feedback(self, ref: int | None, user_id: int, vote: Vote) -> None:
        await self.target.feedback(ref, user_id, vote)

    async def none_of_these(self, ref: int | None, user_id: int) -> None:
        await self.target.none_of_these(ref, user_id)

    async def chose(self, ref: int | None, user_id: int, entry_id: str) -> None:
        await self.target.chose(ref, user_id, entry_id)
