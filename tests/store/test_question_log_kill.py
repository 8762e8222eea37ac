"""Killing the process at any moment loses nothing that was committed and corrupts nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot.store import DB_FILE_NAME, read_questions

CHILD = Path(__file__).with_name("kill_child.py")
WATCHDOG_SECONDS = 300


def run_and_kill(data_dir: Path, acks_before_kill: int) -> set[int]:
    """Start the writer, wait for ``acks_before_kill`` committed rows, SIGKILL it."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None
    acknowledged: set[int] = set()
    # if the child ever stalls, kill it so the reads below end instead of hanging the suite
    watchdog = threading.Timer(WATCHDOG_SECONDS, child.kill)
    watchdog.start()
    try:
        assert child.stdout.readline().strip() == "ready"
        while len(acknowledged) < acks_before_kill:
            line = child.stdout.readline()
            assert line.startswith("ack "), line
            acknowledged.add(int(line.split()[1]))
    finally:
        watchdog.cancel()
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        # acknowledgements already in the pipe when the kill landed were committed too
        for line in child.stdout.read().splitlines():
            if line.startswith("ack "):
                acknowledged.add(int(line.split()[1]))
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return acknowledged


@pytest.mark.parametrize("acks_before_kill", [0, 1, 9, 60, 400])
def test_committed_rows_survive_sigkill(tmp_path: Path, acks_before_kill: int) -> None:
    data = tmp_path / "data"
    acknowledged = run_and_kill(data, acks_before_kill)
    # again on the same files: the second run starts from whatever the kill left behind
    acknowledged |= run_and_kill(data, acks_before_kill // 2)

    db_path = data / DB_FILE_NAME
    if not db_path.exists():
        assert acknowledged == set()  # killed before it could open anything
        return
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row.id for row in read_questions(db_path)}
    assert acknowledged <= stored
