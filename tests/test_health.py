"""The heartbeat file, the port check, and ``talent-bot healthcheck``."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from bot import config
from bot.cli import main
from bot.config import load_settings
from bot.health import (
    HEARTBEAT_MAX_AGE,
    check_health,
    check_heartbeat,
    heartbeat_path,
    local_address,
    read_heartbeat,
    write_heartbeat,
)


def test_heartbeat_round_trip(tmp_path: Path) -> None:
    data = tmp_path / "new" / "data"
    write_heartbeat(data, now=1000.0)
    assert read_heartbeat(data) == 1000.0
    assert [p.name for p in data.iterdir()] == ["heartbeat"]  # no temporary files left behind


def test_fresh_heartbeat_is_healthy_and_stale_is_not(tmp_path: Path) -> None:
    write_heartbeat(tmp_path, now=1000.0)
    healthy, message = check_heartbeat(tmp_path, now=1000.0 + HEARTBEAT_MAX_AGE - 1)
    assert healthy
    assert message.startswith("healthy")
    healthy, message = check_heartbeat(tmp_path, now=1000.0 + HEARTBEAT_MAX_AGE + 1)
    assert not healthy
    assert "ago" in message


def test_missing_or_garbled_heartbeat_is_unhealthy(tmp_path: Path) -> None:
    assert not check_heartbeat(tmp_path)[0]
    heartbeat_path(tmp_path).write_text("not a time")
    assert not check_heartbeat(tmp_path)[0]


@pytest.mark.parametrize(
    ("listen", "address"),
    [("0.0.0.0", "127.0.0.1"), ("::", "::1"), ("127.0.0.1", "127.0.0.1"), ("10.1.2.3", "10.1.2.3")],
)
def test_local_address(listen: str, address: str) -> None:
    assert local_address(listen) == address


def _webhook_env(port: int) -> dict[str, str]:
    return {
        "TALENT_BOT_WEBHOOK_URL": "https://bot.example.org/hook",
        "TALENT_BOT_WEBHOOK_SECRET": "secret",
        "TALENT_BOT_PORT": str(port),
    }


def test_webhook_mode_checks_the_port() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        healthy, message = check_health(load_settings(_webhook_env(port), require_token=False))
        assert healthy, message
    healthy, message = check_health(load_settings(_webhook_env(port), require_token=False))
    assert not healthy
    assert message.startswith("unhealthy")


def test_healthcheck_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("TALENT_BOT_WEBHOOK_URL", raising=False)
    monkeypatch.setenv("TALENT_BOT_DATA_DIR", str(tmp_path))
    assert main(["healthcheck"]) == 1
    assert capsys.readouterr().out.startswith("unhealthy")
    write_heartbeat(tmp_path)
    assert main(["healthcheck"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("healthy")


def test_healthcheck_reports_bad_configuration(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TALENT_BOT_PORT", "not-a-port")
    assert main(["healthcheck"]) == 1
    assert "TALENT_BOT_PORT" in capsys.readouterr().out


def test_healthcheck_help_does_not_list_only_some_settings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # It checks every setting, as run does; a partial list sends an operator looking elsewhere.
    with pytest.raises(SystemExit):
        main(["healthcheck", "--help"])
    named = set(re.findall(r"\bTALENT_BOT_[A-Z_]+", capsys.readouterr().out))
    every = set(re.findall(r"\bTALENT_BOT_[A-Z_]+", Path(config.__file__).read_text("utf-8")))
    assert named in (set(), every)
