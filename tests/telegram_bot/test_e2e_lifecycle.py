"""Start-up and the webhook door: the secret token, webhook and command registration, heartbeat."""

from __future__ import annotations

import bot_updates as tg
import pytest
from bot_harness import StartBot, webhook_secret
from fake_bot_api import Call, FakeBotApi, post_update

QUESTION = "How much funding can a talent project get?"


def test_updates_without_the_right_secret_are_rejected(start_bot: StartBot) -> None:
    bot = start_bot("webhook")
    user = 30_001
    address = bot.webhook_address()
    for secret in (None, "wrong-secret", webhook_secret() + "x", ""):
        update = {"update_id": bot.api.state.enqueue_id(), **tg.text_message(user, QUESTION)}
        assert post_update(address, update, secret) == 403
    (answer,) = bot.ask(tg.text_message(user, "/help"), user)
    # Handled in order per chat: had a rejected update got through, it would be answered first.
    sent = [c for c in bot.api.calls("sendMessage") if c.params["chat_id"] == user]
    assert sent == [answer]


def test_the_webhook_is_registered_with_its_secret(start_bot: StartBot) -> None:
    bot = start_bot("webhook")
    (call,) = bot.api.calls("setWebhook")
    assert call.params["url"] == "https://bot.example.test/telegram/updates"
    assert call.params["secret_token"] == webhook_secret()
    assert set(call.params["allowed_updates"]) == {"message", "callback_query", "inline_query"}
    assert not bot.api.calls("getUpdates")


def test_commands_are_registered_in_both_languages(start_bot: StartBot) -> None:
    bot = start_bot()
    calls = bot.api.calls("setMyCommands")
    by_language = {c.params.get("language_code", ""): c.params["commands"] for c in calls}
    assert set(by_language) == {"", "zh"}
    for commands in by_language.values():
        assert [c["command"] for c in commands] == ["start", "topics", "sources", "lang", "help"]


def test_polling_refreshes_the_heartbeat_and_removes_it_on_shutdown(start_bot: StartBot) -> None:
    from bot.health import check_heartbeat, heartbeat_path

    bot = start_bot()
    bot.ask(tg.text_message(30_002, "/help"), 30_002)
    bot.api.wait_for(lambda _: heartbeat_path(bot.settings.data_dir).exists(), what="heartbeat")
    assert check_heartbeat(bot.settings.data_dir)[0]
    bot.stop()
    assert not heartbeat_path(bot.settings.data_dir).exists()


def test_the_polling_heartbeat_goes_stale_while_the_bot_cannot_poll(
    start_bot: StartBot,
    api: FakeBotApi,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Another instance polling with the same token gets 409 Conflict: a heartbeat beating on
    regardless would call that bot healthy; the polls that fail do not beat."""
    from bot.health import read_heartbeat

    bot = start_bot()
    data_dir = bot.settings.data_dir
    api.wait_for(lambda _: read_heartbeat(data_dir) is not None, what="the first heartbeat")
    api.inject("getUpdates", "409", 3)
    api.enqueue_update(tg.text_message(30_004, "/help"))  # ends a long poll under way

    def conflicts(calls: list[Call]) -> list[Call]:
        return [c for c in calls if c.method == "getUpdates" and c.outcome == "409"]

    first = api.wait_for(lambda calls: conflicts(calls), what="a conflict")[0]
    last = api.wait_for(lambda calls: conflicts(calls)[2:], what="three conflicts")[0]
    assert last.at - first.at > 2.0  # python-telegram-bot waits 1 s, then 1.5 s, between tries
    stamp = read_heartbeat(data_dir)
    assert stamp is not None
    assert stamp < first.at + 0.5  # the write after the last answered poll may land late
    # Polling again: fresh again (a message ends the long poll sooner than its 10 s).
    bot.ask(tg.text_message(30_004, "/help"), 30_004)
    api.wait_for(lambda _: (read_heartbeat(data_dir) or 0) > last.at, what="a fresh heartbeat")
    # The operator reads one line per failed poll, saying what to do, and no traceback.
    failures = [r for r in caplog.records if r.getMessage().startswith("Polling failed")]
    assert len(failures) == 3
    assert "another bot instance is polling with this token" in failures[0].getMessage()
    assert all(r.exc_info is None for r in failures)
    assert "Handling update None" not in caplog.text


def test_a_failing_command_menu_does_not_stop_the_bot(start_bot: StartBot, api: FakeBotApi) -> None:
    api.inject("setMyCommands", "400", 1, description="Bad Request: commands are invalid")
    bot = start_bot()
    (answer,) = bot.ask(tg.text_message(30_003, "/help"), 30_003)
    assert "/topics" in answer.params["text"]
