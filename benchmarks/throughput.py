"""Throughput of the Telegram bot through the loopback Bot API, against a minimal echo bot.

    python benchmarks/throughput.py [--users 200] [--per-user 10] [--rounds 2]

The fake Bot API (tests/telegram_bot/fake_bot_api.py) runs in its own process. Each bot runs
in a fresh worker process: it starts polling, the worker queues ``users x per-user`` text
messages at once, and the clock runs until the server has recorded that many successful
``sendMessage`` calls. Then the worker reports its resident memory (RSS).

* ``echo``: a minimal python-telegram-bot echo bot, the framework's ceiling on this machine.
* ``talent-bot``: the real application (``build_application``) with the real engine and the
  shipped knowledge base, answering questions from the evaluation set (English and Chinese).

Both bots get the same update processing (16 concurrent updates) and the same rate limiter
with throttling switched off: Telegram's own limit (30 messages per second, which the shipped
``AIORateLimiter`` enforces) would otherwise cap both and hide the cost of the bot's own work.
The rounds alternate the bots; each bot's best round is reported. Goal: talent-bot >= 80% of echo.
The loopback server's own cost (a threaded stdlib HTTP server in another process) is in both
rates; the CPU time the bot process itself spends per message is reported beside them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FAKE_SERVER = ROOT / "tests" / "telegram_bot" / "fake_bot_api.py"
EVAL_FILE = ROOT / "benchmarks" / "eval" / "dev.yaml"
TOKEN = "123456:" + "B" * 35  # the fake server accepts any well-formed token
CONCURRENT_UPDATES = 16
TIMEOUT = 600.0


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
        [sys.executable, str(FAKE_SERVER), "--port", str(port)],
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


def build_echo(base: str) -> Any:
    from telegram import Update
    from telegram.ext import (
        AIORateLimiter,
        ApplicationBuilder,
        ContextTypes,
        MessageHandler,
        filters,
    )

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "")

    application = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(f"{base}/bot")
        .rate_limiter(AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=5))
        .concurrent_updates(CONCURRENT_UPDATES)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return application


def build_talent_bot(base: str, data_dir: Path) -> Any:
    sys.path.insert(0, str(ROOT))
    from bot.config import load_settings
    from bot.faq import FaqEngine
    from bot.telegram_bot.app import build_application
    from bot.telegram_bot.ratelimit import RetryingRateLimiter

    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": f"{base}/bot",
            "TALENT_BOT_DATA_DIR": str(data_dir),
        }
    )
    engine = FaqEngine.load(settings.knowledge_dir)
    limiter = RetryingRateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=5)
    return build_application(
        settings, lambda: engine, rate_limiter=limiter, concurrent_updates=CONCURRENT_UPDATES
    )


async def run_worker(
    kind: str, base: str, users: int, per_user: int, data_dir: Path
) -> dict[str, Any]:
    application = build_echo(base) if kind == "echo" else build_talent_bot(base, data_dir)
    batch = updates(users, per_user)
    http(f"{base}/_reset", {})
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=10)
        started = time.perf_counter()
        cpu_before = cpu_seconds()
        await asyncio.to_thread(http, f"{base}/_updates", batch)
        deadline = time.monotonic() + TIMEOUT
        while True:
            count = (await asyncio.to_thread(http, f"{base}/_count?method=sendMessage"))["count"]
            if count >= len(batch):
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"{kind}: only {count} of {len(batch)} answered")
            await asyncio.sleep(0.02)
        elapsed = time.perf_counter() - started
        cpu = cpu_seconds() - cpu_before
        memory = rss_mb()
        await application.updater.stop()
        await application.stop()
    return {
        "bot": kind,
        "messages": len(batch),
        "seconds": elapsed,
        "rate": len(batch) / elapsed,
        "rss_mb": memory,
        "cpu_ms_per_message": 1000 * cpu / len(batch),
    }


def worker_main(args: argparse.Namespace) -> None:
    import logging
    import tempfile

    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as data_dir:
        result = asyncio.run(
            run_worker(args.worker, args.api, args.users, args.per_user, Path(data_dir))
        )
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
    if completed.returncode != 0:
        raise RuntimeError(f"{kind} worker failed:\n{completed.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--per-user", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--worker", choices=("echo", "talent-bot"), help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker_main(args)
        return

    server, base = start_server()
    try:
        best: dict[str, dict[str, Any]] = {}
        for round_number in range(1, args.rounds + 1):
            for kind in ("echo", "talent-bot"):
                result = run_round(kind, base, args)
                print(
                    f"round {round_number} {kind:<10} {result['rate']:8.0f} msg/s "
                    f"({result['seconds']:.2f} s), {result['cpu_ms_per_message']:.2f} ms CPU/msg, "
                    f"RSS {result['rss_mb']:.0f} MB",
                    flush=True,
                )
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


if __name__ == "__main__":
    main()
