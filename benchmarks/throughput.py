"""Throughput of the Telegram bot through the loopback Bot API, against a minimal echo bot.

    python benchmarks/throughput.py [--users 200] [--per-user 10] [--rounds 2]

The fake Bot API (tests/telegram_bot/fake_bot_api.py) runs in its own process. Each bot runs
in a fresh worker process, on its main thread, the way it runs in production (``run_polling``
with its stop signals); a thread beside it waits until it polls, queues ``users x per-user``
text messages at once, and the clock runs until the server has recorded that many successful
``sendMessage`` calls. The thread then notes the resident memory (RSS) and stops the bot.

* ``echo``: a minimal python-telegram-bot echo bot, the framework's ceiling on this machine.
* ``talent-bot``: the bot as ``talent-bot run`` starts it in polling mode, with the real engine
  on a copy of the shipped knowledge folder, answering questions from the evaluation set
  (English and Chinese). Its start-up hook opens the SQLite question log (in a temporary data
  folder), starts the knowledge-folder watcher and the heartbeat, as in production; after the
  run the question log must hold one row per question, and the round fails if it does not, if
  the watcher was not running, if the polls did not keep the heartbeat fresh, or if anything
  was logged at WARNING or above.

Both bots get the same update processing (16 concurrent updates) and the same rate limiter
with throttling switched off: Telegram's own limit (30 messages per second, which the shipped
limiter enforces) would otherwise cap both and hide the cost of the bot's own work. That
limiter is the only difference from production.
The rounds alternate the bots; each bot's best round is reported. Goal: talent-bot >= 80% of echo.
The loopback server's own cost (a threaded stdlib HTTP server in another process) is in both
rates; the CPU time the bot process itself spends per message is reported beside them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FAKE_SERVER = ROOT / "tests" / "telegram_bot" / "fake_bot_api.py"
EVAL_FILE = ROOT / "knowledge" / "examples" / "dev.yaml"
TOKEN = "123456:" + "B" * 35  # the fake server accepts any well-formed token
CONCURRENT_UPDATES = 16
TIMEOUT = 600.0
# The fake server as its own script, with a listen backlog above socketserver's default of 5:
# a bot opening its 16 connections at once would overflow that, and each dropped connection
# attempt waits a second for the retry, a random stall in the timing of either bot.
SERVE_WITH_BACKLOG = """
import runpy, socketserver, sys
socketserver.TCPServer.request_queue_size = 128
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


# --- talking to the fake server ---------------------------------------------------------------


def http(url: str, payload: Any = None) -> Any:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def start_server() -> tuple[subprocess.Popen[bytes], str]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE_WITH_BACKLOG, str(FAKE_SERVER), "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            http(f"{base}/_health")
            return process, base
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.1)


def questions() -> list[str]:
    import yaml

    loaded = yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))
    items = (
        loaded
        if isinstance(loaded, list)
        else next(v for v in loaded.values() if isinstance(v, list))
    )
    found = [str(i["q"]) for i in items if isinstance(i, dict) and i.get("q")]
    return found or ["How much funding can a talent project get?"]


def updates(users: int, per_user: int) -> list[dict[str, Any]]:
    pool = questions()
    made: list[dict[str, Any]] = []
    for round_number in range(per_user):
        for user in range(users):
            user_id = 100_000 + user
            text = pool[(round_number * users + user) % len(pool)]
            made.append(
                {
                    "message": {
                        "message_id": len(made) + 1,
                        "date": int(time.time()),
                        "chat": {"id": user_id, "type": "private", "first_name": "U"},
                        "from": {"id": user_id, "is_bot": False, "first_name": "U"},
                        "text": text,
                    }
                }
            )
    return made


# --- the worker: one bot, one run ----------------------------------------------------------


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class WarningCounter(logging.Handler):
    """Counts what the bot logs at WARNING or above: a clean run logs nothing there."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def unthrottled_limiter() -> Any:
    """The shipped limiter class with Telegram's 30 messages/s switched off (see the top)."""
    sys.path.insert(0, str(ROOT))
    from bot.telegram_bot.ratelimit import RetryingRateLimiter

    return RetryingRateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=5)


def prepare_echo(base: str, workdir: Path) -> tuple[Any, Callable[[], None]]:
    from telegram import Update
    from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "")

    logging.basicConfig(level=logging.WARNING)
    application = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(f"{base}/bot")
        .rate_limiter(unthrottled_limiter())
        .concurrent_updates(CONCURRENT_UPDATES)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return application, application.run_polling


