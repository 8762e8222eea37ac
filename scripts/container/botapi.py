"""Host-side helpers for scripts/container-check.sh.

They talk to the loopback fake Bot API from the bot's tests (tests/telegram_bot/fake_bot_api.py)
that the bot in the container polls, edit a mounted knowledge folder, and read a mounted data
folder's question log. Standard library only, plus PyYAML for the knowledge edit.

    botapi.py wait-up --server URL
    botapi.py wait-ready --server URL --runner PID --method NAME [--method NAME ...]
    botapi.py ask --server URL --chat ID --text TEXT --expect TEXT [--retry-for SECONDS]
    botapi.py webhook-ask --server URL --webhook URL --secret S --chat ID --text T --expect T
    botapi.py expect-answer --contains TEXT < reply.json
    botapi.py edit-answer --knowledge DIR --expect TEXT --marker TEXT
    botapi.py log-rows --data DIR [--keeps PREVIOUS]

Each prints what it found and exits 1, with the reason, when the expectation is not met.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import urllib.error
import urllib.request
from http import HTTPStatus
from pathlib import Path
from typing import Any

# The bot's end-to-end tests build updates exactly as Telegram delivers them; reuse that.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "telegram_bot"))
import bot_updates
import fake_bot_api

POLL_INTERVAL = 0.2
REPLY_TIMEOUT = 30.0


class CheckFailed(Exception):
    """An expectation was not met; the message says which."""


# ---- the fake Bot API's control endpoints ------------------------------------------------------


def _request(url: str, payload: object | None = None) -> Any:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(  # noqa: S310 - loopback http only
        url, data=data, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.loads(response.read().decode() or "null")


class FakeBotApi:
    """The control side of the fake server: enqueue updates, read the recorded calls."""

    def __init__(self, server: str) -> None:
        self.server = server.rstrip("/")

    def up(self) -> bool:
        body = _request(f"{self.server}/_health")
        return isinstance(body, dict) and body.get("ok") is True

    def calls(self) -> list[dict[str, Any]]:
        """Every Bot API call so far, oldest first, each ``{"method": ..., "params": {...}}``."""
        return [dict(call) for call in _request(f"{self.server}/_calls")]

    def enqueue_message(self, chat_id: int, text: str) -> None:
        """A private text message from user ``chat_id``, built as the bot's own tests build it."""
        _request(f"{self.server}/_updates", bot_updates.text_message(chat_id, text))


def _method(call: dict[str, Any]) -> str:
    return str(call.get("method", ""))


def _params(call: dict[str, Any]) -> dict[str, Any]:
    params = call.get("params", {})
    return params if isinstance(params, dict) else {}


# ---- commands ----------------------------------------------------------------------------------


def wait_up(api: FakeBotApi, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if not api.up():
                raise ValueError("not ready")
        except (OSError, urllib.error.URLError, ValueError) as error:
            if time.monotonic() > deadline:
                raise CheckFailed(
                    f"the fake Bot API at {api.server} does not answer: {error}"
                ) from None
            time.sleep(POLL_INTERVAL)
        else:
            return f"fake Bot API up at {api.server}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def wait_ready(
    api: FakeBotApi, runner: int, methods: tuple[str, ...], timeout: float = 60.0
) -> str:
    """Wait until the bot made one of ``methods``, failing early if its process ended.

    The fake server records a call when it completes, so the first long poll shows up only when
    it returns; the webhook removal that precedes polling (or, in webhook mode, the webhook
    registration) shows the bot is ready. Updates queued from then on are delivered.
    """
    begun = time.monotonic()
    while time.monotonic() - begun < timeout:
        if any(_method(call) in methods for call in api.calls()):
            return f"the bot is ready ({time.monotonic() - begun:.1f}s after start)"
        if not _alive(runner):
            raise CheckFailed("the bot's process ended before it was ready")
        time.sleep(POLL_INTERVAL)
    raise CheckFailed(f"the bot made none of {', '.join(methods)} within {timeout:.0f}s")


