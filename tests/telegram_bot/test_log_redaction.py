"""The second line of defence: a secret never survives into a log record."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot.telegram_bot.logs import REDACTED, SecretRedactor, install_redaction, quiet_noisy_loggers


def secret() -> str:
    return "123456:" + "B" * 35


@pytest.fixture
def redacting() -> Iterator[None]:
    undo = install_redaction([secret()])
    yield
    undo()


@pytest.mark.usefixtures("redacting")
def test_message_arguments_and_tracebacks_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    logger = logging.getLogger("tests.redaction")
    logger.debug("URL http://x/bot%s/getMe", secret())
    logger.info(f"inline {secret()}")
    try:
        raise RuntimeError(f"failed calling /bot{secret()}/sendMessage")
    except RuntimeError:
        logger.exception("boom")
    assert secret() not in caplog.text
    assert caplog.text.count(REDACTED) >= 3


def test_redactor_as_a_handler_filter() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token=%s", (secret(),), None)
    assert SecretRedactor([secret()]).filter(record)
    assert record.getMessage() == f"token={REDACTED}"


def test_a_broken_format_string_is_still_redacted() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, f"{secret()} %d", ("x",), None)
    SecretRedactor([secret()]).filter(record)
    assert secret() not in record.getMessage()


def test_uninstall_restores_the_factory() -> None:
    before = logging.getLogRecordFactory()
    undo = install_redaction([secret()])
    assert logging.getLogRecordFactory() is not before
    undo()
    assert logging.getLogRecordFactory() is before


def test_httpx_is_quiet_below_warning() -> None:
    quiet_noisy_loggers()
    assert not logging.getLogger("httpx").isEnabledFor(logging.INFO)
