"""The project's exceptions, all under one root.

    TalentBotError
     ├── KnowledgeError      the knowledge folder has errors; carries every Problem found
     └── ConfigError         an environment setting is missing or invalid; carries every message

Code that catches ``TalentBotError`` catches everything the project raises on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.knowledge.problems import Problem


class TalentBotError(Exception):
    """Root of every error the project raises on purpose."""


class KnowledgeError(TalentBotError):
    """The knowledge folder could not be loaded; ``problems`` lists every error found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(problem.format() for problem in self.problems)
        super().__init__(lines or "knowledge base is invalid")


class ConfigError(TalentBotError):
    """One or more settings are invalid; ``messages`` holds one line per bad value."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))