def _replies_to(calls: list[dict[str, Any]], chat_id: int) -> list[str]:
    texts = []
    for call in calls:
        if _method(call) in ("sendMessage", "editMessageText"):
            params = _params(call)
            if str(params.get("chat_id")) == str(chat_id):
                texts.append(str(params.get("text", "")))
    return texts


def ask(api: FakeBotApi, chat_id: int, text: str, expect: str, retry_for: float) -> str:
    """Send ``text`` as a user; wait for a reply containing ``expect``.

    With ``retry_for``, a reply without it (the old answer, before a reload) means: ask again,
    until that many seconds have passed.
    """
    deadline = time.monotonic() + retry_for
    while True:
        seen = len(api.calls())
        api.enqueue_message(chat_id, text)
        reply = _wait_reply(api, chat_id, seen)
        if expect in reply:
            return f"reply to {text!r}: {_shorten(reply)}"
        if time.monotonic() > deadline:
            raise CheckFailed(f"the reply to {text!r} lacks {expect!r}: {_shorten(reply)}")
        time.sleep(1.0)


def webhook_ask(
    api: FakeBotApi, webhook: str, secret: str, chat_id: int, text: str, expect: str
) -> str:
    """Post a message to the bot's webhook as Telegram would: refused without the secret,
    answered (through the fake Bot API) with it."""
    update = dict(bot_updates.text_message(chat_id, text), update_id=next(_webhook_update_ids))
    seen = len(api.calls())
    refused = fake_bot_api.post_update(webhook, update, "wrong-" + secret)
    if refused == HTTPStatus.OK:
        raise CheckFailed("the webhook accepted an update with the wrong secret")
    status = fake_bot_api.post_update(webhook, update, secret)
    if status != HTTPStatus.OK:
        raise CheckFailed(f"the webhook answered {status} to an update with the right secret")
    replies = _replies_to(api.calls()[seen:], chat_id)
    reply = replies[0] if replies else _wait_reply(api, chat_id, seen)
    if expect not in reply:
        raise CheckFailed(f"the reply to {text!r} lacks {expect!r}: {_shorten(reply)}")
    return f"wrong secret: {refused}; right secret: {status}; reply: {_shorten(reply)}"


_webhook_update_ids = itertools.count(int(time.time()))


def _wait_reply(api: FakeBotApi, chat_id: int, seen: int) -> str:
    deadline = time.monotonic() + REPLY_TIMEOUT
    while time.monotonic() < deadline:
        replies = _replies_to(api.calls()[seen:], chat_id)
        if replies:
            return replies[0]
        time.sleep(POLL_INTERVAL)
    raise CheckFailed(f"no reply to chat {chat_id} within {REPLY_TIMEOUT:.0f}s")


