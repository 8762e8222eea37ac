"""Settings: defaults, every variable parsed, one clear error per bad value, secrets never shown."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.config import (
    DEFAULT_PORT,
    DEFAULT_RETENTION_DAYS,
    OFFICIAL_BASE_FILE_URL,
    OFFICIAL_BASE_URL,
    Secret,
    load_settings,
)
from bot.errors import ConfigError
from bot.paths import shipped_knowledge_dir


def token() -> str:
    return "123456:" + "A" * 35


def errors(environ: dict[str, str], **options: bool) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ, **options)
    return caught.value.messages


def test_defaults_with_only_a_token() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": token()})
    assert settings.token == Secret(token())
    assert settings.api_base_url == OFFICIAL_BASE_URL
    assert settings.api_base_file_url == OFFICIAL_BASE_FILE_URL
    assert settings.knowledge_dir == shipped_knowledge_dir()
    assert settings.data_dir == Path("data")
    assert settings.cache_dir == Path("data") / "cache"
    assert settings.admin_ids == frozenset()
    assert settings.listen == "0.0.0.0"
    assert settings.port == DEFAULT_PORT
    assert settings.log_level == "INFO"
    assert settings.retention_days == DEFAULT_RETENTION_DAYS
    assert settings.webhook is None
    assert settings.mode == "polling"


def test_every_variable_is_read(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": token(),
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
            "TALENT_BOT_KNOWLEDGE_DIR": str(tmp_path),
            "TALENT_BOT_DATA_DIR": str(tmp_path / "data"),
            "TALENT_BOT_CACHE_DIR": str(tmp_path / "engines"),
            "TALENT_BOT_ADMIN_IDS": " 12345, 67890 ,",
            "TALENT_BOT_WEBHOOK_URL": "https://bot.example.org/telegram/hook",
            "TALENT_BOT_WEBHOOK_SECRET": "s3cret_-value",
            "TALENT_BOT_LISTEN": "127.0.0.1",
            "TALENT_BOT_PORT": "8088",
            "TALENT_BOT_LOG_LEVEL": "debug",
            "TALENT_BOT_RETENTION_DAYS": "30",
        }
    )
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"
    assert settings.api_base_file_url == "http://127.0.0.1:8081/file/bot"
    assert settings.knowledge_dir == tmp_path
    assert settings.data_dir == tmp_path / "data"
    assert settings.cache_dir == tmp_path / "engines"
    assert settings.admin_ids == {12345, 67890}
    assert settings.log_level == "DEBUG"
    assert settings.retention_days == 30
    assert settings.webhook is not None
    assert settings.mode == "webhook"
    assert settings.webhook.url_path == "telegram/hook"
    assert (settings.webhook.listen, settings.webhook.port) == ("127.0.0.1", 8088)
    assert settings.webhook.secret.reveal() == "s3cret_-value"


@pytest.mark.parametrize(
    ("value", "base", "files"),
    [
        ("http://127.0.0.1:8081", "http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot"),
        ("http://127.0.0.1:8081/", "http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot"),
        (
            "https://api.example.org/bot{token}/test",
            "https://api.example.org/bot{token}/test",
            "https://api.example.org/file/bot{token}/test",
        ),
        # The token (or "/<method>") is appended, so a trailing slash would double up.
        (
            "http://127.0.0.1:8081/bot/",
            "http://127.0.0.1:8081/bot",
            "http://127.0.0.1:8081/file/bot",
        ),
        (
            "https://api.example.org/bot{token}/test/",
            "https://api.example.org/bot{token}/test",
            "https://api.example.org/file/bot{token}/test",
        ),
        ("http://[::1]:8081/bot", "http://[::1]:8081/bot", "http://[::1]:8081/file/bot"),
    ],
)
def test_base_url_forms(value: str, base: str, files: str) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": token(), "TELEGRAM_API_BASE_URL": value})
    assert (settings.api_base_url, settings.api_base_file_url) == (base, files)


def test_every_bad_value_gets_its_own_message(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    messages = errors(
        {
            "TELEGRAM_BOT_TOKEN": "not-a-token",
            "TELEGRAM_API_BASE_URL": "ftp://example.org",
            "TALENT_BOT_KNOWLEDGE_DIR": str(tmp_path / "missing"),
            "TALENT_BOT_DATA_DIR": str(tmp_path / "file"),
            "TALENT_BOT_CACHE_DIR": str(tmp_path / "file"),
            "TALENT_BOT_ADMIN_IDS": "12,abc,-5",
            "TALENT_BOT_LISTEN": "not a host!",
            "TALENT_BOT_PORT": "70000",
            "TALENT_BOT_LOG_LEVEL": "LOUD",
            "TALENT_BOT_RETENTION_DAYS": "0",
            "TALENT_BOT_WEBHOOK_URL": "http://insecure.example.org/hook",
        }
    )
    named = [m.split(":", 1)[0] for m in messages]
    assert named == [
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_API_BASE_URL",
        "TALENT_BOT_KNOWLEDGE_DIR",
        "TALENT_BOT_DATA_DIR",
        "TALENT_BOT_CACHE_DIR",
        "TALENT_BOT_ADMIN_IDS",
        "TALENT_BOT_LISTEN",
        "TALENT_BOT_PORT",
        "TALENT_BOT_LOG_LEVEL",
        "TALENT_BOT_RETENTION_DAYS",
        "TALENT_BOT_WEBHOOK_URL",
        "TALENT_BOT_WEBHOOK_SECRET",
    ]
    assert "'abc', '-5'" in messages[5]


def test_the_cache_folder_follows_the_data_folder(tmp_path: Path) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": token(), "TALENT_BOT_DATA_DIR": str(tmp_path)})
    assert settings.cache_dir == tmp_path / "cache"


def test_missing_token_is_explained() -> None:
    (message,) = errors({})
    assert message.startswith("TELEGRAM_BOT_TOKEN: not set")
    assert "BotFather" in message


def test_token_is_optional_for_the_healthcheck() -> None:
    assert load_settings({}, require_token=False).token is None


@pytest.mark.parametrize(
    "bad",
    [
        "123456:" + "A" * 20,  # too short
        "123456" + "A" * 35,  # no colon
        " 123456:" + "A" * 34 + "!",  # a stray character
        "bot123456:" + "A" * 35,
    ],
)
def test_a_malformed_token_is_never_echoed(bad: str) -> None:
    (message,) = errors({"TELEGRAM_BOT_TOKEN": bad})
    assert "malformed" in message
    assert bad.strip() not in message
    assert "A" * 20 not in message


def test_webhook_requires_a_well_formed_secret_never_echoed() -> None:
    base = {"TELEGRAM_BOT_TOKEN": token(), "TALENT_BOT_WEBHOOK_URL": "https://x.example.org/h"}
    (missing,) = errors(base)
    assert missing.startswith("TALENT_BOT_WEBHOOK_SECRET: required")
    secret = "has spaces and !" + "z" * 10
    (bad,) = errors({**base, "TALENT_BOT_WEBHOOK_SECRET": secret})
    assert "malformed" in bad
    assert secret not in bad


def test_secrets_do_not_show_in_repr() -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": token(),
            "TALENT_BOT_WEBHOOK_URL": "https://x.example.org/h",
            "TALENT_BOT_WEBHOOK_SECRET": "webhook-secret-value",
        }
    )
    shown = f"{settings!r} {settings} {settings.token}"
    assert token() not in shown
    assert "webhook-secret-value" not in shown
    assert set(settings.secrets()) == {token(), "webhook-secret-value"}


def test_blank_values_mean_unset() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": token(), "TALENT_BOT_PORT": "  "})
    assert settings.port == DEFAULT_PORT


@pytest.mark.parametrize(
    "name", ["TALENT_BOT_PORT", "TALENT_BOT_RETENTION_DAYS", "TALENT_BOT_ADMIN_IDS"]
)
def test_a_number_too_long_for_int_is_a_config_error(name: str) -> None:
    # int() refuses more than 4300 digits with a ValueError of its own.
    (message,) = errors({"TELEGRAM_BOT_TOKEN": token(), name: "9" * 5000})
    assert message.startswith(f"{name}: ")
    assert len(message) < 200


def test_leading_zeros_still_read_as_the_number() -> None:
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": token(), "TALENT_BOT_PORT": "0008088", "TALENT_BOT_ADMIN_IDS": "007"}
    )
    assert (settings.port, settings.admin_ids) == (8088, {7})


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("http://127.0.0.1:99999/bot", "port"),
        ("http://127.0.0.1:abc/bot", "port"),
        ("http://127.0.0.1:0/bot", "port"),
        ("http://:18081/bot", "host"),
        ("http://[::1/bot", "IPv6"),
        ("http://[not-an-address]/bot", "IPv6"),
        ("http://127.0.0.256:18081/bot", "IPv4"),
        ("http://10.1.1:18081/bot", "IPv4"),
    ],
)
def test_a_base_url_with_a_bad_host_or_port_is_refused_at_start_up(
    value: str, problem: str
) -> None:
    (message,) = errors({"TELEGRAM_BOT_TOKEN": token(), "TELEGRAM_API_BASE_URL": value})
    assert message.startswith("TELEGRAM_API_BASE_URL: ")
    assert problem in message
    assert value not in message  # a base URL may hold the token


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("https://[::1/x", "IPv6"),
        ("https://bot.example.org:abc/x", "port"),
        ("https:///x", "host"),
        ("https://300.1.1.1/x", "IPv4"),
    ],
)
def test_a_webhook_url_with_a_bad_host_or_port_is_refused_at_start_up(
    value: str, problem: str
) -> None:
    environ = {
        "TELEGRAM_BOT_TOKEN": token(),
        "TALENT_BOT_WEBHOOK_URL": value,
        "TALENT_BOT_WEBHOOK_SECRET": "webhook-secret-value",
    }
    (message,) = errors(environ)
    assert message.startswith("TALENT_BOT_WEBHOOK_URL: ")
    assert problem in message
    assert "webhook-secret-value" not in message


def test_a_webhook_port_telegram_does_not_post_to_is_refused_unless_the_api_is_ones_own() -> None:
    environ = {
        "TELEGRAM_BOT_TOKEN": token(),
        "TALENT_BOT_WEBHOOK_URL": "https://bot.example.org:8080/x",
        "TALENT_BOT_WEBHOOK_SECRET": "webhook-secret-value",
    }
    (message,) = errors(environ)
    assert message.startswith("TALENT_BOT_WEBHOOK_URL: ")
    assert "443, 80, 88 and 8443" in message
    own_server = {**environ, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot"}
    assert load_settings(own_server).webhook is not None
    for allowed in ("https://bot.example.org/x", "https://bot.example.org:8443/x"):
        assert load_settings({**environ, "TALENT_BOT_WEBHOOK_URL": allowed}).webhook is not None


def test_a_webhook_secret_without_a_webhook_url_is_refused_never_echoed() -> None:
    # Most often the URL's name is misspelt: polling instead would hide it.
    environ = {
        "TELEGRAM_BOT_TOKEN": token(),
        "TALENT_BOT_WEBHOOK_SECRET": "webhook-secret-value",
        "TALENT_BOT_WEBHOK_URL": "https://x.example.org/h",
    }
    (message,) = errors(environ)
    assert message.startswith("TALENT_BOT_WEBHOOK_SECRET: ")
    assert "TALENT_BOT_WEBHOOK_URL" in message
    assert "polling" in message
    assert "webhook-secret-value" not in message


@pytest.mark.parametrize("value", ["999.1.1.1", "256.0.0.1", "1.2.3", "10.0.0.1."])
def test_a_listen_address_of_numbers_must_be_a_valid_ipv4_address(value: str) -> None:
    (message,) = errors({"TELEGRAM_BOT_TOKEN": token(), "TALENT_BOT_LISTEN": value})
    assert message.startswith("TALENT_BOT_LISTEN: ")
    assert "IPv4" in message


@pytest.mark.parametrize("value", ["0.0.0.0", "::", "127.0.0.1", "localhost", "bot-1.internal"])
def test_listen_addresses_and_host_names_are_accepted(value: str) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": token(), "TALENT_BOT_LISTEN": value})
    assert settings.listen == value


def test_run_refuses_a_data_folder_it_cannot_create(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    data = tmp_path / "file" / "data"
    environ = {"TELEGRAM_BOT_TOKEN": token(), "TALENT_BOT_DATA_DIR": str(data)}
    (message,) = errors(environ, require_writable_data_dir=True)
    assert message.startswith("TALENT_BOT_DATA_DIR: ")
    assert f"'{data}'" in message
    assert f"uid {os.geteuid()}" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_run_refuses_a_data_folder_it_cannot_write_to(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o555)
    environ = {"TELEGRAM_BOT_TOKEN": token(), "TALENT_BOT_DATA_DIR": str(data)}
    (message,) = errors(environ, require_writable_data_dir=True)
    assert message.startswith("TALENT_BOT_DATA_DIR: ")
    assert f"'{data}'" in message
    assert "writable" in message
    assert f"uid {os.geteuid()}" in message


def test_run_creates_the_data_folder_and_leaves_no_trace_of_the_check(tmp_path: Path) -> None:
    data = tmp_path / "new" / "data"
    environ = {"TELEGRAM_BOT_TOKEN": token(), "TALENT_BOT_DATA_DIR": str(data)}
    assert load_settings(environ, require_writable_data_dir=True).data_dir == data
    assert list(data.iterdir()) == []


def test_other_commands_do_not_touch_the_data_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    for data in (tmp_path / "new", tmp_path / "file" / "data"):
        settings = load_settings({"TALENT_BOT_DATA_DIR": str(data)}, require_token=False)
        assert settings.data_dir == data
    assert not (tmp_path / "new").exists()
