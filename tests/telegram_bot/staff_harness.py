"""Helpers for the staff-tools end-to-end tests: an editable copy of the knowledge folder,
the bot's question log read back (read-only), and what the bot sent to one chat."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from bot_harness import WAIT, RunningBot
from fake_bot_api import Call

from bot.answers import Reply
from bot.paths import shipped_knowledge_dir
from bot.store import DB_FILE_NAME
from bot.telegram_bot.render import render_reply

T = TypeVar("T")
ADMINS = (900_001, 900_002)
ADMIN_IDS_SETTING = ",".join(str(admin) for admin in ADMINS)


def copy_knowledge(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), folder)
    return folder


def process_environ(**settings: str) -> dict[str, str]:
    """The environment for a ``talent-bot`` process: ours, minus any bot settings, plus these."""
    inherited = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "TALENT_BOT_", "PTB_"))
    }
    return {**inherited, **settings}


def replace_file(path: Path, text: str) -> None:
    """Save the way careful editors do: a temporary file renamed over the old one, so the
    watcher never reads half a file."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def poll(condition: Callable[[], T | None], what: str) -> T:
    """Wait (generously) until ``condition()`` returns something truthy, and return it."""
    deadline = time.monotonic() + WAIT
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def log_rows(data_dir: Path, where: str = "1", *args: Any) -> list[sqlite3.Row]:
    """Rows of the bot's question log, read through a read-only connection."""
    path = data_dir / DB_FILE_NAME
    if not path.exists():
        return []
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=WAIT)
    try:
        connection.row_factory = sqlite3.Row
        return connection.execute(f"SELECT * FROM questions WHERE {where}", args).fetchall()
    finally:
        connection.close()


def sent_to(bot: RunningBot, chat_id: int, since: int = 0) -> list[Call]:
    """Every message the bot sent to ``chat_id`` (after call number ``since``), in order."""
    return [
        call
        for call in bot.api.calls()[since:]
        if call.method == "sendMessage"
        and call.outcome.startswith("ok")
        and int(call.params.get("chat_id", 0)) == chat_id
    ]


def answer_html(reply: Reply) -> str:
    """What the chat shows for a reply (the buttons aside), as one string."""
    chunks = render_reply(reply).chunks
    assert len(chunks) == 1, "the tests' questions have short answers"
    return chunks[0]
