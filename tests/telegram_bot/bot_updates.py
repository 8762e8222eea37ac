"""Telegram updates as the Bot API delivers them (JSON objects), for the fake server to hand out.

Entities are computed the way Telegram's servers do for the cases the bot cares about: a
leading ``/command`` and ``@username`` mentions.
"""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

from fake_bot_api import BOT_ID, BOT_USERNAME

JSON = dict[str, Any]
GROUP_ID = -1001234567890
_message_ids = itertools.count(1_000_000)
_query_ids = itertools.count(1)


def user(user_id: int, language_code: str | None = "en") -> JSON:
    data: JSON = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
    if language_code:
        data["language_code"] = language_code
    return data


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def entities(text: str) -> list[JSON]:
    found: list[JSON] = []
    command = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
    if command:
        found.append({"type": "bot_command", "offset": 0, "length": _utf16_len(command.group())})
    for mention in re.finditer(r"@[A-Za-z0-9_]{5,32}", text):
        if command and mention.start() < command.end():
            continue
        found.append(
            {
                "type": "mention",
                "offset": _utf16_len(text[: mention.start()]),
                "length": _utf16_len(mention.group()),
            }
        )
    return found


def _chat(user_id: int, group: bool) -> JSON:
    if group:
        return {"id": GROUP_ID, "type": "supergroup", "title": "Talent group"}
    return {"id": user_id, "type": "private", "first_name": f"User{user_id}"}


def message(
    user_id: int,
    *,
    group: bool = False,
    language_code: str | None = "en",
    reply_to: JSON | None = None,
    **content: Any,
) -> JSON:
    data: JSON = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": _chat(user_id, group),
        "from": user(user_id, language_code),
        **content,
    }
    if reply_to is not None:
        data["reply_to_message"] = reply_to
    return {"message": data}


def text_message(user_id: int, text: str, **options: Any) -> JSON:
    found = entities(text)
    content: JSON = {"text": text}
    if found:
        content["entities"] = found
    return message(user_id, **content, **options)


def sticker_message(user_id: int, **options: Any) -> JSON:
    sticker = {
        "file_id": "CAACAgIAAxkBAAEB",
        "file_unique_id": "AgADAQAD",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    return message(user_id, sticker=sticker, **options)


def photo_message(user_id: int, **options: Any) -> JSON:
    photo = [
        {"file_id": "AgACAgIAAxkBAAEC", "file_unique_id": "AQADAgAD", "width": 90, "height": 90}
    ]
    return message(user_id, photo=photo, **options)


def bot_message(chat: JSON, text: str, message_id: int) -> JSON:
    """A message the bot sent, as it appears inside ``reply_to_message``."""
    return {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat,
        "from": {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Talent Bot",
            "username": BOT_USERNAME,
        },
        "text": text,
    }


def callback_query(user_id: int, data: str, sent: JSON, language_code: str | None = "en") -> JSON:
    """A button press on ``sent`` (a message dict the fake server returned for sendMessage)."""
    return {
        "callback_query": {
            "id": str(next(_query_ids)),
            "from": user(user_id, language_code),
            "chat_instance": "42",
            "data": data,
            "message": sent,
        }
    }


def inline_query(user_id: int, query: str, language_code: str | None = "en") -> JSON:
    return {
        "inline_query": {
            "id": str(next(_query_ids)),
            "from": user(user_id, language_code),
            "query": query,
            "offset": "",
        }
    }
