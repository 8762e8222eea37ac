"""Putting rendered replies on the wire: new messages, replies, edits; buttons on the last part."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import BadRequest

from bot.telegram_bot.render import Button, Rendered


def markup(rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in rows]
    )


async def reply(message: Message, rendered: Rendered) -> None:
    """Answer ``message`` in its chat (quoting it in groups, as Telegram clients do)."""
    last = len(rendered.chunks) - 1
    for index, chunk in enumerate(rendered.chunks):
        keyboard = markup(rendered.buttons) if index == last else None
        await message.reply_text(chunk, reply_markup=keyboard)


async def send(bot: Bot, chat_id: int, rendered: Rendered) -> None:
    last = len(rendered.chunks) - 1
    for index, chunk in enumerate(rendered.chunks):
        keyboard = markup(rendered.buttons) if index == last else None
        await bot.send_message(chat_id, chunk, reply_markup=keyboard)


async def edit(message: Message, rendered: Rendered) -> None:
    """Replace a short navigation message (topics, a topic's questions) in place."""
    try:
        await message.edit_text(rendered.chunks[0], reply_markup=markup(rendered.buttons))
    except BadRequest as exc:
        # Pressing a button whose result is already shown is not an error.
        if "not modified" not in str(exc).lower():
            raise
