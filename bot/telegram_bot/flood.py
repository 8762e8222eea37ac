"""A per-user flood limit: at most ``limit`` messages in any ``window`` seconds.

Beyond the limit the first message earns one polite notice (``Verdict.NOTICE``) and the rest
are dropped silently (``Verdict.SILENT``) until the window has room again; then the user is
served as before and could earn a new notice later. Pure and synchronous: the handlers run on
one event loop, so no lock is needed.
"""

from __future__ import annotations

import enum
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

DEFAULT_LIMIT = 10
DEFAULT_WINDOW = 10.0
# Forget users idle for a whole window once this many are tracked, so memory stays bounded.
_PRUNE_AT = 10_000


class Verdict(enum.Enum):
    ALLOW = "allow"
    NOTICE = "notice"  # over the limit: tell the user once
    SILENT = "silent"  # still over the limit: say nothing


@dataclass
class _UserWindow:
    times: deque[float] = field(default_factory=deque)
    noticed: bool = False


class FloodLimiter:
    def __init__(
        self,
        limit: int = DEFAULT_LIMIT,
        window: float = DEFAULT_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("limit must be >= 1 and window > 0")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._users: dict[int, _UserWindow] = {}

    def check(self, user_id: int) -> Verdict:
        """Count one message from ``user_id`` and say whether to serve it."""
        now = self._clock()
        if len(self._users) >= _PRUNE_AT:
            self._prune(now)
        state = self._users.setdefault(user_id, _UserWindow())
        while state.times and now - state.times[0] >= self.window:
            state.times.popleft()
        if len(state.times) < self.limit:
            state.times.append(now)
            state.noticed = False
            return Verdict.ALLOW
        if state.noticed:
            return Verdict.SILENT
        state.noticed = True
        return Verdict.NOTICE

    def _prune(self, now: float) -> None:
        idle = [
            user
            for user, state in self._users.items()
            if not state.times or now - state.times[-1] >= self.window
        ]
        for user in idle:
            del self._users[user]
