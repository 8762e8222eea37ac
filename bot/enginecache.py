"""A cache of built FAQ engines: an unchanged knowledge folder loads without checking or indexing.

Checking a folder and building the engine's indexes take seconds to minutes for a large
knowledge base (about 10 s and 90 s at 10,000 entries, for ``FaqEngine.load`` and for the bot's
start-up), while most starts load a folder that has not changed since the last one. So the built
engine is pickled into a cache folder, under a key that covers everything that can change the
engine or the errors found:

* the cache format, the Python version, and the versions of the libraries the engine and the
  checks use (``LIBRARIES``, and whether PyYAML has libyaml);
* the bot's own code: every ``.py`` file under ``bot/``, path and bytes;
* the ``MatchSettings``, the folder's path as given (the engine records it), and how far the
  folder was checked (``Level``);
* every regular file under the knowledge folder, recursively, path and bytes (a link to a
  folder is recorded by its target). Files the loader ignores are hashed too: a change to one
  costs a rebuild, never a stale answer.

Today's date is not in the key: it changes only warnings (review dates), never errors.

Levels: ``"errors"`` is what ``FaqEngine.load`` checks; ``"full"`` is everything
``talent-bot check`` checks, as hot reload and the bot's start-up do. A ``"full"`` entry also
serves an ``"errors"`` request, never the other way round. Only an engine whose folder had no
errors is stored (``build`` raises ``KnowledgeError`` otherwise), and only if the folder did not
change while it was built.

Nothing here fails a load: a cache file that is missing, truncated, corrupt or written by other
code is a miss, and an engine that cannot be stored (a read-only folder, a full disk) is served
all the same; either is logged and the engine is built as if there were no cache. Files are
written to a temporary name and renamed into place, and only the ``KEEP`` most recently used
are kept.

For each folder (with this code and these settings) a small file also names the key of the
engine last loaded with every check passed: when the folder has errors at start-up, the bot
starts with that engine (``last_good``) instead of not starting at all.

Unpickling runs code named in the file, so a cache file is as trusted as the code itself: the
folder is created ``0700`` and files ``0600``, and a folder or file that belongs to another
user, or that group or others may write to, is refused (logged as a warning, then a miss).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import pickle
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal, Protocol

from bot.knowledge import collector_paused
from bot.matching.settings import MatchSettings

if TYPE_CHECKING:
    from bot.faq import FaqEngine

logger = logging.getLogger(__name__)

CACHE_FORMAT = 1  # raise it when the file layout or what the key covers changes
KEEP = 3  # cache files kept, the most recently used first
LIBRARIES = (
    "rapidfuzz",
    "PyYAML",
    "opencc",
    "pypinyin",
)  # the engine's and the checks' dependencies
Level = Literal["errors", "full"]
# The levels whose entries may serve a request, best first.
_SERVES: dict[Level, tuple[Level, ...]] = {"errors": ("full", "errors"), "full": ("full",)}
_MAGIC = b"talent-bot engine cache\n"
_PREFIX, _SUFFIX = "engine-", ".pickle"
_TEMPORARY_PREFIX, _TEMPORARY_SUFFIX = ".engine-", ".tmp"
_LAST_GOOD_PREFIX = "last-good-"
_KEY = re.compile(r"[0-9a-f]{64}")
_STALE_TEMPORARY_SECONDS = 3600  # a temporary file this old was left by a write that died
_PACKAGE_DIR = Path(__file__).resolve().parent


class _Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...


def load_through_cache(
    build: Callable[[], FaqEngine],
    *,
    knowledge_dir: Path,
    settings: MatchSettings,
    level: Level,
    cache_dir: Path | None,
) -> FaqEngine:
    """The engine for ``knowledge_dir`` from ``cache_dir`` if it is there, else ``build()``'s,
    stored for next time; with no ``cache_dir``, just ``build()``'s. Whatever ``build`` raises
    (``KnowledgeError``) is raised unchanged."""
    if cache_dir is None:
        return build()
    if _inside(cache_dir, knowledge_dir):  # each file stored would change the key (and reload)
        logger.warning(
            "engine cache: not used, %s is inside the knowledge folder %s", cache_dir, knowledge_dir
        )
        return build()
    if not _prepared(cache_dir):
        return build()
    try:
        key = base_key(knowledge_dir, settings)
    except OSError as error:  # the folder cannot be listed: the loader will say why
        logger.info("engine cache: not used, cannot read %s: %s", knowledge_dir, error)
        return build()
    engine = fetch(cache_dir, key, level)
    if engine is not None:
        if level == "full":
            _remember_last_good(cache_dir, knowledge_dir, settings, key)
        return engine
    engine = build()
    try:
        unchanged = base_key(knowledge_dir, settings) == key
    except OSError:
        unchanged = False
    if unchanged:
        if store(cache_dir, key, level, engine) and level == "full":
            _remember_last_good(cache_dir, knowledge_dir, settings, key)
    else:
        logger.info("engine cache: %s changed while it loaded; not stored", knowledge_dir)
    return engine


def last_good(cache_dir: Path, knowledge_dir: Path, settings: MatchSettings) -> FaqEngine | None:
    """The engine last loaded from ``knowledge_dir`` with every check passed (``"full"``), by
    this code and these settings, if the cache still holds it; None otherwise.

    The bot starts with it when the folder has errors at start-up: a mistake saved while the
    bot was down must not keep it down.
    """
    if _inside(cache_dir, knowledge_dir) or not _prepared(cache_dir):
        return None
    pointer = _last_good_pointer(cache_dir, knowledge_dir, settings)
    base = _named_key(pointer)
    if base is None:
        logger.info("engine cache: no earlier engine without errors for %s", knowledge_dir)
        return None
    return fetch(cache_dir, base, "full")


def _named_key(pointer: Path) -> str | None:
    """The key a trusted last-good file names, or None."""
    data = _read_trusted(pointer)
    base = None if data is None else bytes(data[:100]).decode("ascii", "replace").strip()
    return base if base is not None and _KEY.fullmatch(base) else None


def _last_good_pointer(cache_dir: Path, knowledge_dir: Path, settings: MatchSettings) -> Path:
    """The file naming the key of the last engine that passed every check for this folder."""
    return cache_dir / f"{_LAST_GOOD_PREFIX}{_setup_digest(knowledge_dir, settings).hexdigest()}"


def _remember_last_good(
    cache_dir: Path, knowledge_dir: Path, settings: MatchSettings, base: str
) -> None:
    pointer = _last_good_pointer(cache_dir, knowledge_dir, settings)
    try:
        _write_replacing(pointer, lambda output: output.write(base.encode("ascii") + b"\n"))
    except OSError as error:
        logger.warning("engine cache: cannot record the last good engine: %s", error)


# --- the key --------------------------------------------------------------------------------


def cache_key(knowledge_dir: Path, settings: MatchSettings, level: Level) -> str:
    """The key of the engine built from ``knowledge_dir`` with ``settings``, checked to
    ``level``."""
    return level_key(base_key(knowledge_dir, settings), level)


def level_key(base: str, level: Level) -> str:
    return hashlib.sha256(f"{base} {level}".encode()).hexdigest()


def base_key(knowledge_dir: Path, settings: MatchSettings) -> str:
    """SHA-256 over all the key covers but the level; OSError if the folder can't be listed."""
    digest = _setup_digest(knowledge_dir, settings)
    _add_folder(digest, Path(knowledge_dir), "")
    return digest.hexdigest()