def _shorten(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def expect_answer(raw: str, contains: str) -> str:
    try:
        reply = json.loads(raw)
    except ValueError as error:
        raise CheckFailed(f"talent-bot ask --json printed no JSON: {error}") from None
    if reply.get("kind") != "answer":
        raise CheckFailed(f"expected an answer, got kind={reply.get('kind')!r}")
    if contains not in str(reply.get("answer", "")):
        raise CheckFailed(f"the answer does not contain {contains!r}")
    if not reply.get("sources"):
        raise CheckFailed("the answer cites no source")
    return f"answer from {reply.get('entry_id')} (score {reply.get('score')}) contains {contains!r}"


def edit_answer(knowledge: Path, expect: str, marker: str) -> str:
    """Put ``marker`` in front of every English answer that contains ``expect``, as staff would:
    by editing the YAML text in place, keeping everything else as it was."""
    import yaml  # the host's virtual environment has it: it is a dependency of the bot

    edited = []
    for path in sorted(knowledge.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        entries = data.get("entries", []) if isinstance(data, dict) else []
        for entry in entries:
            answer = entry.get("answer", {}) if isinstance(entry, dict) else {}
            english = answer.get("en", "") if isinstance(answer, dict) else ""
            if expect not in english:
                continue
            start = re.escape(" ".join(english.split()[:4])).replace(r"\ ", r"\s+")
            pattern = re.compile(rf"^(\s+(?:en:\s*)?)({start})", re.MULTILINE)
            text, count = pattern.subn(lambda m: f"{m.group(1)}{marker} {m.group(2)}", text, 1)
            if count != 1:
                raise CheckFailed(f"could not find the answer of {entry.get('id')} in {path}")
            edited.append(f"{path.name}:{entry.get('id')}")
        if edited and edited[-1].startswith(f"{path.name}:"):
            check = yaml.safe_load(text)  # the edit must still be valid YAML
            if not isinstance(check, dict):
                raise CheckFailed(f"the edit broke {path}")
            path.write_text(text, encoding="utf-8")
    if not edited:
        raise CheckFailed(f"no English answer contains {expect!r}")
    return f"edited {', '.join(edited)}"


def log_rows(data: Path, keeps: str | None) -> str:
    """``"<count> rows: <ids>"`` of the question log in ``data``; with ``keeps``, also check that
    every row listed in an earlier result is still there, and that there are more rows now."""
    databases = sorted(data.glob("*.sqlite3")) + sorted(data.glob("*.sqlite"))
    if not databases:
        raise CheckFailed(f"no SQLite file in {data}: {sorted(p.name for p in data.iterdir())}")
    # Read a copy: opening the live file as root could leave root-owned -wal/-shm files behind.
    with tempfile.TemporaryDirectory() as scratch:
        for part in data.glob(f"{databases[0].name}*"):
            shutil.copy2(part, Path(scratch) / part.name)
        connection = sqlite3.connect(Path(scratch) / databases[0].name)
        try:
            ids = sorted(str(row[0]) for row in connection.execute("SELECT id FROM questions"))
        finally:
            connection.close()
    found = f"{len(ids)} rows: {','.join(ids)}"
    if keeps is not None:
        before = [item for item in keeps.split(": ", 1)[-1].split(",") if item]
        missing = sorted(set(before) - set(ids))
        if missing:
            raise CheckFailed(f"rows lost across the restart: {missing}")
        if len(ids) <= len(before):
            raise CheckFailed("the second container logged no question")
    if not ids:
        raise CheckFailed(f"the question log in {databases[0]} has no rows")
    return found


# ---- command line ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("wait-up", "wait-ready", "ask", "webhook-ask"):
        sub = commands.add_parser(name)
        sub.add_argument("--server", required=True)
        if name == "wait-ready":
            sub.add_argument("--runner", type=int, required=True)
            sub.add_argument("--method", action="append", required=True)
        if name in ("ask", "webhook-ask"):
            sub.add_argument("--chat", type=int, required=True)
            sub.add_argument("--text", required=True)
            sub.add_argument("--expect", required=True)
        if name == "ask":
            sub.add_argument("--retry-for", type=float, default=0.0)
        if name == "webhook-ask":
            sub.add_argument("--webhook", required=True)
            sub.add_argument("--secret", required=True)
    sub = commands.add_parser("expect-answer")
    sub.add_argument("--contains", required=True)
    sub = commands.add_parser("edit-answer")
    sub.add_argument("--knowledge", type=Path, required=True)
    sub.add_argument("--expect", required=True)
    sub.add_argument("--marker", required=True)
    sub = commands.add_parser("log-rows")
    sub.add_argument("--data", type=Path, required=True)
    sub.add_argument("--keeps")
    args = parser.parse_args(argv)

    try:
        if args.command == "wait-up":
            message = wait_up(FakeBotApi(args.server))
        elif args.command == "wait-ready":
            message = wait_ready(FakeBotApi(args.server), args.runner, tuple(args.method))
        elif args.command == "webhook-ask":
            api = FakeBotApi(args.server)
            message = webhook_ask(api, args.webhook, args.secret, args.chat, args.text, args.expect)
        elif args.command == "ask":
            api = FakeBotApi(args.server)
            message = ask(api, args.chat, args.text, args.expect, args.retry_for)
        elif args.command == "expect-answer":
            message = expect_answer(sys.stdin.read(), args.contains)
        elif args.command == "edit-answer":
            message = edit_answer(args.knowledge, args.expect, args.marker)
        else:
            print(log_rows(args.data, args.keeps))
            return 0
    except (CheckFailed, OSError, sqlite3.Error) as error:
        print(f"     {error}", file=sys.stderr)
        return 1
    print(f"     {message}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
