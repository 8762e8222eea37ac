"""One chat's updates run in order; different chats' updates overlap."""

from __future__ import annotations

import asyncio
import datetime as dt

from telegram import Chat, Message, Update

from bot.telegram_bot.ordering import PerChatOrder


def update(update_id: int, chat_id: int) -> Update:
    chat = Chat(chat_id, Chat.PRIVATE)
    return Update(update_id, message=Message(update_id, date=dt.datetime.now(dt.UTC), chat=chat))


async def test_same_chat_in_order_other_chats_concurrently() -> None:
    processor = PerChatOrder(8)
    events: list[str] = []
    release = asyncio.Event()

    async def handle(name: str, wait: bool) -> None:
        events.append(f"start {name}")
        if wait:
            await release.wait()
        events.append(f"end {name}")

    tasks = [
        asyncio.create_task(processor.process_update(update(1, 1), handle("a1", wait=True))),
        asyncio.create_task(processor.process_update(update(2, 1), handle("a2", wait=False))),
        asyncio.create_task(processor.process_update(update(3, 2), handle("b1", wait=False))),
    ]
    while "end b1" not in events:  # chat 2 is not held up by chat 1's slow update
        await asyncio.sleep(0)
    assert "start a2" not in events  # chat 1's second update waits for its first
    release.set()
    await asyncio.gather(*tasks)
    assert events.index("end a1") < events.index("start a2")
    assert processor._chats == {}  # idle chats are forgotten
