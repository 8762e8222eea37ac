"""One matcher per knowledge base while a reload checks a folder and then serves it.

Hot reload runs ``talent-bot check``'s self-check, which matches every phrasing against a
matcher built for the new knowledge base, then builds the engine that will serve that same
knowledge base. Inside ``one_matcher_per_knowledge_base()`` both use one matcher, built once
(about 1.7 s for 10,000 entries). Elsewhere each call builds its own, as before, so no engine
depends on what was built before it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from bot.knowledge.model import KnowledgeBase
from bot.matching.matcher import Matcher
from bot.matching.settings import MatchSettings

_Built = list[tuple[KnowledgeBase, MatchSettings, Matcher]]
_built: ContextVar[_Built | None] = ContextVar("_built", default=None)


@contextlib.contextmanager
def one_matcher_per_knowledge_base() -> Iterator[None]:
    token = _built.set([])
    try:
        yield
    finally:
        _built.reset(token)


def matcher_for(knowledge: KnowledgeBase, settings: MatchSettings) -> Matcher:
    """A matcher for ``knowledge``: inside the block, the one already built for it, if any."""
    built = _built.get()
    if built is None:
        return Matcher(knowledge, settings)
    for known, known_settings, matcher in built:
        if known is knowledge and known_settings == settings:
            return matcher
    matcher = Matcher(knowledge, settings)
    built.append((knowledge, settings, matcher))
    return matcher
