"""The end-to-end harness: the real application, started by ``run_application`` exactly as
``talent-bot run`` does, in a background thread with its own event loop, against the fake
Bot API; plus helpers to read what the bot sent."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from fake_bot_api import Call, FakeBotApi, post_update

from bot.config import Settings, load_settings
from bot.faq import FaqEngine
from bot.reload import EngineHolder
from bot.telegram_bot.app import build_application, protect_logs, run_application
from bot.telegram_bot.flood import FloodLimiter

WAIT = 60.0  # generous: a loaded 2-core machine may be slow, and a passing test never waits this
RELOAD_DEBOUNCE_MS = 200  # tests edit files in one atomic step, so a short debounce is enough


def fake_token() -> str:
    """Obviously fake, built at runtime so no token-looking string sits in the source."""
    return "123456:" + "A" * 35


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_settings(api: FakeBotApi, data_dir: Path, **extra: str) -> Settings:
    environ = {
        "TELEGRAM_BOT_TOKEN": fake_token(),
        "TELEGRAM_API_BASE_URL": api.base_url,
        "TALENT_BOT_DATA_DIR": str(data_dir),
        **extra,
    }
    return load_settings(environ)


class RunningBot:
    """The real application in a thread; ``sent()`` and friends read what it sent."""

    def __init__(
        self,
        api: FakeBotApi,
        settings: Settings,
        engine: FaqEngine | EngineHolder[FaqEngine],
        flood: FloodLimiter,
    ) -> None:
        self.api = api
        self.settings = settings
        self.unprotect_logs = protect_logs(settings)  # as ``serve`` does, before building
        # A holder makes the bot reloadable (as ``talent-bot run`` runs it); an engine is fixed.
        source = engine if isinstance(engine, EngineHolder) else lambda: engine
        self.application = build_application(
            settings, source, flood=flood, reload_debounce_ms=RELOAD_DEBOUNCE_MS
        )
        self.loop: asyncio.AbstractEventLoop | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="bot", daemon=True)

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        try:
            run_application(self.application, self.settings, stop_signals=None)
        except BaseException as exc:  # reported by stop()
            self.error = exc

    def start(self) -> RunningBot:
        self.thread.start()
        # Polling: deleteWebhook precedes the first poll; anything queued from then is fetched.
        ready = "setWebhook" if self.settings.webhook else "deleteWebhook"
        self.api.wait_for(lambda calls: any(c.method == ready for c in calls), WAIT, ready)
        if self.settings.webhook is not None:
            wait_for_port(self.settings.webhook.port)
        return self

    def stop(self) -> None:
        # A stop request that arrives while the application is still starting up is lost (it
        # only counts once running), so repeat it until the thread ends.
        deadline = time.monotonic() + WAIT
        while self.thread.is_alive() and time.monotonic() < deadline:
            loop = self.loop
            if loop is not None and not loop.is_closed():
                with contextlib.suppress(RuntimeError):  # closed in the meantime
                    loop.call_soon_threadsafe(self.application.stop_running)
            self.thread.join(timeout=0.5)
        assert not self.thread.is_alive(), "the bot did not shut down"
        self.unprotect_logs()
        self.unprotect_logs = lambda: None
        if self.error is not None and not isinstance(self.error, SystemExit):
            raise self.error

    # --- reading what the bot sent --------------------------------------------------------

    def wait_sent(
        self,
        chat_id: int,
        count: int = 1,
        method: str = "sendMessage",
        since: int = 0,
    ) -> list[Call]:
        """Wait until ``count`` successful ``method`` calls to ``chat_id`` exist after ``since``."""

        def found(calls: list[Call]) -> list[Call]:
            matching = [c for c in calls[since:] if c.method == method and _ok(c)]
            matching = [c for c in matching if int(c.params.get("chat_id", 0)) == chat_id]
            return matching if len(matching) >= count else []

        return list(self.api.wait_for(found, WAIT, f"{count} {method} to {chat_id}"))

    def deliver(self, update: dict[str, Any]) -> None:
        """Hand an update to the bot: queued for getUpdates, or posted to the webhook."""
        webhook = self.settings.webhook
        if webhook is None:
            self.api.enqueue_update(update)
            return
        update = {"update_id": self.api.state.enqueue_id(), **update}
        status = post_update(self.webhook_address(), update, webhook.secret.reveal())
        assert status == 200, f"the webhook refused an update with the right secret: {status}"

    def webhook_address(self) -> str:
        assert self.settings.webhook is not None
        port, path = self.settings.webhook.port, self.settings.webhook.url_path
        return f"http://127.0.0.1:{port}/{path}"

    def mark(self) -> int:
        return len(self.api.calls())

    def ask(self, update: dict[str, Any], chat_id: int, count: int = 1) -> list[Call]:
        mark = self.mark()
        self.deliver(update)
        return self.wait_sent(chat_id, count, since=mark)

    def press(self, update: dict[str, Any]) -> Call:
        """Enqueue a button press and wait for its answerCallbackQuery."""
        query_id = update["callback_query"]["id"]
        mark = self.mark()
        self.deliver(update)

        def answered(calls: list[Call]) -> Call | None:
            return next(
                (
                    c
                    for c in calls[mark:]
                    if c.method == "answerCallbackQuery"
                    and c.params.get("callback_query_id") == query_id
                ),
                None,
            )

        return self.api.wait_for(answered, WAIT, f"answer to callback {query_id}")  # type: ignore[no-any-return]


def _ok(call: Call) -> bool:
    return call.outcome.startswith("ok")


def wait_for_port(port: int) -> None:
    deadline = time.monotonic() + WAIT
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def buttons(call: Call) -> list[tuple[str, str]]:
    """(label, callback data) of every button under a sent message."""
    markup = call.params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not isinstance(markup, Mapping):
        return []
    return [
        (b["text"], b.get("callback_data", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


StartBot = Callable[..., RunningBot]


def launch(
    api: FakeBotApi,
    engine: FaqEngine | EngineHolder[FaqEngine],
    data_dir: Path,
    mode: str = "polling",
    flood: FloodLimiter | None = None,
    **environ: str,
) -> RunningBot:
    if mode == "webhook":
        environ = {
            "TALENT_BOT_WEBHOOK_URL": "https://bot.example.test/telegram/updates",
            "TALENT_BOT_WEBHOOK_SECRET": webhook_secret(),
            "TALENT_BOT_LISTEN": "127.0.0.1",
            "TALENT_BOT_PORT": str(free_port()),
            **environ,
        }
    settings = make_settings(api, data_dir, **environ)
    bot = RunningBot(api, settings, engine, flood or FloodLimiter(limit=1000, window=60))
    return bot.start()


# Phrasings between "sure" and "no idea", tried first; then the tuning questions of the accuracy
# benchmark, since matching keeps being tuned and any one phrasing may stop suggesting.
SUGGEST_CANDIDATES = (
    "how do i apply for policy 3.0",
    "email of the organisers of the doctoral event",
    "was dong hongbiao born in china",
    "怎么申请人才项目资助",
    "艾罗公司现在员工规模多大",
)
EVAL_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "examples"


def suggest_questions(engine: FaqEngine, count: int = 1) -> list[str]:
    """``count`` questions the engine answers with "did you mean?" suggestions."""
    found: list[str] = []
    for question in dict.fromkeys((*SUGGEST_CANDIDATES, *_tuning_questions())):
        if engine.ask(question).kind == "suggest":
            found.append(question)
            if len(found) == count:
                return found
    raise AssertionError(f"fewer than {count} known questions get suggestions; add some")


def _tuning_questions() -> Iterator[str]:
    for path in sorted(EVAL_DIR.glob("dev*.yaml")):
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        yield from (str(item["q"]) for item in items if isinstance(item, dict) and "q" in item)


def webhook_secret() -> str:
    return "wh-" + "s" * 29
