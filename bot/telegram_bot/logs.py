"""Logging set-up that keeps secrets out: the first line of defence is not logging them (the
``httpx`` request log, which prints each URL and so the token, is raised to WARNING); the second
is a filter that replaces any secret in a record before any handler sees it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

REDACTED = "[REDACTED]"
# Loggers that print request URLs (which contain the token) at INFO or DEBUG.
NOISY_LOGGERS = ("httpx", "httpcore")


class SecretRedactor(logging.Filter):
    """Rewrites a record so that no secret survives in its message, arguments or traceback."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def redact(self, value: str) -> str:
        for secret in self.secrets:
            value = value.replace(secret, REDACTED)
        return value

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the raw template, still redacted
            message = str(record.msg)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install_redaction(secrets: Iterable[str]) -> Callable[[], None]:
    """Redact ``secrets`` from every record created from now on, whichever logger or handler
    it goes to; returns a function that undoes it."""
    redactor = SecretRedactor(secrets)
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        redactor.filter(record)
        return record

    logging.setLogRecordFactory(factory)
    return lambda: logging.setLogRecordFactory(previous)


class BootstrapTracebackTrimmer(logging.Filter):
    """Keeps one line of python-telegram-bot's report of a failed start-up request.

    The library logs the failure with its traceback (three chained, about a hundred lines),
    then raises it; ``serve`` says in one line what failed and which setting to check, so the
    traceback only buries that line.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith(_BOOTSTRAP_PREFIX) or (
            isinstance(record.args, tuple)
            and record.args
            and str(record.args[0]).startswith(_BOOTSTRAP_PREFIX)
        ):
            record.exc_info = record.exc_text = None
        return True


_BOOTSTRAP_PREFIX = "Network Retry Loop (Bootstrap"
# The logger python-telegram-bot's retry loops write to.
_RETRY_LOOP_LOGGER = "telegram.ext"


def quiet_noisy_loggers() -> None:
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    retry_loop = logging.getLogger(_RETRY_LOOP_LOGGER)
    if not any(isinstance(f, BootstrapTracebackTrimmer) for f in retry_loop.filters):
        retry_loop.addFilter(BootstrapTracebackTrimmer())


def configure_logging(level: str) -> None:
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level, force=True
    )
