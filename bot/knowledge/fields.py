"""Typed reading of YAML nodes, with a plain-words problem for every value of the wrong shape.

A ``FieldReader`` belongs to one file. Each method returns the value, or None after recording
why it could not; it never raises, so one bad value never hides the next one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.knowledge.model import LANGS, Lang, Position
from bot.knowledge.problems import Problem
from bot.knowledge.yamlfile import node_position

ID_PATTERN = re.compile(r"[a-z0-9-]{1,40}")
ID_RULE = "may only use a-z, 0-9 and '-' (at most 40 characters)"

_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT, _DATE = (
    _TAG + name for name in ("str", "null", "bool", "int", "float", "timestamp")
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_VISIBLE = re.compile(r"\S")

# What each field holds, said the way a staff member would want to read it in an error.
FIELD_HINTS: dict[str, str] = {
    "id": "a short name from a-z, 0-9 and '-'",
    "topic": "a topic id from topics.yaml",
    "questions": "'en:' and 'zh:' lists of phrasings",
    "answer": "'en:' and 'zh:' texts",
    "citations": "a list of 'source:' and 'quote:' pairs",
    "derived": "a list of 'value:', 'basis:' and 'reason:'",
    "related": "a list of entry ids, or []",
    "review_by": "a date like 2027-06-30",
    "source": "a source id from sources.yaml",
    "quote": "words copied exactly from the source text",
    "value": "the number as the answer writes it, in quotes",
    "basis": "the words of a quote the value comes from",
    "reason": "why the value follows, in plain words",
    "name": "'en:' and 'zh:' names",
    "title": "the document's title",
    "site": "the website it was published on",
    "section": "where on the site it sits",
    "url": "its web address",
    "date": "its publication date, like 2024-04-12",
    "photo_credit": "the photo credit, if any",
    "file": "the text file's path, like sources/article.txt",
    "en": "the English text",
    "zh": "the Simplified Chinese text",
}
PHRASING_HINTS: dict[str, str] = {
    "en": "a list of English phrasings",
    "zh": "a list of Simplified Chinese phrasings",
}

_LANG_NAMES: dict[Lang, str] = {"en": "English", "zh": "Chinese"}


def lang_name(lang: Lang) -> str:
    return _LANG_NAMES[lang]


def describe(node: Node) -> str:
    """What a node holds, as a staff member would call it."""
    if isinstance(node, MappingNode):
        return "fields (name: value)"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode):
        if node.tag == _NULL:
            return "nothing"
        if node.tag == _BOOL:
            return f"{node.value} (which YAML reads as true/false)"
        if node.tag in (_INT, _FLOAT):
            return f"the number {node.value}"
        if node.tag == _DATE:
            return f"the date {node.value}"
        return f"the text '{_shorten(node.value)}'"
    return "something else"


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FieldReader:
    """Reads values from one file's nodes and collects the problems found."""

    def __init__(self, file: str, text: str = "") -> None:
        self.file = file
        self.text_of_file = text  # the file's text, to place words inside a value
        self._counted = (0, 0)  # an offset in the file, and the line feeds before it
        self.problems: list[Problem] = []

    def locate(self, node: Node, fragments: Sequence[str]) -> list[Position | None]:
        """Where each fragment of a scalar's value is written in the file, searched in order.

        Folding and escapes mean a value's offsets differ from the file's, so fragments are
        found by searching the value's own span; one that is split over two lines is None.
        """
        end = node.end_mark.index
        cursor = node.start_mark.index
        found: list[Position | None] = []
        for fragment in fragments:
            index = self.text_of_file.find(fragment, cursor, end) if fragment else -1
            if index < 0:
                found.append(None)
                continue
            cursor = index + len(fragment)
            column = index - (self.text_of_file.rfind("\n", 0, index) + 1) + 1
            found.append(Position(self.file, self._line_of(index), column))
        return found

    def _line_of(self, index: int) -> int:
        """The 1-based line of ``index``: the line feeds before it, plus one.

        Records are read in file order, so the line feeds are counted on from the last place
        asked about; counting from the start of a 10,000-entry file for each number located
        made loading it quadratic.
        """
        counted, lines = self._counted
        if index < counted:
            counted, lines = 0, 0
        lines += self.text_of_file.count("\n", counted, index)
        self._counted = (index, lines)
        return lines + 1

    def position(self, node: Node) -> Position:
        return node_position(self.file, node)

    def error(self, node: Node, message: str) -> None:
        here = self.position(node)
        self.problems.append(Problem(self.file, here.line, here.column, message))

    def fields(
        self,
        node: Node,
        what: str,
        required: Sequence[str],
        optional: Sequence[str] = (),
        hints: dict[str, str] | None = None,
    ) -> dict[str, Node] | None:
        """The mapping's fields by name, after reporting unknown and missing ones."""
        if not isinstance(node, MappingNode):
            self.error(node, f"expected {what} as fields (name: value), got {describe(node)}")
            return None
        allowed = [*required, *optional]
        found: dict[str, Node] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag in (_NULL,):
                self.error(key, f"a field name must be a word, got {describe(key)}")
                continue
            name = str(key.value)
            if name not in allowed:
                self.error(key, _unknown_field(name, allowed))
                continue
            found.setdefault(name, value)
        for name in required:
            if name not in found:
                hint = (hints or {}).get(name) or FIELD_HINTS.get(name)
                suffix = f" ({hint})" if hint else ""
                self.error(node, f"missing field '{name}'{suffix}")
        return found

    def text(self, node: Node, what: str) -> str | None:
        """A non-empty string. Numbers, dates and true/false are refused with a quoting hint."""
        if isinstance(node, MappingNode):
            self.error(
                node,
                f"expected {what} as text, got {describe(node)}; "
                "text containing ': ' must be put in quotes",
            )
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f"expected {what} as text, got {describe(node)}")
            return None
        if node.tag == _NULL:
            self.error(node, f"{what} is empty; write the text")
            return None
        if node.tag != _STR:
            self.error(
                node,
                f'expected {what} as text, got {describe(node)}; put it in quotes: "{node.value}"',
            )
            return None
        value = str(node.value)
        if not value.strip():
            self.error(node, f"{what} is empty; write the text")
            return None
        return value

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            if isinstance(node, ScalarNode) and node.tag == _NULL:
                self.error(node, f"expected a list of {what}, got nothing; write [] for none")
            elif isinstance(node, ScalarNode) and str(node.value).startswith("-"):
                self.error(
                    node,
                    f"expected a list of {what}, got {describe(node)}; "
                    "each list item needs a space after its '-'",
                )
            else:
                self.error(node, f"expected a list of {what}, got {describe(node)}")
            return None
        return list(node.value)

    def text_list(
        self, node: Node, what: str, minimum: int = 0, item_name: str = "item"
    ) -> list[tuple[str, Node]] | None:
        """Non-empty one-line strings with their nodes; None if the list or any item is wrong.

        ``item_name`` is what one item is called in messages ("phrasing", "entry id").
        """
        items = self.sequence(node, what)
        if items is None:
            return None
        values: list[tuple[str, Node]] = []
        sound = True
        for item in items:
            value = self.text(item, f"each of the {what}")
            if value is None or not self._on_one_line(node, item, item_name):
                sound = False
            else:
                values.append((value, item))
        if len(items) < minimum:
            self.error(
                node,
                f"needs at least {minimum} {what}, has {len(items)}; add {minimum - len(items)}",
            )
            sound = False
        return values if sound else None

    def _on_one_line(self, listed: Node, item: Node, item_name: str) -> bool:
        """False, after reporting it, for an unquoted item that runs on to another line.

        YAML joins such lines into one text. Nobody writes an item over two lines on purpose;
        what happens is a new item indented one space more than the one above ("- b" under
        "- a" becomes the one item "a - b"), or a missing comma in [ ]. Either way an item is
        lost without a word, so the line that was swallowed is pointed at.
        """
        text = self.text_of_file
        start, end = item.start_mark.index, item.end_mark.index
        # Found in place: copying every item's text costs seconds at 10,000 entries.
        line_end = text.find("\n", start, end)
        if not isinstance(item, ScalarNode) or item.style or line_end < 0:
            return True
        swallowed = _VISIBLE.search(text, line_end, end)
        if swallowed is None:
            return True
        at = swallowed.start()
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        joined = (
            f"this line is read as part of the {item_name} above, which becomes "
            f"'{_shorten(str(item.value), 60)}'"
        )
        if isinstance(listed, SequenceNode) and listed.flow_style:
            advice = "if it is a new item, put a comma before it"
        elif swallowed.group() == "-":
            advice = (
                "it looks like a new item indented more than the one above: "
                "line its '-' up with the '-' above"
            )
        else:
            advice = "if it is a new item, start it with '- ' lined up with the '-' above"
        message = f"{joined}; {advice} (each {item_name} must be written on one line)"
        self.problems.append(Problem(self.file, self._line_of(at), column, message))
        return False

    def ident(self, node: Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if not ID_PATTERN.fullmatch(value):
            self.error(node, f"{what} '{value}' {ID_RULE}")
            return None
        return value

    def date(self, node: Node, what: str) -> dt.date | None:
        """A calendar date written as YYYY-MM-DD (quoted or not)."""
        if not isinstance(node, ScalarNode) or node.tag not in (_DATE, _STR):
            self.error(node, f"expected {what} as a date like 2027-06-30, got {describe(node)}")
            return None
        raw = str(node.value).strip()
        if not _ISO_DATE.fullmatch(raw):
            self.error(node, f"expected {what} as a date like 2027-06-30, got '{_shorten(raw)}'")
            return None
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            self.error(node, f"{what} '{raw}' is not a real calendar date")
            return None

    def per_language(
        self, node: Node, what: str, hints: dict[str, str] | None = None
    ) -> dict[Lang, Node] | None:
        """The 'en' and 'zh' value nodes of a mapping (both are required)."""
        found = self.fields(node, what, required=LANGS, hints=hints)
        if found is None or any(lang not in found for lang in LANGS):
            return None
        return {lang: found[lang] for lang in LANGS}


def _unknown_field(name: str, allowed: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if not close:
        close = [a for a in allowed if a.lower() == name.lower().strip()]
    if close:
        return f"unknown field '{name}' — did you mean '{close[0]}'?"
    return f"unknown field '{name}'; the fields here are: {', '.join(allowed)}"
