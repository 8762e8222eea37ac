"""Settings from the environment, read and validated once at start-up.

``load_settings()`` reads every variable, checks every value, and raises one
``ConfigError`` that lists one line per bad value, so an operator fixes them all in one go.
Secrets (the bot token, the webhook secret) are held in ``Secret`` so that no ``repr``,
f-string or error message can print them; error messages name the variable, never the value.

==============================  ======================================================
Variable                        Meaning
==============================  ======================================================
TELEGRAM_BOT_TOKEN              required by ``run``: the token from BotFather
TELEGRAM_API_BASE_URL           python-telegram-bot's ``base_url`` (default: official)
TALENT_BOT_KNOWLEDGE_DIR        the knowledge folder (default: the shipped one)
TALENT_BOT_DATA_DIR             the data folder (default: ``./data``); ``run`` must write there
TALENT_BOT_CACHE_DIR            the built engine's cache (default: ``<data folder>/cache``)
TALENT_BOT_ADMIN_IDS            admin user ids, comma-separated
TALENT_BOT_WEBHOOK_URL          public HTTPS address; setting it selects webhook mode
TALENT_BOT_WEBHOOK_SECRET       required with the webhook URL, refused without it
TALENT_BOT_LISTEN               webhook listen address (default ``0.0.0.0``)
TALENT_BOT_PORT                 webhook listen port (default 8443)
TALENT_BOT_LOG_LEVEL            DEBUG, INFO (default), WARNING, ERROR or CRITICAL
TALENT_BOT_RETENTION_DAYS       days the question log keeps a row (default 90)
==============================  ======================================================
"""

from __future__ import annotations

import ipaddress
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from bot.errors import ConfigError
from bot.paths import shipped_knowledge_dir

OFFICIAL_BASE_URL = "https://api.telegram.org/bot"
OFFICIAL_BASE_FILE_URL = "https://api.telegram.org/file/bot"
DEFAULT_DATA_DIR = Path("data")
CACHE_SUBFOLDER = "cache"  # the default TALENT_BOT_CACHE_DIR, inside the data folder
DEFAULT_LISTEN = "0.0.0.0"  # noqa: S104 - a container must accept the reverse proxy's connections
DEFAULT_PORT = 8443
DEFAULT_LOG_LEVEL = "INFO"
DEFAULT_RETENTION_DAYS = 90
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

# BotFather's tokens are "<bot id>:<35 characters>"; accept any length >= 30 for the secret part.
_TOKEN_PATTERN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{30,100}")
# Telegram accepts 1-256 characters from this set for a webhook's secret_token.
_WEBHOOK_SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")
_HOSTNAME_PATTERN = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9-]+)*")
# Digits and dots only is meant as an IPv4 address, though the host-name pattern takes it: the
# resolver then fails (999.1.1.1) or reads it otherwise (1.2.3 is 1.2.0.3) after start-up.
_DOTTED_NUMBERS_PATTERN = re.compile(r"[0-9.]+")
_TELEGRAM_WEBHOOK_PORTS = frozenset({443, 80, 88, 8443})


class Secret:
    """A string that never shows itself in ``repr``, ``str`` or formatted output."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class WebhookSettings:
    url: str  # the public HTTPS address Telegram posts to
    secret: Secret  # sent back by Telegram in X-Telegram-Bot-Api-Secret-Token
    listen: str
    port: int

    @property
    def url_path(self) -> str:
        """The path the local server answers on: the public URL's path, as a proxy forwards it."""
        return urlsplit(self.url).path.strip("/")


@dataclass(frozen=True)
class Settings:
    token: Secret | None
    api_base_url: str
    api_base_file_url: str
    knowledge_dir: Path
    data_dir: Path
    cache_dir: Path
    admin_ids: frozenset[int]
    listen: str
    port: int
    log_level: str
    retention_days: int
    webhook: WebhookSettings | None = field(default=None)

    @property
    def mode(self) -> str:
        return "webhook" if self.webhook is not None else "polling"

    def secrets(self) -> tuple[str, ...]:
        """Every secret value, for the log redaction filter."""
        found = [self.token.reveal()] if self.token else []
        if self.webhook is not None:
            found.append(self.webhook.secret.reveal())
        return tuple(found)


T = TypeVar("T")


