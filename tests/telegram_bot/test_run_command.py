"""``talent-bot run`` as a process: start-up errors, both modes, SIGTERM/SIGINT, healthcheck."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import bot_updates as tg
import pytest
from bot_harness import WAIT, fake_token, free_port, wait_for_port, webhook_secret
from fake_bot_api import FakeBotApi, post_update

QUESTION = "How much funding can a talent project get?"


def clean_environ(**settings: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "TALENT_BOT_", "PTB_"))
    }
    return {**env, **settings}


def talent_bot(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=False,
    )


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi(token=fake_token()) as server:
        yield server


def test_missing_token_exits_with_a_clear_message() -> None:
    result = talent_bot("run", env=clean_environ())
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN: not set" in result.stderr


def test_malformed_token_and_other_bad_values_are_all_reported_never_echoed() -> None:
    bad = "123456:" + "A" * 10 + "#" + "A" * 24
    result = talent_bot(
        "run",
        env=clean_environ(TELEGRAM_BOT_TOKEN=bad, TALENT_BOT_PORT="http", TALENT_BOT_LOG_LEVEL="x"),
    )
    assert result.returncode == 2
    assert "malformed (value not shown)" in result.stderr
    assert "TALENT_BOT_PORT" in result.stderr
    assert "TALENT_BOT_LOG_LEVEL" in result.stderr
    assert bad not in result.stderr + result.stdout
    assert "A" * 10 not in result.stderr


def test_a_data_folder_it_cannot_create_files_in_stops_it_at_start_up(tmp_path: Path) -> None:
    # Started anyway, it would answer but never write the heartbeat: "unhealthy" with no reason.
    (tmp_path / "file").write_text("x")
    env = clean_environ(
        TELEGRAM_BOT_TOKEN=fake_token(),
        TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{free_port()}/bot",  # never reached
        TALENT_BOT_DATA_DIR=str(tmp_path / "file" / "data"),
    )
    result = talent_bot("run", env=env)
    assert result.returncode == 2
    assert "TALENT_BOT_DATA_DIR: cannot create" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_token_telegram_rejects_exits_cleanly_without_echoing_it(
    api: FakeBotApi, tmp_path: Path
) -> None:
    other = "654321:" + "Z" * 35  # well formed, but not the server's
    env = clean_environ(
        TELEGRAM_BOT_TOKEN=other,
        TELEGRAM_API_BASE_URL=api.base_url,
        TALENT_BOT_DATA_DIR=str(tmp_path),
        TALENT_BOT_LOG_LEVEL="DEBUG",
    )
    result = talent_bot("run", env=env)
    assert result.returncode == 1
    assert "rejected TELEGRAM_BOT_TOKEN" in result.stderr
    assert "or TELEGRAM_API_BASE_URL is not the address" in result.stderr  # not Telegram's own
    assert "Traceback" not in result.stderr  # the one-line reason is not buried
    assert "Z" * 35 not in result.stderr + result.stdout


def test_an_unreachable_bot_api_exits_with_a_clear_message(tmp_path: Path) -> None:
    env = clean_environ(
        TELEGRAM_BOT_TOKEN=fake_token(),
        TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{free_port()}/bot",  # nothing listens there
        TALENT_BOT_DATA_DIR=str(tmp_path),
    )
    result = talent_bot("run", env=env)
    assert result.returncode == 1
    assert "cannot reach the Bot API" in result.stderr
    assert "TELEGRAM_API_BASE_URL" in result.stderr
    assert "Traceback" not in result.stderr
    assert fake_token() not in result.stderr


def test_a_webhook_telegram_refuses_exits_naming_the_setting(
    api: FakeBotApi, tmp_path: Path
) -> None:
    api.inject("setWebhook", "400", 1, description="Bad Request: bad webhook: port not allowed")
    env = clean_environ(
        TELEGRAM_BOT_TOKEN=fake_token(),
        TELEGRAM_API_BASE_URL=api.base_url,
        TALENT_BOT_DATA_DIR=str(tmp_path),
        TALENT_BOT_WEBHOOK_URL="https://bot.example.test:8080/hook",
        TALENT_BOT_WEBHOOK_SECRET=webhook_secret(),
        TALENT_BOT_LISTEN="127.0.0.1",
        TALENT_BOT_PORT=str(free_port()),
    )
    result = talent_bot("run", env=env)
    assert result.returncode == 1
    assert "refused a start-up request" in result.stderr
    assert "port not allowed" in result.stderr
    assert "TALENT_BOT_WEBHOOK_URL" in result.stderr
    assert "cannot reach" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_taken_webhook_port_exits_with_a_clear_message(api: FakeBotApi, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        env = clean_environ(
            TELEGRAM_BOT_TOKEN=fake_token(),
            TELEGRAM_API_BASE_URL=api.base_url,
            TALENT_BOT_DATA_DIR=str(tmp_path),
            TALENT_BOT_WEBHOOK_URL="https://bot.example.test/hook",
            TALENT_BOT_WEBHOOK_SECRET=webhook_secret(),
            TALENT_BOT_LISTEN="127.0.0.1",
            TALENT_BOT_PORT=str(taken.getsockname()[1]),
        )
        result = talent_bot("run", env=env)
    assert result.returncode == 1
    assert "cannot listen for the webhook" in result.stderr
    assert "TALENT_BOT_PORT" in result.stderr
    # Found before the webhook was registered: Telegram is not left posting to nothing.
    assert not [call for call in api.calls() if call.method == "setWebhook"]


@pytest.mark.parametrize(
    ("mode", "stop"), [("polling", signal.SIGTERM), ("webhook", signal.SIGINT)]
)
def test_runs_answers_passes_healthcheck_and_stops_cleanly_on_a_signal(
    api: FakeBotApi, tmp_path: Path, mode: str, stop: signal.Signals
) -> None:
    settings = {
        "TELEGRAM_BOT_TOKEN": fake_token(),
        "TELEGRAM_API_BASE_URL": api.base_url,
        "TALENT_BOT_DATA_DIR": str(tmp_path / "data"),
        "TALENT_BOT_LOG_LEVEL": "DEBUG",
    }
    port = free_port()
    if mode == "webhook":
        settings |= {
            "TALENT_BOT_WEBHOOK_URL": "https://bot.example.test/hook",
            "TALENT_BOT_WEBHOOK_SECRET": webhook_secret(),
            "TALENT_BOT_LISTEN": "127.0.0.1",
            "TALENT_BOT_PORT": str(port),
        }
    env = clean_environ(**settings)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = "setWebhook" if mode == "webhook" else "deleteWebhook"
        api.wait_for(lambda calls: any(c.method == ready for c in calls), WAIT, ready)
        update = tg.text_message(40_001, QUESTION)
        if mode == "webhook":
            wait_for_port(port)
            update = {"update_id": 1, **update}
            assert post_update(f"http://127.0.0.1:{port}/hook", update, webhook_secret()) == 200
        else:
            api.enqueue_update(update)
        api.wait_for(
            lambda calls: [c for c in calls if c.method == "sendMessage"], WAIT, "an answer"
        )
        if mode == "polling":
            heartbeat = tmp_path / "data" / "heartbeat"
            api.wait_for(lambda _: heartbeat.exists(), WAIT, "the heartbeat file")
        healthy = talent_bot("healthcheck", env=env)
        assert healthy.returncode == 0, healthy.stdout
        assert healthy.stdout.startswith("healthy")

        process.send_signal(stop)
        _, stderr = process.communicate(timeout=WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, stderr[-2000:]
    assert "Stopped" in stderr
    assert fake_token() not in stderr
    assert fake_token().split(":")[1] not in stderr
    assert "telegram" in stderr  # DEBUG logging was on, so the check above means something
    unhealthy = talent_bot("healthcheck", env=env)
    assert unhealthy.returncode == 1
    assert unhealthy.stdout.startswith("unhealthy")
    # The engine was cached in the default TALENT_BOT_CACHE_DIR, inside the data folder.
    assert len(list((tmp_path / "data" / "cache").glob("engine-*.pickle"))) == 1
