"""The fake Bot API itself, including as the standalone script the container test runs."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bot_harness import WAIT, fake_token, free_port
from fake_bot_api import FakeBotApi

SCRIPT = Path(__file__).with_name("fake_bot_api.py")


def request(url: str, payload: Any = None, form: dict[str, str] | None = None) -> tuple[int, Any]:
    data, headers = None, {}
    if payload is not None:
        data, headers = json.dumps(payload).encode(), {"Content-Type": "application/json"}
    elif form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
    req = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(req, timeout=WAIT) as response:
            return int(response.status), json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return int(exc.code), json.loads(exc.read())


@pytest.fixture
def script_server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), "--port", str(port)], stdout=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                if request(f"{base}/_health")[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.communicate(timeout=WAIT)


def test_standalone_script_queues_updates_records_calls_and_injects_faults(
    script_server: str,
) -> None:
    api = f"{script_server}/bot{fake_token()}"
    status, body = request(f"{api}/getMe", form={})
    assert status == 200
    assert body["result"]["is_bot"] is True

    status, body = request(f"{script_server}/_updates", payload=[{"message": {"text": "x"}}])
    assert body["update_ids"] == [1]
    status, body = request(f"{api}/getUpdates", form={"offset": "0", "timeout": "0"})
    assert [u["update_id"] for u in body["result"]] == [1]
    status, body = request(f"{api}/getUpdates", form={"offset": "2", "timeout": "0"})
    assert body["result"] == []

    request(
        f"{script_server}/_faults", payload={"method": "sendMessage", "kind": "429", "count": 1}
    )
    status, body = request(f"{api}/sendMessage", form={"chat_id": "5", "text": "hi"})
    assert status == 429
    assert body["parameters"]["retry_after"] == 1
    status, body = request(f"{api}/sendMessage", form={"chat_id": "5", "text": "123"})
    assert status == 200
    assert body["result"]["text"] == "123"

    status, calls = request(f"{script_server}/_calls?method=sendMessage")
    assert [(c["outcome"], c["params"]["text"]) for c in calls] == [("429", "hi"), ("ok", "123")]
    assert fake_token() not in json.dumps(calls)


def test_long_poll_returns_when_an_update_arrives() -> None:
    with FakeBotApi() as server:
        api = f"http://127.0.0.1:{server.port}/bot{fake_token()}"
        server.enqueue_update({"message": {"text": "queued before the poll"}})
        _status, body = request(f"{api}/getUpdates", form={"timeout": "30"})
        assert len(body["result"]) == 1


def test_webhook_blocks_get_updates_and_unknown_methods_are_404() -> None:
    with FakeBotApi(token=fake_token()) as server:
        api = f"http://127.0.0.1:{server.port}/bot{fake_token()}"
        request(f"{api}/setWebhook", form={"url": "https://x.example.org/h"})
        assert request(f"{api}/getUpdates", form={"timeout": "0"})[0] == 409
        assert (
            request(f"{api}/getWebhookInfo", form={})[1]["result"]["url"]
            == "https://x.example.org/h"
        )
        assert request(f"{api}/noSuchMethod", form={})[0] == 404
        assert request(f"http://127.0.0.1:{server.port}/bot123:wrong/getMe", form={})[0] == 401


def test_callback_queries_can_be_answered_only_once() -> None:
    with FakeBotApi() as server:
        api = f"http://127.0.0.1:{server.port}/bot{fake_token()}"
        assert request(f"{api}/answerCallbackQuery", form={"callback_query_id": "9"})[0] == 200
        assert request(f"{api}/answerCallbackQuery", form={"callback_query_id": "9"})[0] == 400
