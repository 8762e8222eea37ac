"""The salt that makes user hashes useless outside this installation.

The salt is 32 random bytes in a file in the data folder, created once with mode 0600 and
reused for ever after, so the same user gets the same hash across restarts (feedback and
"how many people asked" need that) while nobody without the file can test a known user id
against the log.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from pathlib import Path

SALT_FILE_NAME = "question-log.salt"
SALT_BYTES = 32


def load_or_create_salt(data_dir: Path) -> bytes:
    """Read the salt, creating it (0600) if it does not exist yet. Raises ``OSError``."""
    path = data_dir / SALT_FILE_NAME
    existing = _read_salt(path)
    if existing is not None:
        return existing
    data_dir.mkdir(parents=True, exist_ok=True)
    # Written to a private temporary file and linked into place: a crash never leaves a
    # half-written salt, and two processes starting together agree on one salt.
    temporary = data_dir / f".{SALT_FILE_NAME}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(secrets.token_bytes(SALT_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another process won the race: use its salt
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    salt = _read_salt(path)
    if salt is None:
        raise OSError(f"the salt file {path} could not be created")
    return salt


def _read_salt(path: Path) -> bytes | None:
    try:
        salt = path.read_bytes()
    except FileNotFoundError:
        return None
    if len(salt) < SALT_BYTES:
        raise OSError(
            f"the salt file {path} is damaged ({len(salt)} bytes); restore it from backup"
        )
    return salt


def hash_user(salt: bytes, user_id: int | str) -> str:
    """HMAC-SHA256 of the user id, hex. The raw id never reaches the database."""
    return hmac.new(salt, str(user_id).encode("utf-8"), hashlib.sha256).hexdigest()
