"""A loopback HTTP server that speaks enough of the Telegram Bot API to run the bot end to end.

In tests::

    with FakeBotApi() as api:
        settings = ...(TELEGRAM_API_BASE_URL=api.base_url)
        api.enqueue_update(updates.text_message(...))
        api.wait_for(lambda calls: ..., timeout=30)

As a standalone server (the container test runs it outside pytest)::

    python tests/telegram_bot/fake_bot_api.py --port 8081 [--host 127.0.0.1]

    POST /bot<token>/<method>   the Bot API (form-encoded or JSON bodies, as clients send them)
    POST /_updates              enqueue one update (a JSON object) or several (a JSON list)
    GET  /_calls[?method=name]  every recorded call, as JSON
    GET  /_count[?method=name]  how many calls succeeded, as {"count": n}
    POST /_faults               {"method": "sendMessage",
                                 "kind": "429"|"409"|"500"|"400"|"slow"|"drop",
                                 "count": 1, "retry_after": 1, "delay": 2.0}
    POST /_reset                forget calls, updates and faults
    GET  /_health               200 when serving

For example, with the bot running against it (TELEGRAM_API_BASE_URL=http://127.0.0.1:8081/bot)::

    curl -s -X POST localhost:8081/_updates -d '{"message": {"message_id": 1, "date": 0,
         "chat": {"id": 5, "type": "private"}, "from": {"id": 5, "is_bot": false,
         "first_name": "A"}, "text": "How much funding can a talent project get?"}}'
    curl -s 'localhost:8081/_calls?method=sendMessage'    # the answer, once it is sent

Implemented methods: getMe, getUpdates (long poll, offset semantics; 409 while a webhook is
set), sendMessage, editMessageText, editMessageReplyMarkup, answerCallbackQuery (a second
answer to the same query is refused, as Telegram does), answerInlineQuery, setMyCommands,
deleteMyCommands, getMyCommands, setWebhook, deleteWebhook, getWebhookInfo, close, logOut.
Every call is recorded (method, decoded parameters, outcome) but never the token.
Only the standard library is used, so the script runs anywhere Python does.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BOT_ID = 7_000_000_001
BOT_USERNAME = "TongzhouTalentTestBot"
MAX_LONG_POLL = 50.0
FAULT_KINDS = ("429", "409", "500", "400", "slow", "drop")

# Parameters that are text even when they look like JSON ("123", "true").
_TEXT_PARAMS = {
    "text", "query", "caption", "callback_query_id", "inline_query_id", "url", "secret_token",
    "language_code", "description", "title", "next_offset", "inline_message_id",
}  # fmt: skip
_PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)$")

JSON = dict[str, Any]


@dataclass
class Call:
    method: str
    params: JSON
    outcome: str  # "ok", "error <code>", or the injected fault
    result: Any = None  # what the server answered, for "ok" calls
    at: float = field(default_factory=time.time)


@dataclass
class Fault:
    kind: str
    count: int
    retry_after: int = 1
    delay: float = 2.0
    description: str = "Bad Request: injected failure"


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


class BotState:
    """Everything the fake server knows; all access under one lock."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token
        self.lock = threading.Condition()
        self.calls: list[Call] = []
        self.updates: list[JSON] = []
        self.next_update_id = 1
        self.next_message_id = 1
        self.messages: dict[tuple[int, int], JSON] = {}
        self.answered_queries: set[str] = set()
        self.faults: dict[str, list[Fault]] = {}
        self.webhook: JSON = {"url": "", "secret_token": None}
        # Command menus by (scope as JSON, language code); the default scope is "".
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.closed = False

    # --- control -------------------------------------------------------------------------

    def enqueue(self, update: JSON) -> int:
        with self.lock:
            update = dict(update)
            update.setdefault("update_id", self.next_update_id)
            self.next_update_id = max(self.next_update_id, update["update_id"]) + 1
            self.updates.append(update)
            self.lock.notify_all()
            return int(update["update_id"])

    def enqueue_id(self) -> int:
        """Reserve an update id without queueing (for updates delivered by webhook)."""
        with self.lock:
            self.next_update_id += 1
            return self.next_update_id - 1

    def inject(self, method: str, fault: Fault) -> None:
        if fault.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {fault.kind!r}; expected one of {FAULT_KINDS}")
        with self.lock:
            self.faults.setdefault(method, []).append(fault)

    def take_fault(self, method: str) -> Fault | None:
        with self.lock:
            queue = self.faults.get(method) or []
            if not queue:
                return None
            fault = queue[0]
            fault.count -= 1
            if fault.count <= 0:
                queue.pop(0)
            return fault

    def record(self, method: str, params: JSON, outcome: str, result: Any = None) -> None:
        with self.lock:
            self.calls.append(Call(method, params, outcome, result))
            self.lock.notify_all()

    def reset(self) -> None:
        with self.lock:
            self.calls.clear()
            self.updates.clear()
            self.faults.clear()
            self.answered_queries.clear()
            self.lock.notify_all()

    # --- the Bot API ---------------------------------------------------------------------

    def call(self, method: str, params: JSON) -> Any:
        handler: Callable[[JSON], Any] | None = getattr(self, f"api_{method}", None)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return handler(params)

    def bot_user(self) -> JSON:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Talent Bot", "username": BOT_USERNAME}

    def api_getMe(self, params: JSON) -> JSON:
        return {
            **self.bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def api_getUpdates(self, params: JSON) -> list[JSON]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = min(float(params.get("timeout") or 0), MAX_LONG_POLL)
        deadline = time.monotonic() + timeout
        with self.lock:
            if self.webhook["url"]:
                raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
            if offset:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while not self.updates and not self.closed:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self.lock.wait(remaining)
            return [dict(u) for u in self.updates[:limit]]

    def _new_message(self, params: JSON) -> JSON:
        chat_id = int(params["chat_id"])
        with self.lock:
            message_id = self.next_message_id
            self.next_message_id += 1
        message: JSON = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": self.bot_user(),
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        with self.lock:
            self.messages[(chat_id, message_id)] = message
        return message

    def api_sendMessage(self, params: JSON) -> JSON:
        text = params.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return self._new_message(params)

    def _edit(self, params: JSON, changes: JSON) -> JSON | bool:
        if params.get("inline_message_id"):
            return True
        key = (int(params["chat_id"]), int(params["message_id"]))
        with self.lock:
            message = self.messages.get(key)
            if message is None:
                raise ApiError(400, "Bad Request: message to edit not found")
            updated = {**message, **changes, "edit_date": int(time.time())}
            if {k: message.get(k) for k in changes} == changes:
                raise ApiError(
                    400,
                    "Bad Request: message is not modified: specified new message content and "
                    "reply markup are exactly the same as a current content and reply markup "
                    "of the message",
                )
            self.messages[key] = updated
            return updated

    def api_editMessageText(self, params: JSON) -> JSON | bool:
        text = params.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > 4096:
            raise ApiError(400, "Bad Request: message text is empty or too long")
        return self._edit(params, {"text": text, "reply_markup": params.get("reply_markup")})

    def api_editMessageReplyMarkup(self, params: JSON) -> JSON | bool:
        return self._edit(params, {"reply_markup": params.get("reply_markup")})

    def api_answerCallbackQuery(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id"))
        with self.lock:
            if query_id in self.answered_queries:
                raise ApiError(400, "Bad Request: query is too old and response timeout expired")
            self.answered_queries.add(query_id)
        return True

    def api_answerInlineQuery(self, params: JSON) -> bool:
        results = params.get("results") or []
        if len(results) > 50:
            raise ApiError(400, "Bad Request: too many inline query results")
        return True

    def api_setMyCommands(self, params: JSON) -> bool:
        with self.lock:
            self.commands[_menu_key(params)] = params.get("commands") or []
        return True

    def api_deleteMyCommands(self, params: JSON) -> bool:
        with self.lock:
            self.commands.pop(_menu_key(params), None)
        return True

    def api_getMyCommands(self, params: JSON) -> list[JSON]:
        with self.lock:
            return self.commands.get(_menu_key(params), [])

    def api_setWebhook(self, params: JSON) -> bool:
        with self.lock:
            self.webhook = {
                "url": params.get("url", ""),
                "secret_token": params.get("secret_token"),
            }
            self.lock.notify_all()
        return True

    def api_deleteWebhook(self, params: JSON) -> bool:
        with self.lock:
            self.webhook = {"url": "", "secret_token": None}
            if params.get("drop_pending_updates"):
                self.updates.clear()
        return True

    def api_getWebhookInfo(self, params: JSON) -> JSON:
        with self.lock:
            return {
                "url": self.webhook["url"],
                "has_custom_certificate": False,
                "pending_update_count": len(self.updates),
            }

    def api_close(self, params: JSON) -> bool:
        return True

    def api_logOut(self, params: JSON) -> bool:
        return True


def _menu_key(params: JSON) -> tuple[str, str]:
    """Which command menu a call means: its scope (default: none) and language code."""
    scope: Any = params.get("scope") or ""
    if isinstance(scope, str) and scope.startswith("{"):
        with contextlib.suppress(ValueError):
            scope = json.loads(scope)
    default = scope in ("", {"type": "default"})
    scope = "" if default else json.dumps(scope, sort_keys=True)
    return scope, str(params.get("language_code") or "")


def decode_params(raw: bytes, content_type: str) -> JSON:
    """Parameters as the Bot API reads them: JSON bodies, or form fields holding JSON values."""
    if not raw:
        return {}
    if content_type.startswith("application/json"):
        loaded = json.loads(raw)
        return loaded if isinstance(loaded, dict) else {}
    fields = urllib.parse.parse_qs(raw.decode("utf-8"), keep_blank_values=True)
    params: JSON = {}
    for key, values in fields.items():
        value = values[-1]
        if key in _TEXT_PARAMS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: the request line holds the token

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send_json(self, status: int, payload: Any) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        state = self.server.state
        if url.path == "/_health":
            self._send_json(200, {"ok": True})
        elif url.path == "/_count":
            wanted = urllib.parse.parse_qs(url.query).get("method", [None])[0]
            with state.lock:
                count = sum(
                    1 for c in state.calls if wanted in (None, c.method) and c.outcome == "ok"
                )
            self._send_json(200, {"count": count})
        elif url.path == "/_calls":
            wanted = urllib.parse.parse_qs(url.query).get("method", [None])[0]
            with state.lock:
                calls = [asdict(c) for c in state.calls if wanted in (None, c.method)]
            self._send_json(200, calls)
        else:
            self._api(b"")

    def do_POST(self) -> None:
        raw = self._body()
        state = self.server.state
        path = urllib.parse.urlsplit(self.path).path
        if path == "/_updates":
            loaded = json.loads(raw or b"[]")
            ids = [state.enqueue(u) for u in (loaded if isinstance(loaded, list) else [loaded])]
            self._send_json(200, {"ok": True, "update_ids": ids})
        elif path == "/_faults":
            spec = json.loads(raw or b"{}")
            method = spec.pop("method")
            try:
                state.inject(method, Fault(**spec))
            except (TypeError, ValueError) as exc:
                self._send_json(400, {"ok": False, "description": str(exc)})
                return
            self._send_json(200, {"ok": True})
        elif path == "/_reset":
            state.reset()
            self._send_json(200, {"ok": True})
        else:
            self._api(raw)

    def _api(self, raw: bytes) -> None:
        state = self.server.state
        match = _PATH.match(urllib.parse.urlsplit(self.path).path)
        if match is None:
            self._send_json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        method = match["method"]
        params = decode_params(raw, self.headers.get("Content-Type", ""))
        if state.token is not None and match["token"] != state.token:
            state.record(method, params, "error 401")
            self._send_json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        fault = state.take_fault(method)
        if fault is not None and self._fail(method, params, fault):
            return
        try:
            result = state.call(method, params)
        except ApiError as exc:
            state.record(method, params, f"error {exc.code}")
            error: JSON = {"ok": False, "error_code": exc.code, "description": exc.description}
            if exc.parameters:
                error["parameters"] = exc.parameters
            self._send_json(exc.code, error)
            return
        state.record(method, params, "ok" if fault is None else f"ok after {fault.kind}", result)
        self._send_json(200, {"ok": True, "result": result})

    def _fail(self, method: str, params: JSON, fault: Fault) -> bool:
        """Apply an injected fault; True when the request ends here (not processed)."""
        state = self.server.state
        if fault.kind == "slow":
            time.sleep(fault.delay)
            return False
        state.record(method, params, fault.kind)
        if fault.kind == "drop":
            self.close_connection = True
            self.connection.shutdown(2)  # no response at all, as a lost connection looks
        elif fault.kind == "429":
            self._send_json(
                429,
                {
                    "ok": False,
                    "error_code": 429,
                    "description": f"Too Many Requests: retry after {fault.retry_after}",
                    "parameters": {"retry_after": fault.retry_after},
                },
            )
        elif fault.kind == "409":  # what one of two bots polling with the same token gets
            self._send_json(
                409,
                {
                    "ok": False,
                    "error_code": 409,
                    "description": "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                },
            )
        elif fault.kind == "500":
            self._send_json(
                500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
            )
        else:
            self._send_json(400, {"ok": False, "error_code": 400, "description": fault.description})
        return True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: BotState

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-answer (a long poll cut short at shutdown) is normal.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class FakeBotApi:
    """The server in a background thread, with helpers for tests."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, token: str | None = None) -> None:
        self.state = BotState(token)
        self._server = _Server((host, port), _Handler)
        self._server.state = self.state
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_API_BASE_URL (python-telegram-bot's base_url)."""
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> FakeBotApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self.state.lock:
            self.state.closed = True
            self.state.lock.notify_all()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- helpers for tests --------------------------------------------------------------

    def enqueue_update(self, update: JSON) -> int:
        return self.state.enqueue(update)

    def inject(self, method: str, kind: str, count: int = 1, **options: Any) -> None:
        self.state.inject(method, Fault(kind=kind, count=count, **options))

    def calls(self, method: str | None = None) -> list[Call]:
        with self.state.lock:
            return [c for c in self.state.calls if method in (None, c.method)]

    def wait_for(
        self, condition: Callable[[list[Call]], Any], timeout: float = 60.0, what: str = ""
    ) -> Any:
        """Block until ``condition(all calls)`` is truthy; return its value, or fail loudly."""
        deadline = time.monotonic() + timeout
        with self.state.lock:
            while True:
                value = condition(list(self.state.calls))
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    recent = [(c.method, c.outcome) for c in self.state.calls[-15:]]
                    raise AssertionError(
                        f"timed out after {timeout:.0f}s waiting for {what or condition}; "
                        f"last calls: {recent}"
                    )
                self.state.lock.wait(min(remaining, 0.5))


def post_update(url: str, update: JSON, secret: str | None, timeout: float = 30.0) -> int:
    """POST an update to a bot's webhook as Telegram does; return the HTTP status."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(
        url, data=json.dumps(update).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def main() -> None:
    parser = argparse.ArgumentParser(description="A loopback fake of the Telegram Bot API.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    args = parser.parse_args()
    api = FakeBotApi(args.host, args.port)
    print(f"fake Bot API on http://{args.host}:{api.port}/bot<token>/<method>", flush=True)
    try:
        api._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        api._server.server_close()


if __name__ == "__main__":
    main()