def prepare_talent_bot(base: str, workdir: Path) -> tuple[Any, Callable[[], None]]:
    """The bot as ``talent-bot run`` starts it in polling mode (bot/commands/run.py, then
    ``serve`` in bot/telegram_bot/app.py), step by step, with one change: the rate limiter.

    Settings come from the same environment variables, with the data folder and a copy of the
    shipped knowledge folder in ``workdir``; ``run_application`` then runs the application's
    whole life: initialize, post_init (command menu, question log, folder watcher, SIGHUP
    reload, heartbeat), polling, and on stop post_stop, shutdown and post_shutdown (which
    writes what the question log still holds).
    """
    sys.path.insert(0, str(ROOT))
    from bot.config import load_settings
    from bot.paths import shipped_knowledge_dir
    from bot.reload import faq_engine_holder
    from bot.telegram_bot.app import build_application, protect_logs, run_application
    from bot.telegram_bot.logs import configure_logging

    knowledge = workdir / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), knowledge)
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": f"{base}/bot",
            "TALENT_BOT_KNOWLEDGE_DIR": str(knowledge),
            "TALENT_BOT_DATA_DIR": str(workdir / "data"),
        }
    )
    configure_logging(settings.log_level)
    holder = faq_engine_holder(settings.knowledge_dir)
    protect_logs(settings)
    application = build_application(settings, holder, rate_limiter=unthrottled_limiter())
    return application, lambda: run_application(application, settings)


async def task_names() -> list[str]:
    return sorted(task.get_name() for task in asyncio.all_tasks())


def drive(
    application: Any,
    loop: asyncio.AbstractEventLoop,
    batch: list[dict[str, Any]],
    base: str,
    workdir: Path,
    finished: threading.Event,
    result: dict[str, Any],
) -> None:
    """Beside the running bot, in a thread: wait until it polls, queue the whole batch, time
    the replies, note the process's memory and running tasks, then stop the bot."""
    from bot.health import read_heartbeat

    try:
        deadline = time.monotonic() + 60
        while not (application.running and application.updater.running):
            if finished.is_set() or time.monotonic() > deadline:
                raise RuntimeError("the bot did not start polling")
            time.sleep(0.01)
        started = time.perf_counter()
        started_at = time.time()
        cpu_before = cpu_seconds()
        http(f"{base}/_updates", batch)
        deadline = time.monotonic() + TIMEOUT
        while True:
            count = http(f"{base}/_count?method=sendMessage")["count"]
            if count >= len(batch):
                break
            if finished.is_set() or time.monotonic() > deadline:
                raise TimeoutError(f"only {count} of {len(batch)} answered")
            time.sleep(0.02)
        elapsed = time.perf_counter() - started
        result.update(
            seconds=elapsed,
            rate=len(batch) / elapsed,
            cpu_ms_per_message=1000 * cpu_seconds() / len(batch) - 1000 * cpu_before / len(batch),
            rss_mb=rss_mb(),
            tasks=asyncio.run_coroutine_threadsafe(task_names(), loop).result(timeout=30),
            # In polling mode the polls beat: one written during the batch proves they did.
            heartbeat_file=(read_heartbeat(workdir / "data") or 0.0) >= started_at,
        )
    except Exception as exc:
        result["error"] = repr(exc)
    finally:
        result["stop_requested"] = time.perf_counter()
        # What SIGINT or SIGTERM does in production, without signalling a process that might
        # have stopped already.
        with contextlib.suppress(RuntimeError):  # the loop is closed: the bot stopped itself
            loop.call_soon_threadsafe(application.stop_running)


def logged_questions(data_dir: Path) -> int:
    from bot.store import DB_FILE_NAME

    path = data_dir / DB_FILE_NAME
    if not path.exists():
        return 0
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM questions").fetchone()[0])


