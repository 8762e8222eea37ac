"""A problem found in the knowledge folder, positioned so staff can find and fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One message about one place. ``line`` and ``column`` are 1-based; 0 means unknown.

    ``file`` is relative to the knowledge folder; for a problem with the folder as a whole, it
    is the folder's path as given.
    """

    file: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """``file:line:column: message``, the form editors and ``talent-bot check`` use.

        A problem with no line (a missing file, or one about the whole folder, whose ``file``
        is then the folder's path) is ``file: message``: a ":0:0" would send staff looking for
        a line 0 that does not exist.

        Always one line: a line break or control character quoted from a file is shown
        escaped (``\\n``), so it can neither split the report nor drive the terminal.
        """
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{_printable(where)}: {_printable(self.message)}"

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
