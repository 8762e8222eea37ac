"""Is the running bot alive? A heartbeat file for polling, a port check for webhooks.

In polling mode the bot rewrites ``<data dir>/heartbeat`` each time the Bot API answers a poll
for updates (at least every 10 s while idle, at most once a second); a bot whose event loop is
stuck, or which cannot poll, stops doing so. In webhook mode the bot must accept connections
on its port. ``check_health`` answers for either mode, for
``talent-bot healthcheck`` (a container ``HEALTHCHECK``).
"""

from __future__ import annotations

import os
import socket
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings

HEARTBEAT_FILE = "heartbeat"
HEARTBEAT_MAX_AGE = 60.0  # older than this means stuck
CONNECT_TIMEOUT = 3.0


def heartbeat_path(data_dir: Path) -> Path:
    return data_dir / HEARTBEAT_FILE


def write_heartbeat(data_dir: Path, now: float | None = None) -> None:
    """Write the current time; atomic, so a reader never sees half a number."""
    data_dir.mkdir(parents=True, exist_ok=True)
    stamp = f"{time.time() if now is None else now:.3f}\n"
    fd, temporary = tempfile.mkstemp(dir=data_dir, prefix=".heartbeat-")
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(stamp)
        os.replace(temporary, heartbeat_path(data_dir))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_heartbeat(data_dir: Path) -> float | None:
    try:
        return float(heartbeat_path(data_dir).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def check_heartbeat(
    data_dir: Path, max_age: float = HEARTBEAT_MAX_AGE, now: float | None = None
) -> tuple[bool, str]:
    stamp = read_heartbeat(data_dir)
    if stamp is None:
        return False, f"unhealthy: no heartbeat in {heartbeat_path(data_dir)}"
    age = (time.time() if now is None else now) - stamp
    if age > max_age:
        return False, (
            f"unhealthy: the Bot API last answered a poll {age:.0f}s ago (limit {max_age:.0f}s); "
            "see the bot's log"
        )
    return True, f"healthy: polling, the Bot API last answered a poll {max(age, 0.0):.0f}s ago"


def local_address(listen: str) -> str:
    """Where to connect to reach a server listening on ``listen`` from the same host."""
    if listen in ("0.0.0.0", "", "localhost"):  # noqa: S104 - comparing, not binding
        return "127.0.0.1"
    if listen == "::":
        return "::1"
    return listen


def check_port(host: str, port: int, timeout: float = CONNECT_TIMEOUT) -> tuple[bool, str]:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as exc:
        return (
            False,
            f"unhealthy: nothing accepts connections on {host}:{port} ({exc.strerror or exc})",
        )
    return True, f"healthy: webhook, {host}:{port} accepts connections"


def check_health(settings: Settings) -> tuple[bool, str]:
    """``(healthy, one line for people)`` for the mode the settings select."""
    if settings.webhook is not None:
        return check_port(local_address(settings.webhook.listen), settings.webhook.port)
    return check_heartbeat(settings.data_dir)