def _setup_digest(knowledge_dir: Path, settings: MatchSettings) -> hashlib._Hash:
    """The digest of everything the key covers but the folder's files and the level."""
    digest = hashlib.sha256()
    for part in (
        f"format {CACHE_FORMAT}",
        environment_digest(),
        source_digest(),
        repr(settings),
        os.fspath(knowledge_dir),
    ):
        _add(digest, part.encode())
    return digest


@cache
def environment_digest() -> str:
    """Python's and the libraries' versions; read once, as the running process uses them."""
    import yaml

    versions = [sys.implementation.name, sys.version, f"libyaml {yaml.__with_libyaml__}"]
    for name in LIBRARIES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return hashlib.sha256("\n".join(versions).encode()).hexdigest()


@cache
def source_digest() -> str:
    """Every ``.py`` file of the bot package, path and bytes; read once, at the first load."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.rglob("*.py")):
        _add(digest, path.relative_to(_PACKAGE_DIR).as_posix().encode())
        _add(digest, path.read_bytes())
    return digest.hexdigest()


def _add(digest: _Digest, data: bytes) -> None:
    """One field, length first, so that no two sequences of fields hash alike."""
    digest.update(len(data).to_bytes(8, "big"))
    digest.update(data)


def _add_folder(digest: _Digest, folder: Path, prefix: str) -> None:
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        name = (prefix + entry.name).encode("utf-8", "surrogateescape")
        try:
            if entry.is_symlink() and (entry.is_dir() or not entry.is_file()):
                # A link to a folder (or a dangling one) is recorded by its target, not followed:
                # no loops, and the loader reads nothing through a link leading outside.
                _add(digest, b"link " + name)
                _add(digest, os.fsencode(os.readlink(entry.path)))
            elif entry.is_dir(follow_symlinks=False):
                _add(digest, b"folder " + name)
                _add_folder(digest, Path(entry.path), prefix + entry.name + "/")
            elif entry.is_file():  # a link to a file counts as the file: the loader reads it
                _add(digest, b"file " + name)
                _add(digest, Path(entry.path).read_bytes())
            # Sockets, pipes and devices are neither read by the loader nor opened here.
        except OSError as error:  # unreadable: recorded as such, so it reads as a change later
            _add(digest, b"unreadable " + name)
            _add(digest, str(error.errno).encode())


# --- reading and writing --------------------------------------------------------------------


def fetch(cache_dir: Path, base: str, level: Level) -> FaqEngine | None:
    """The cached engine serving ``level`` for the key ``base``, or None (a miss)."""
    for stored_level in _SERVES[level]:
        engine = _read(cache_dir / file_name(level_key(base, stored_level)))
        if engine is not None:
            return engine
    return None


def store(cache_dir: Path, base: str, level: Level, engine: FaqEngine) -> bool:
    """Write ``engine`` under the key ``base`` at ``level``; log, never raise, on failure.
    True when it was written."""
    key = level_key(base, level)
    sizes: list[int] = []

    def fill(output: BinaryIO) -> None:
        payload = pickle.dumps(engine, protocol=pickle.HIGHEST_PROTOCOL)
        output.write(_header(key, payload))
        output.write(payload)
        sizes.append(len(payload))

    try:
        _write_replacing(cache_dir / file_name(key), fill)
    except Exception as error:  # a read-only folder, a full disk, an engine that won't pickle
        logger.warning(
            "engine cache: cannot store the engine in %s (%s: %s); going on without caching",
            cache_dir,
            type(error).__name__,
            error,
        )
        return False
    logger.info("engine cache: stored %s (%.1f MB)", file_name(key), sizes[0] / 1e6)
    prune(cache_dir)
    return True


def _write_replacing(target: Path, fill: Callable[[BinaryIO], object]) -> None:
    """Write ``target`` whole or not at all: ``fill`` writes a temporary file (mode 0600) in the
    same folder, which then replaces ``target``. The file is created first, so a read-only
    folder fails before ``fill`` pays for a pickle (1.5 s and 37 MB at 10,000 entries)."""
    handle, temporary = tempfile.mkstemp(
        prefix=_TEMPORARY_PREFIX, suffix=_TEMPORARY_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as output:
            fill(output)
            output.flush()
            os.fsync(output.fileno())
        os.replace(temporary, target)
    except BaseException:
        _remove(Path(temporary))
        raise


def file_name(key: str) -> str:
    return f"{_PREFIX}{key}{_SUFFIX}"


def prune(cache_dir: Path, keep: int = KEEP) -> None:
    """Remove all but the ``keep`` most recently used cache files, and dead temporary files."""
    dead = time.time() - _STALE_TEMPORARY_SECONDS
    found: list[tuple[float, Path]] = []
    try:
        with os.scandir(cache_dir) as listing:
            for entry in listing:
                modified = entry.stat(follow_symlinks=False).st_mtime
                name = entry.name
                if name.startswith(_PREFIX) and name.endswith(_SUFFIX):
                    found.append((modified, Path(entry.path)))
                elif name.startswith(_TEMPORARY_PREFIX) and modified < dead:
                    _remove(Path(entry.path))
    except OSError as error:
        logger.debug("engine cache: cannot list %s to prune it: %s", cache_dir, error)
        return
    found.sort(reverse=True)
    for _modified, path in found[keep:]:
        _remove(path)
    # A last-good file whose engine is gone (pruned, or from an older version of the code)
    # can never serve again.
    for pointer in cache_dir.glob(f"{_LAST_GOOD_PREFIX}*"):
        base = _named_key(pointer)
        if base is None or not (cache_dir / file_name(level_key(base, "full"))).exists():
            _remove(pointer)


def _header(key: str, payload: bytes) -> bytes:
    """What precedes the pickle: the magic line, the key, and the pickle's SHA-256."""
    return _start(key) + hashlib.sha256(payload).digest()