def run_worker(kind: str, base: str, users: int, per_user: int, workdir: Path) -> dict[str, Any]:
    prepare = prepare_echo if kind == "echo" else prepare_talent_bot
    application, serve = prepare(base, workdir)
    warnings = WarningCounter()
    logging.getLogger().addHandler(warnings)
    batch = updates(users, per_user)
    http(f"{base}/_reset", {})
    # run_polling runs on the main thread's current loop; the driving thread needs it too.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    finished = threading.Event()
    result: dict[str, Any] = {"bot": kind, "messages": len(batch)}
    driver = threading.Thread(
        target=drive,
        args=(application, loop, batch, base, workdir, finished, result),
        name="benchmark-driver",
    )
    driver.start()
    try:
        serve()  # returns once the driver has stopped the bot and it has shut down
    finally:
        finished.set()
        driver.join()
    result["shutdown_seconds"] = time.perf_counter() - result.pop("stop_requested")
    result["warnings_logged"] = warnings.count
    if kind == "talent-bot":
        result["question_log_rows"] = logged_questions(workdir / "data")
    return result


def worker_main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        result = run_worker(args.worker, args.api, args.users, args.per_user, Path(workdir))
    print(json.dumps(result))


# --- the driver ---------------------------------------------------------------------------------


def run_round(kind: str, base: str, args: argparse.Namespace) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    completed = subprocess.run(
        [
            sys.executable,
            __file__,
            "--worker",
            kind,
            "--api",
            base,
            "--users",
            str(args.users),
            "--per-user",
            str(args.per_user),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT + 120,
        check=False,
    )
    lines = completed.stdout.strip().splitlines()
    if completed.returncode != 0 or not lines:
        raise RuntimeError(f"{kind} worker failed:\n{completed.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    if "error" in result:
        raise RuntimeError(f"{kind} worker: {result['error']}\n{completed.stderr[-3000:]}")
    return result


def problems(result: dict[str, Any]) -> list[str]:
    """What says a round did not run as production does; for the echo bot, only warnings."""
    found = []
    if result["warnings_logged"]:
        found.append(f"{result['warnings_logged']} warnings or errors logged")
    if result["bot"] != "talent-bot":
        return found
    if result["question_log_rows"] != result["messages"]:
        found.append(
            f"question log has {result['question_log_rows']} rows "
            f"for {result['messages']} questions"
        )
    if "knowledge-watcher" not in result["tasks"]:
        found.append("the knowledge-folder watcher was not running")
    if not result["heartbeat_file"]:
        found.append("no heartbeat written during the run")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--per-user", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--worker", choices=("echo", "talent-bot"), help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker_main(args)
        return 0

    server, base = start_server()
    failed: list[str] = []
    try:
        best: dict[str, dict[str, Any]] = {}
        for round_number in range(1, args.rounds + 1):
            for kind in ("echo", "talent-bot"):
                result = run_round(kind, base, args)
                extra = ""
                if kind == "talent-bot":
                    extra = (
                        f", log {result['question_log_rows']}/{result['messages']} rows"
                        f", watcher {'on' if 'knowledge-watcher' in result['tasks'] else 'OFF'}"
                        f", heartbeat {'on' if result['heartbeat_file'] else 'OFF'}"
                    )
                print(
                    f"round {round_number} {kind:<10} {result['rate']:8.0f} msg/s "
                    f"({result['seconds']:.2f} s), {result['cpu_ms_per_message']:.2f} ms CPU/msg, "
                    f"RSS {result['rss_mb']:.0f} MB, shutdown {result['shutdown_seconds']:.2f} s"
                    f"{extra}",
                    flush=True,
                )
                failed += [f"round {round_number} {kind}: {p}" for p in problems(result)]
                if kind not in best or result["rate"] > best[kind]["rate"]:
                    best[kind] = result
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = args.users * args.per_user
    print()
    print(f"{total} messages from {args.users} users, best of {args.rounds} rounds")
    print(f"{'bot':<12} {'msg/s':>8} {'seconds':>8} {'CPU ms/msg':>11} {'RSS after (MB)':>15}")
    for kind in ("echo", "talent-bot"):
        r = best[kind]
        print(
            f"{kind:<12} {r['rate']:8.0f} {r['seconds']:8.2f} "
            f"{r['cpu_ms_per_message']:11.2f} {r['rss_mb']:15.0f}"
        )
    ratio = best["talent-bot"]["rate"] / best["echo"]["rate"]
    verdict = "meets" if ratio >= 0.8 else "misses"
    print(f"talent-bot / echo = {ratio:.0%} ({verdict} the 80% goal)")
    bot = best["talent-bot"]
    print(
        f"talent-bot question log after the run: {bot['question_log_rows']} rows "
        f"for {bot['messages']} questions"
    )
    for problem in failed:
        print(f"CHECK FAILED: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
