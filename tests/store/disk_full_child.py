"""Child process for the full-disk test: a file-size limit stands in for a full disk.

Usage: python disk_full_child.py DATA_DIR. Logs 10,000-character questions until writes fail,
keeps "answering" for a while, then prints a JSON summary on stdout.
"""

from __future__ import annotations

import asyncio
import json
import logging
import resource
import signal
import sys
from pathlib import Path

from bot.store import QuestionLog

LIMIT_BYTES = 256 * 1024


class Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())


async def main(data_dir: Path) -> None:
    counter = Counter()
    logging.getLogger("bot.store").addHandler(counter)
    log = QuestionLog.start(data_dir)
    assert await log.flush()  # opened (and the salt written) before the disk "fills"
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT_BYTES, LIMIT_BYTES))
    stored, refused, answered = 0, 0, 0
    for number in range(300):
        row_id = await log.record(
            question=f"{number} " + "x" * 10_000,
            lang="en",
            outcome="decline",
            entry_id=None,
            score=None,
            user_id=number,
        )
        await log.flush()
        answered += 1  # the bot goes on to answer, whatever the log did
        if row_id is None:
            refused += 1
        else:
            stored += 1
    await log.aclose()
    print(
        json.dumps(
            {"answered": answered, "stored": stored, "refused": refused, "errors": counter.errors}
        )
    )


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