def _start(key: str) -> bytes:
    return _MAGIC + key.encode() + b"\n"


def _read(path: Path) -> FaqEngine | None:
    from bot.faq import FaqEngine  # bot.faq imports this module only when asked to cache

    started = time.perf_counter()
    data = _read_trusted(path)
    if data is None:
        return None
    start = _start(path.name.removeprefix(_PREFIX).removesuffix(_SUFFIX))
    digest, payload = data[len(start) : len(start) + 32], data[len(start) + 32 :]
    if data[: len(start)] != start:
        logger.info("engine cache: %s is not a cache file for its key; ignored", path)
        return None
    if hashlib.sha256(payload).digest() != digest:
        logger.info("engine cache: %s is truncated or corrupt; ignored", path)
        return None
    try:
        with collector_paused():  # millions of small objects: nearly halves the time
            engine = pickle.loads(payload)  # noqa: S301 - our own file, checked by _trusted_status
    except Exception as error:  # written by other code: a class moved, a field renamed...
        logger.info("engine cache: cannot unpickle %s (%s); ignored", path, error)
        return None
    if not isinstance(engine, FaqEngine):
        logger.info("engine cache: %s does not hold an engine; ignored", path)
        return None
    try:
        os.utime(path)  # just used: pruning keeps it
    except OSError as error:
        logger.debug("engine cache: cannot touch %s: %s", path, error)
    seconds = time.perf_counter() - started
    logger.info("engine cache: loaded %s (%.1f MB) in %.2f s", path.name, len(data) / 1e6, seconds)
    return engine


