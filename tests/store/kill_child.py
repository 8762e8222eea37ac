"""Child process for the kill test: logs questions forever, printing each committed row id.

Usage: python kill_child.py DATA_DIR. Prints "ready", then "ack <id>" for every row whose
flush returned True (so the parent knows it was committed), until it is killed.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.store import QuestionLog


async def main(data_dir: Path) -> None:
    log = QuestionLog.start(data_dir)
    print("ready", flush=True)
    number = 0
    while True:
        pending = []
        for _ in range(1 + number % 7):  # batches of varying size
            number += 1
            row_id = await log.record(
                question=f"question {number} 住房补贴 " + "x" * (number % 50),
                lang="en",
                outcome="decline",
                entry_id=None,
                score=None,
                user_id=number,
            )
            if row_id is not None:
                pending.append(row_id)
        if await log.flush():
            for row_id in pending:
                print(f"ack {row_id}", flush=True)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
