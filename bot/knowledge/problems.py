"""A problem found in the knowledge folder, positioned so staff can find and fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One message about one place. ``line`` and ``column`` are 1-based; 0 means unknown."""

    file: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """``file:line:column: message``, the form editors and ``talent-bot check`` use.

        Always one line: a line break or control character quoted from a file is shown
        escaped (``\\n``), so it can neither split the report nor drive the terminal.
        """
        return f"{_printable(self.file)}:{self.line}:{self.column}: {_printable(self.message)}"

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "severity": self.severity.value,
        }


def _printable(text: str) -> str:
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)
