"""Where the adapter reports what happened to each question (the question log plugs in here).

The handlers call these hooks and carry the returned row reference in the 👍/👎, suggestion
and "none of these" buttons, so the feedback lands on the right row. ``NoJournal`` keeps
nothing and hands out no references; the buttons then carry ``-``.
"""

from __future__ import annotations

from typing import Protocol

from bot.answers import Reply
from bot.telegram_bot.callback_data import Vote


class QuestionJournal(Protocol):
    async def record(self, reply: Reply, user_id: int) -> int | None:
        """Log one answered question; return the row reference for its buttons."""

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
