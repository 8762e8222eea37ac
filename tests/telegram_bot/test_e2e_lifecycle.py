"""Start-up and the webhook door: the secret token, webhook and command registration, heartbeat."""

from __future__ import annotations

import bot_updates as tg
from bot_harness import StartBot, webhook_secret
from fake_bot_api import FakeBotApi, post_update

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


def test_a_failing_command_menu_does_not_stop_the_bot(start_bot: StartBot, api: FakeBotApi) -> None:
    api.inject("setMyCommands", "400", 1, description="Bad Request: commands are invalid")
    bot = start_bot()
    (answer,) = bot.ask(tg.text_message(30_003, "/help"), 30_003)
    assert "/topics" in answer.params["text"]
