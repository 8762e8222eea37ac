"""Hot reload: swap in a freshly built engine when the knowledge folder changes.

* ``EngineHolder.reload`` builds a complete new engine in a worker thread (the loader checks
  the folder fully) and only then replaces the reference with one assignment. Readers take
  ``holder.engine`` once per question, so every question is answered wholly from the old or
  wholly from the new knowledge base.
* An invalid edit changes nothing: the old engine keeps serving, and the result carries the
  errors exactly as ``talent-bot check`` prints them (``file:line:column: message``).
* Requests that arrive while a reload runs are coalesced into one follow-up reload (the
  files may have changed after the running one read them), however many there are.
* With a cache folder (``faq_engine_holder(directory, cache_dir)``), loads go through the
  engine cache (``bot.enginecache``): a folder whose files are as they were when an engine was
  built and checked gets that engine back at once, at start-up and on reload alike.
* ``watch_knowledge`` reloads on file changes (debounced; editor scratch files ignored);
  ``install_sighup_reload`` reloads on SIGHUP. Both report through the same callback, which
  the chat adapter uses to tell the admins.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import watchfiles

from bot.checking import check_folder, format_problems
from bot.enginecache import last_good, load_through_cache
from bot.errors import KnowledgeError
from bot.faq import FaqEngine
from bot.matching.settings import MatchSettings
from bot.matching.shared import one_matcher_per_knowledge_base
from bot.paths import shipped_knowledge_dir

logger = logging.getLogger(__name__)
# The settings the bot's engines are built with; the cache's keys, the last good engine's
# included, depend on them.
_SETTINGS = MatchSettings()

E = TypeVar("E")
Loader = Callable[[Path], E]


@dataclass(frozen=True)
class ReloadResult:
    ok: bool
    directory: Path
    errors: tuple[str, ...] = ()  # ``file:line:column: message``, one per problem
    generation: int = 0  # engines loaded so far, the initial one included
    at_start: bool = False  # the folder had errors at start-up; a cached version answers

    def summary(self) -> str:
        """Plain text for the log and for the admins (escape it before sending as HTML)."""
        if self.ok:
            return f"Knowledge base reloaded from {self.directory} (version {self.generation})."
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        if self.at_start:
            header = (
                f"Knowledge base NOT loaded at start-up: {count} {noun} in {self.directory}. "
                "The last version without errors is answering until they are fixed."
            )
        else:
            header = (
                f"Knowledge base NOT reloaded: {count} {noun} in {self.directory}. "
                "The previous version is still answering."
            )
        return "\n".join((header, *self.errors))


ReloadCallback = Callable[[ReloadResult], Awaitable[None] | None]


class EngineHolder(Generic[E]):
    """The engine currently answering, and the machinery to replace it safely."""

    def __init__(self, engine: E, directory: Path, loader: Loader[E]) -> None:
        self._engine = engine
        self.directory = directory
        self._loader = loader
        self._generation = 1
        self._lock = asyncio.Lock()
        self._requested = 0  # reload requests so far
        self._covered = 0  # requests made before the last finished reload started
        self._last: ReloadResult | None = None
        # Errors the folder had at start-up, when a cached engine answers instead: the bot
        # tells the admins once it is connected.
        self.start_problems: ReloadResult | None = None

    @classmethod
    def load(cls, directory: Path, loader: Loader[E]) -> EngineHolder[E]:
        """Build the first engine. Raises whatever the loader raises (e.g. KnowledgeError)."""
        return cls(loader(directory), directory, loader)

    @property
    def engine(self) -> E:
        """The engine to use for one whole question. Take it once; don't re-read mid-answer."""
        return self._engine

    def get(self) -> E:
        """The same as ``engine``; ``holder.get`` is the adapter's engine provider."""
        return self._engine

    @property
    def generation(self) -> int:
        return self._generation

    async def reload(self) -> ReloadResult:
        """Rebuild from the folder; swap only if it is valid. Never raises on bad knowledge.

        Call it on the event loop (it swaps the reference there); the build runs in a thread.
        """
        self._requested += 1
        request = self._requested
        async with self._lock:
            if self._last is not None and self._covered >= request:
                return self._last  # a reload that started after this request has just finished
            covering = self._requested
            result = await self._rebuild()
            self._covered = covering
            self._last = result
            return result

    async def _rebuild(self) -> ReloadResult:
        try:
            engine = await asyncio.to_thread(self._loader, self.directory)
        except KnowledgeError as error:
            return _failure(self.directory, error, self._generation)
        except Exception as error:  # a missing folder, or a fault in the loader itself
            logger.exception("knowledge reload failed")
            line = f"{self.directory}: could not load: {type(error).__name__}: {error}"
            return ReloadResult(False, self.directory, (line,), self._generation)
        self._engine = engine  # the swap: one reference assignment, on the event loop
        self._generation += 1
        result = ReloadResult(True, self.directory, (), self._generation)
        logger.info("%s", result.summary())
        return result


def load_faq_engine(directory: Path, cache_dir: Path | None = None) -> FaqEngine:
    """The real loader: every check ``talent-bot check`` runs, then the engine's indexes.

    Raises ``KnowledgeError`` with the errors, so a reload accepts exactly what ``check``
    accepts and reports exactly what it reports. With ``cache_dir``, an engine that passed
    these checks before, built from the same files, code and settings, is taken from there
    instead (``bot.enginecache``), and a newly built one is stored there.
    """
    settings = _SETTINGS

    def build() -> FaqEngine:
        with one_matcher_per_knowledge_base():  # the self-check's matcher serves the questions
            result = check_folder(directory)
            if result.errors or result.kb is None:
                raise KnowledgeError(result.errors)
            return FaqEngine(result.kb, settings)

    return load_through_cache(
        build, knowledge_dir=directory, settings=settings, level="full", cache_dir=cache_dir
    )