def _read_trusted(path: Path) -> memoryview | None:
    """The bytes of ``path`` if it is a regular file (not a link) this user alone may write."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        logger.debug("engine cache: no %s", path.name)
        return None
    except OSError as error:
        logger.info("engine cache: cannot open %s: %s", path, error)
        return None
    with os.fdopen(handle, "rb") as opened:
        if not _trusted_status(os.fstat(opened.fileno()), path, folder=False):
            return None
        return memoryview(opened.read())


def _prepared(cache_dir: Path) -> bool:
    """The cache folder exists (created ``0700`` if need be) and can be trusted; else it is
    not used, and the one warning says why."""
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.stat(cache_dir)
    except OSError as error:
        logger.warning(
            "engine cache: cannot use %s (%s); going on without caching", cache_dir, error
        )
        return False
    return _trusted_status(status, cache_dir, folder=True)


def _inside(cache_dir: Path, knowledge_dir: Path) -> bool:
    try:
        return cache_dir.resolve().is_relative_to(knowledge_dir.resolve())
    except (OSError, RuntimeError):  # a link loop: the folder is unusable either way
        return True


def _trusted_status(status: os.stat_result, path: Path, *, folder: bool) -> bool:
    """Ours, and writable by nobody else: unpickling runs whatever the file names."""
    kind = "folder" if folder else "file"
    if not (stat.S_ISDIR(status.st_mode) if folder else stat.S_ISREG(status.st_mode)):
        logger.warning("engine cache: %s is not a %s; not used", path, kind)
        return False
    problem = None
    if status.st_uid != current_user():
        problem = f"belongs to uid {status.st_uid}, not to this user (uid {current_user()})"
    elif status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        problem = f"is writable by group or others (mode {stat.S_IMODE(status.st_mode):04o})"
    if problem is None:
        return True
    logger.warning("engine cache: refusing the %s %s: it %s", kind, path, problem)
    return False


def current_user() -> int:
    """The effective user id; -1 where there is none (so no file is ever trusted there)."""
    geteuid: Callable[[], int] | None = getattr(os, "geteuid", None)
    return -1 if geteuid is None else geteuid()


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError as error:
        logger.debug("engine cache: cannot remove %s: %s", path, error)