class _Reader:
    """Reads variables and collects one message per bad value instead of stopping at the first."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self.environ = environ
        self.errors: list[str] = []

    def raw(self, name: str) -> str | None:
        value = self.environ.get(name)
        if value is None or not value.strip():
            return None
        return value.strip()

    def parsed(self, name: str, default: T, parse: Callable[[str], T | str]) -> T:
        """``parse`` returns the value, or a ``str`` explaining what is wrong with it."""
        value = self.raw(name)
        if value is None:
            return default
        result = parse(value)
        if isinstance(result, str) and not isinstance(default, str):
            self.errors.append(f"{name}: {result}")
            return default
        return result  # type: ignore[return-value]

    def error(self, message: str) -> None:
        self.errors.append(message)


def load_settings(
    environ: Mapping[str, str] | None = None,
    *,
    require_token: bool = True,
    require_writable_data_dir: bool = False,
) -> Settings:
    """Read and check every setting; raise ``ConfigError`` listing each bad value.

    ``require_writable_data_dir`` creates the data folder if missing and tries a file in it,
    for ``run``; other commands (the health check) leave the file system alone.
    """
    env = os.environ if environ is None else environ
    reader = _Reader(env)

    token = _read_token(reader, require_token)
    base_url, base_file_url = _read_base_urls(reader)
    knowledge_dir = reader.parsed("TALENT_BOT_KNOWLEDGE_DIR", shipped_knowledge_dir(), _folder)
    data_dir = _read_data_dir(reader, require_writable_data_dir)
    cache_dir = reader.parsed("TALENT_BOT_CACHE_DIR", data_dir / CACHE_SUBFOLDER, _data_folder)
    admin_ids = reader.parsed("TALENT_BOT_ADMIN_IDS", frozenset[int](), _admin_ids)
    listen = _read_listen(reader)
    port = reader.parsed("TALENT_BOT_PORT", DEFAULT_PORT, _port)
    log_level = _read_log_level(reader)
    retention = reader.parsed("TALENT_BOT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS, _days)
    webhook = _read_webhook(reader, listen, port, official_api=base_url == OFFICIAL_BASE_URL)

    if reader.errors:
        raise ConfigError(reader.errors)
    return Settings(
        token=token,
        api_base_url=base_url,
        api_base_file_url=base_file_url,
        knowledge_dir=knowledge_dir,
        data_dir=data_dir,
        cache_dir=cache_dir,
        admin_ids=admin_ids,
        listen=listen,
        port=port,
        log_level=log_level,
        retention_days=retention,
        webhook=webhook,
    )


def _read_token(reader: _Reader, required: bool) -> Secret | None:
    value = reader.raw("TELEGRAM_BOT_TOKEN")
    if value is None:
        if required:
            reader.error(
                "TELEGRAM_BOT_TOKEN: not set; get a token from @BotFather in Telegram "
                "and set it in the environment"
            )
        return None
    if not _TOKEN_PATTERN.fullmatch(value):
        # Never echo the value: a malformed token is often a real token with a typo.
        reader.error(
            "TELEGRAM_BOT_TOKEN: malformed (value not shown); expected the form "
            "<digits>:<at least 30 letters, digits, '_' or '-'> as @BotFather gives it"
        )
        return None
    return Secret(value)


def _read_base_urls(reader: _Reader) -> tuple[str, str]:
    """python-telegram-bot's ``base_url`` and the matching ``base_file_url``.

    The value means exactly what ``ApplicationBuilder().base_url()`` means: the token is
    appended (``http://127.0.0.1:8081/bot`` -> ``http://127.0.0.1:8081/bot<token>/getMe``), or
    put where ``{token}`` stands. A bare server address with no path
    (``http://127.0.0.1:8081``) gets the usual ``/bot`` added, since appending a token to a
    host name has no other sensible meaning. A trailing ``/`` is dropped. The file URL puts
    ``/file`` before the last ``/bot``.
    """
    value = reader.raw("TELEGRAM_API_BASE_URL")
    if value is None:
        return OFFICIAL_BASE_URL, OFFICIAL_BASE_FILE_URL
    leftover = value.replace("{token}", "")
    if not value.lower().startswith(("http://", "https://")):
        reader.error(
            "TELEGRAM_API_BASE_URL: expected an http:// or https:// address such as "
            "http://127.0.0.1:8081/bot"
        )
        return OFFICIAL_BASE_URL, OFFICIAL_BASE_FILE_URL
    if (problem := _address_problem(value)) is not None:
        reader.error(f"TELEGRAM_API_BASE_URL: {problem}; expected e.g. http://127.0.0.1:8081/bot")
        return OFFICIAL_BASE_URL, OFFICIAL_BASE_FILE_URL
    if "{" in leftover or "}" in leftover:
        reader.error("TELEGRAM_API_BASE_URL: the only placeholder allowed is {token}")
        return OFFICIAL_BASE_URL, OFFICIAL_BASE_FILE_URL
    # The token, or "/<method>" after {token}, is appended as is: a trailing slash would make
    # ".../bot/<token>" or "...//getMe", which the server answers with 404.
    value = value.rstrip("/")
    if not urlsplit(value).path and "{token}" not in value:
        value += "/bot"
    head, sep, tail = value.rpartition("/bot")
    file_url = f"{head}/file/bot{tail}" if sep else value + "/file/bot"
    return value, file_url


def _address_problem(url: str) -> str | None:
    """What is wrong with the host or port of an http(s) ``url``, or ``None``.

    Found here, these would only show at the first request, as a traceback or a retry loop.
    The answer never quotes ``url``: a base URL may hold the token.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # "Invalid IPv6 URL": an unclosed "[", or no IPv6 address inside
        return "the host is not a valid IPv6 address in brackets, such as [::1]"
    if not parts.hostname:
        return "the address has no host name"
    if _DOTTED_NUMBERS_PATTERN.fullmatch(parts.hostname):
        try:
            ipaddress.IPv4Address(parts.hostname)
        except ValueError:
            return "the host is not a valid IPv4 address (four numbers from 0 to 255)"
    try:
        port = parts.port
    except ValueError:  # not digits, or above 65535
        port = 0
    if port == 0:
        return "the port after the host must be a number from 1 to 65535"
    return None


def _folder(value: str) -> Path | str:
    path = Path(value).expanduser()
    if not path.is_dir():
        return f"'{value}' is not a folder"
    return path


def _data_folder(value: str) -> Path | str:
    path = Path(value).expanduser()
    if path.exists() and not path.is_dir():
        return f"'{value}' exists and is not a folder"
    return path


def _read_data_dir(reader: _Reader, writable: bool) -> Path:
    value = reader.raw("TALENT_BOT_DATA_DIR")
    path = DEFAULT_DATA_DIR if value is None else _data_folder(value)
    if isinstance(path, str):
        reader.error(f"TALENT_BOT_DATA_DIR: {path}")
        return DEFAULT_DATA_DIR
    if writable and (problem := _cannot_write(path)) is not None:
        reader.error(f"TALENT_BOT_DATA_DIR: {problem}")
    return path


def _cannot_write(folder: Path) -> str | None:
    """Why the bot cannot create files in ``folder`` (created if missing), or ``None``.

    A bot that cannot write there still answers, but never writes its heartbeat, so the health
    check reports it unhealthy with no reason given; better to stop at start-up and say why.
    Tried rather than read from the mode bits, which root ignores and a read-only mount hides.
    """
    shown = folder.absolute()
    user = f"uid {os.geteuid()}, the user the bot runs as"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return (
            f"cannot create the folder '{shown}' ({exc.strerror or exc}); create it, writable "
            f"by {user}, or set TALENT_BOT_DATA_DIR to another folder"
        )
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
            pass
    except OSError as exc:
        return (
            f"cannot create files in '{shown}' ({exc.strerror or exc}); make it writable by "
            f"{user}, or set TALENT_BOT_DATA_DIR to another folder"
        )
    return None


def _admin_ids(value: str) -> frozenset[int] | str:
    ids: set[int] = set()
    bad: list[str] = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        number = _whole_number(item, 1, 2**63 - 1)
        if number is not None:
            ids.add(number)
        else:
            bad.append(f"'{item[:30]}'")
    if bad:
        return f"not a numeric Telegram user id: {', '.join(bad)} (expected e.g. 12345,67890)"
    return frozenset(ids)


def _whole_number(value: str, low: int, high: int) -> int | None:
    """``value`` as a number from ``low`` to ``high``, or ``None`` if it is not one."""
    if not (value.isascii() and value.isdigit()):
        return None
    # Too many digits is out of range anyway, and int() would raise on more than 4300 of them.
    if len(value.lstrip("0")) > len(str(high)):
        return None
    number = int(value)
    return number if low <= number <= high else None


def _port(value: str) -> int | str:
    number = _whole_number(value, 1, 65535)
    if number is not None:
        return number
    return f"expected a port number from 1 to 65535, got '{value[:30]}'"


def _days(value: str) -> int | str:
    number = _whole_number(value, 1, 36500)
    if number is not None:
        return number
    return f"expected a whole number of days from 1 to 36500, got '{value[:30]}'"


def _read_listen(reader: _Reader) -> str:
    value = reader.raw("TALENT_BOT_LISTEN")
    if value is None:
        return DEFAULT_LISTEN
    try:
        ipaddress.ip_address(value)
    except ValueError:
        if _DOTTED_NUMBERS_PATTERN.fullmatch(value):
            reader.error(
                f"TALENT_BOT_LISTEN: '{value[:60]}' is not a valid IPv4 address (four numbers "
                f"from 0 to 255, such as 0.0.0.0 or 127.0.0.1)"
            )
            return DEFAULT_LISTEN
        if not _HOSTNAME_PATTERN.fullmatch(value):
            reader.error(
                f"TALENT_BOT_LISTEN: expected an IP address or host name such as 0.0.0.0, "
                f"got '{value[:60]}'"
            )
            return DEFAULT_LISTEN
    return value


def _read_log_level(reader: _Reader) -> str:
    value = reader.raw("TALENT_BOT_LOG_LEVEL")
    if value is None:
        return DEFAULT_LOG_LEVEL
    if value.upper() not in LOG_LEVELS:
        reader.error(
            f"TALENT_BOT_LOG_LEVEL: expected one of {', '.join(LOG_LEVELS)}, got '{value[:30]}'"
        )
        return DEFAULT_LOG_LEVEL
    return value.upper()


def _read_webhook(
    reader: _Reader, listen: str, port: int, *, official_api: bool
) -> WebhookSettings | None:
    url = reader.raw("TALENT_BOT_WEBHOOK_URL")
    secret = reader.raw("TALENT_BOT_WEBHOOK_SECRET")
    if url is None:
        # A secret alone most likely means a misspelt or forgotten URL variable: polling
        # instead would leave the operator waiting for webhook updates that never come.
        if secret is not None:
            reader.error(
                "TALENT_BOT_WEBHOOK_SECRET: set, but TALENT_BOT_WEBHOOK_URL is not; set "
                "TALENT_BOT_WEBHOOK_URL for webhook mode, or unset TALENT_BOT_WEBHOOK_SECRET "
                "to use polling"
            )
        return None
    sound = True
    if not url.lower().startswith("https://"):
        reader.error(
            "TALENT_BOT_WEBHOOK_URL: Telegram only posts to https:// addresses; expected e.g. "
            "https://bot.example.org/telegram"
        )
        sound = False
    elif (problem := _address_problem(url)) is not None:
        reader.error(
            f"TALENT_BOT_WEBHOOK_URL: {problem}; expected e.g. https://bot.example.org/telegram"
        )
        sound = False
    elif official_api and (urlsplit(url).port or 443) not in _TELEGRAM_WEBHOOK_PORTS:
        # Telegram's servers refuse any other port, but only when the webhook is registered;
        # a Bot API server of one's own (TELEGRAM_API_BASE_URL) accepts any.
        reader.error(
            "TALENT_BOT_WEBHOOK_URL: Telegram only posts to ports 443, 80, 88 and 8443; use "
            "one of them in the address (a proxy may forward it to TALENT_BOT_PORT)"
        )
        sound = False
    if secret is None:
        reader.error(
            "TALENT_BOT_WEBHOOK_SECRET: required when TALENT_BOT_WEBHOOK_URL is set, so that "
            "only Telegram can post updates (1-256 characters from A-Z, a-z, 0-9, _ and -)"
        )
        sound = False
    elif not _WEBHOOK_SECRET_PATTERN.fullmatch(secret):
        reader.error(
            "TALENT_BOT_WEBHOOK_SECRET: malformed (value not shown); Telegram allows "
            "1-256 characters from A-Z, a-z, 0-9, _ and -"
        )
        sound = False
    if not sound or secret is None:
        return None
    return WebhookSettings(url=url, secret=Secret(secret), listen=listen, port=port)