def faq_engine_holder(
    directory: Path | None = None, cache_dir: Path | None = None
) -> EngineHolder[FaqEngine]:
    """The holder the bot runs with: the FAQ engine for ``directory`` (default: shipped).

    With ``cache_dir``, start-up and every reload go through the engine cache: an unchanged
    folder loads in a second, and undoing an edit brings back the engine built before it. If
    the folder has errors at start-up, the engine last loaded from it without errors answers
    (``holder.start_problems`` says why); with none cached, ``KnowledgeError`` is raised.
    """
    folder = directory or shipped_knowledge_dir()
    loader = functools.partial(load_faq_engine, cache_dir=cache_dir)
    try:
        return EngineHolder.load(folder, loader)
    except KnowledgeError as error:
        engine = None if cache_dir is None else last_good(cache_dir, folder, _SETTINGS)
        if engine is None:
            raise
        holder = EngineHolder(engine, folder, loader)
        holder.start_problems = _failure(folder, error, holder.generation, at_start=True)
    return holder


def _failure(
    directory: Path, error: KnowledgeError, generation: int, *, at_start: bool = False
) -> ReloadResult:
    """The failed load's result, its errors as ``talent-bot check`` prints them; logged."""
    lines = tuple(format_problems(error.problems)) or (str(error),)
    result = ReloadResult(False, directory, lines, generation, at_start=at_start)
    logger.error("%s", result.summary())
    return result


async def _deliver(on_result: ReloadCallback | None, result: ReloadResult) -> None:
    if on_result is None:
        return
    try:
        outcome = on_result(result)
        if inspect.isawaitable(outcome):
            await outcome
    except Exception:
        logger.exception("the reload callback failed")


async def reload_and_report(
    holder: EngineHolder[E], on_result: ReloadCallback | None = None
) -> ReloadResult:
    """Reload, then pass the result to ``on_result`` (whose failures are logged, not raised)."""
    result = await holder.reload()
    await _deliver(on_result, result)
    return result


class KnowledgeChangeFilter(watchfiles.DefaultFilter):
    """watchfiles' defaults (``.swp``, ``~``, ``.#``, ``.git``...) plus more editors' litter."""

    ignore_entity_patterns = (
        *watchfiles.DefaultFilter.ignore_entity_patterns,
        # Not every hidden name: a Kubernetes ConfigMap update swaps a "..data" link, and that
        # must reload. Only the hidden litter editors leave behind.
        r"^\.~lock\.",  # LibreOffice lock files
        r"^\.goutputstream-",  # GNOME's atomic-save temporaries
        r"^#.*#$",  # Emacs auto-save
        r"^4913$",  # Vim's "can I write here?" probe
        r"\.(tmp|temp|bak|orig|rej|part|crdownload|kate-swp)$",
        r"^~\$",  # Office lock files
    )


async def watch_knowledge(
    holder: EngineHolder[E],
    on_result: ReloadCallback | None = None,
    *,
    debounce_ms: int = 800,
    stop_event: asyncio.Event | None = None,
    force_polling: bool | None = None,
    retry_seconds: float = 5.0,
) -> None:
    """Reload whenever the knowledge folder changes, until cancelled or ``stop_event`` is set.

    Errors from the watcher itself (the folder removed, say) are logged once and retried.
    Where file events don't arrive (some network or Docker Desktop bind mounts), set
    ``WATCHFILES_FORCE_POLLING=1`` or pass ``force_polling=True``.
    """
    complained = False
    while stop_event is None or not stop_event.is_set():
        try:
            async for _changes in watchfiles.awatch(
                holder.directory,
                watch_filter=KnowledgeChangeFilter(),
                debounce=debounce_ms,
                stop_event=stop_event,
                force_polling=force_polling,
            ):
                complained = False
                await reload_and_report(holder, on_result)
            return  # awatch ends only when stop_event is set
        except (OSError, RuntimeError) as error:
            if not complained:
                logger.error("cannot watch %s for changes: %s", holder.directory, error)
                complained = True
        await asyncio.sleep(retry_seconds)


def start_watching(
    holder: EngineHolder[E], on_result: ReloadCallback | None = None, *, debounce_ms: int = 800
) -> asyncio.Task[None]:
    """Run :func:`watch_knowledge` as a task; cancel the task to stop watching."""
    return asyncio.create_task(
        watch_knowledge(holder, on_result, debounce_ms=debounce_ms), name="knowledge-watcher"
    )


def install_sighup_reload(
    holder: EngineHolder[E],
    on_result: ReloadCallback | None = None,
    loop: asyncio.AbstractEventLoop | None = None,
) -> Callable[[], None]:
    """Reload on SIGHUP. Returns a function that removes the handler.

    Call it with the bot's loop running (python-telegram-bot: in ``post_init``). Where SIGHUP
    doesn't exist (Windows) this does nothing and says so in the log.
    """
    target = loop or asyncio.get_running_loop()
    sighup = getattr(signal, "SIGHUP", None)
    if sighup is None:
        logger.info("no SIGHUP on this platform; use /reload or edit the files to reload")
        return lambda: None
    tasks: set[asyncio.Task[ReloadResult]] = set()

    def on_signal() -> None:
        logger.info("SIGHUP received: reloading the knowledge base")
        task = target.create_task(reload_and_report(holder, on_result))
        tasks.add(task)  # keep a reference until it finishes
        task.add_done_callback(tasks.discard)

    target.add_signal_handler(sighup, on_signal)

    def remove() -> None:
        with contextlib.suppress(ValueError, RuntimeError):
            target.remove_signal_handler(sighup)

    return remove
