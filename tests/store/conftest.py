from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import QuestionLog


@pytest.fixture
async def question_log(tmp_path: Path) -> AsyncIterator[QuestionLog]:
    log = QuestionLog.start(tmp_path / "data")
    yield log
    await log.aclose()
