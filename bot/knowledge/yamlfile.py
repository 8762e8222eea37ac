"""Read one YAML file into position-carrying nodes, turning every failure into Problems.

Nodes (not Python objects) are kept on purpose: each value keeps its line and column, so a
problem found much later can still point at the exact place. Only ``yaml.SafeLoader`` is used,
so no tag in a file can run code.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from bot.knowledge.model import Position
from bot.knowledge.problems import Problem

# PyYAML's own wording, followed by the hint a staff member needs to fix it.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed here",
        "text containing ': ' must be put in quotes, or the line is indented wrongly",
    ),
    (
        "found '<scalar>'",
        "more text follows a finished value: check the quotes on this line (a ' inside "
        "'...' must be written '')",
    ),
    (
        "found '<block mapping start>'",
        "this field is indented differently from the fields around it",
    ),
    (
        "expected <block end>",
        "this line is indented differently from the lines above it",
    ),
    ("could not find expected ':'", "a line is missing its ':' or is indented wrongly"),
    (
        "did not find expected key",
        "a line is indented wrongly, or a '-' list item sits where a field is expected",
    ),
    ("did not find expected '-' indicator", "a list item is indented differently from the others"),
    (
        "but got '?'",
        "a list item in [ ] contains '?': put the item in quotes, e.g. ['what is it?', hi]",
    ),
    (
        "expected ',' or ']'",
        "a list opened with '[' is not closed with ']', or an item in it needs quotes",
    ),
    ("expected ',' or '}'", "a '{' is not closed with '}'"),
    ("found unexpected end of stream", "a quote is opened but never closed"),
    ("found undefined alias", "'*' starts an alias in YAML; put text starting with '*' in quotes"),
    ("that cannot start any token", "text starting with this character must be put in quotes"),
    ("expected a single document", "the file must hold one document: remove the extra '---' line"),
)
# A list item's dash with no space after it.
_DASH_WITHOUT_SPACE = re.compile(r"\s*-[^\s-]")
# A value that opens a quote: "key: \"..." or "- '...".
_OPENING_QUOTE = re.compile(
    r"""^\s*(?:-\s+|[^\s"'#][^:#]*:\s+|-\s+[^\s"'#][^:#]*:\s+)(["'])(.*)$"""
)


# PyYAML's binding to libyaml, where PyYAML was built with it, composes nodes several times
# faster (a 10,000-entry file: about 10 s -> 1.5 s). PyYAML's own parser stays the reference:
# libyaml reads a few rare things differently, so a text holding one is read by PyYAML alone.
# In the text: a tab (libyaml accepts one inside a plain value), a byte-order mark inside
# (libyaml counts it as a column), a tag, anchor, alias or directive (libyaml ends a tag at a
# comma in brackets), or "#" right after a "|" or ">" (libyaml takes it for a comment after a
# block scalar's header, PyYAML rejects it). In libyaml's nodes: collections nested deeper
# than PyYAML composes before Python's recursion limit, an empty plain value (libyaml places
# it on the next line), or a plain value with "?" inside brackets (PyYAML rejects it). A text
# libyaml rejects is read by PyYAML too, whose error messages _SYNTAX_HINTS explains.
_FOR_PYYAML_ONLY = re.compile(r"[\t\ufeff]|(?<![^\s\[\]{},])[!&*%]|[|>][-+0-9]*#")
_DEEPEST_FOR_LIBYAML = 100


def _for_pyyaml_only(text: str) -> bool:
    """Whether ``text`` holds what _FOR_PYYAML_ONLY finds: a tab or a byte-order mark anywhere,
    an anchor, alias, tag or directive sign, or a comment after a block sign, these last
    outside a comment line and outside a quoted value written on one line ("innovation &
    entrepreneurship", which both read alike). Each thing it finds contains one of a few
    characters, and most files hold none of them: looking for those first is quicker than
    running the expression over a large file."""
    if not any(sign in text for sign in "\t\ufeff!&*%#"):
        return False
    if "\t" in text or "\ufeff" in text:
        return True
    for found in _FOR_PYYAML_ONLY.finditer(text):
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        line = text[start : len(text) if end < 0 else end]
        if line.lstrip(" ").startswith("#"):
            continue  # a comment (or the text of a block), which neither parser reads for these
        quoted = _QUOTED_ON_ONE_LINE.match(line)
        if quoted is None or not quoted.start(1) <= found.start() - start < quoted.end(1):
            return True
    return False


# "- q: "text"" or "answer: 'text'", and nothing after it but a comment: group 1 is the
# quoted value with its quotes, inside which neither parser looks for anchors or tags.
_QUOTED_ON_ONE_LINE = re.compile(
    r"""[ ]*(?:-[ ]+)?[\w-]+:[ ]+("(?:[^"\\\t]|\\.)*"|'(?:[^'\t]|'')*')[ ]*(?:[ ]#[^\t]*)?$"""
)


_LIBYAML_LOADER: type[yaml.CSafeLoader] | None = None
if hasattr(yaml, "CSafeLoader"):

    class _LibyamlLoader(yaml.CSafeLoader):
        """libyaml's safe loader, which asks ``resolve`` for the tag of every node.

        The answer is the plain text tag for a quoted value, and for a plain one whose first
        character starts none of the implicit forms (numbers, dates, true/false, null), which
        is nearly every value in these files; the list or mapping tag for a list or mapping;
        and for the other plain values (field names such as "topic", dates) the inherited
        method's answer, worked out once per distinct value in a file. The inherited method
        finds each only after some dictionary and list work, and is asked hundreds of
        thousands of times in a large file.
        """

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self._plain_tags: dict[str, str] = {}  # a plain value -> its tag

        def resolve(self, kind: type[Node], value: object, implicit: tuple[bool, bool]) -> str:
            if self.yaml_path_resolvers:  # a tag would depend on the node's path too
                return self._inherited_resolve(kind, value, implicit)
            if kind is ScalarNode and isinstance(value, str):
                resolvers = self.yaml_implicit_resolvers
                if not implicit[0] or (value[:1] not in resolvers and None not in resolvers):
                    return self.DEFAULT_SCALAR_TAG
                # Without path resolvers, a plain value's tag depends on the value alone.
                tag = self._plain_tags.get(value)
                if tag is None:
                    tag = self._plain_tags[value] = self._inherited_resolve(kind, value, implicit)
                return tag
            if kind is SequenceNode:
                return self.DEFAULT_SEQUENCE_TAG
            if kind is MappingNode:
                return self.DEFAULT_MAPPING_TAG
            return self._inherited_resolve(kind, value, implicit)

        def _inherited_resolve(
            self, kind: type[Node], value: object, implicit: tuple[bool, bool]
        ) -> str:
            tag: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            return tag

    _LIBYAML_LOADER = _LibyamlLoader


@dataclass(frozen=True)
class YamlFile:
    """A file read as text: its name relative to the knowledge folder and its root node."""

    name: str
    root: Node | None  # None when the file could not be parsed (see the problems)

    def position(self, node: Node) -> Position:
        return node_position(self.name, node)


def node_position(file: str, node: Node) -> Position:
    mark = node.start_mark
    return Position(file, mark.line + 1, mark.column + 1)


def read_text(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """The file's text as UTF-8 (a leading byte-order mark is dropped), or the problem why not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, 0, 0, "file not found")]
    except IsADirectoryError:
        return None, [Problem(name, 0, 0, "is a folder, expected a file")]
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return None, [Problem(name, 0, 0, f"cannot read the file: {reason}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        byte = data[error.start]
        message = (
            f"the file is not UTF-8 text (byte 0x{byte:02X} cannot be read); "
            "save it with the UTF-8 encoding"
        )
        return None, [Problem(name, line, column, message)]
    return text.removeprefix("\ufeff"), []


def parse_yaml(text: str, name: str) -> tuple[YamlFile, list[Problem]]:
    """Compose ``text`` into nodes. Never raises: every failure becomes a Problem."""
    problems = _tab_indentation(text, name)
    first_tab_line = min((p.line for p in problems), default=None)
    try:
        root, duplicates = _compose(text, name)
    except yaml.MarkedYAMLError as error:
        line, column = _mark_of(error)
        unclosed = _unclosed_quote(text, line)
        if unclosed is not None:
            line, column = unclosed
            message = (
                "YAML syntax error: the quote opened here is not closed on this line; "
                "end the text with the same quote mark"
            )
            if first_tab_line is None or line < first_tab_line:
                problems.append(Problem(name, line, column, message))
            return YamlFile(name, None), problems
        # A parse error at or after a tab-indented line is almost always caused by the tab,
        # which is already reported in plainer words.
        if first_tab_line is None or line < first_tab_line:
            message = _syntax_message(error)
            lines = text.splitlines()
            # "-tongzhou location" reads as a field with its ':' missing, not as a list item.
            if 0 < line <= len(lines) and _DASH_WITHOUT_SPACE.match(lines[line - 1]):
                message = "YAML syntax error: each list item needs a space after its '-'"
            problems.append(Problem(name, line, column, message))
        return YamlFile(name, None), problems
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        message = (
            f"the file contains a control character ({code}) that YAML does not allow; delete it"
        )
        problems.append(Problem(name, line, column, message))
        return YamlFile(name, None), problems
    except yaml.YAMLError as error:
        problems.append(Problem(name, 0, 0, f"YAML error: {error}"))
        return YamlFile(name, None), problems
    except RecursionError:
        problems.append(Problem(name, 0, 0, "the file nests lists or fields too deeply to read"))
        return YamlFile(name, None), problems
    if root is not None:
        problems.extend(duplicates if duplicates is not None else _duplicate_keys(root, name))
    return YamlFile(name, root), problems


def _compose(text: str, name: str) -> tuple[Node | None, list[Problem] | None]:
    """``yaml.compose`` with the safe loader: libyaml's where it reads ``text`` as PyYAML would.

    With libyaml's nodes come the duplicate fields in them, found on the same walk that
    compares them with PyYAML's reading; with PyYAML's, None (they are still to be found).
    """
    if _LIBYAML_LOADER is not None and not _for_pyyaml_only(text):
        with contextlib.suppress(Exception):  # PyYAML reads it again, and reports the problem
            root = yaml.compose(text, Loader=_LIBYAML_LOADER)
            if root is None:
                return None, []
            duplicates = _read_alike(root, name)
            if duplicates is not None:
                return root, duplicates
    return yaml.compose(text, Loader=yaml.SafeLoader), None


def _read_alike(root: Node, name: str) -> list[Problem] | None:
    """None where PyYAML would compose other nodes than libyaml did (see _LIBYAML_LOADER), else
    the fields that appear twice in a mapping (as _duplicate_keys finds them, in its order).

    Most nodes are values with nothing under them: they are checked where they are met, and
    only lists and mappings go on the stack.
    """
    collections: list[tuple[CollectionNode, int, bool]] = []  # node, depth, inside brackets
    if isinstance(root, CollectionNode):
        collections.append((root, 1, False))
    elif isinstance(root, ScalarNode) and _read_otherwise(root, False):
        return None
    problems: list[Problem] = []
    while collections:
        node, depth, in_flow = collections.pop()
        if depth > _DEEPEST_FOR_LIBYAML:
            return None
        in_flow = in_flow or bool(node.flow_style)
        if isinstance(node, MappingNode):
            problems.extend(_repeated_fields(node, name))
            children = [child for pair in node.value for child in pair]
        else:
            children = node.value
        for child in children:
            if isinstance(child, CollectionNode):
                collections.append((child, depth + 1, in_flow))
            elif isinstance(child, ScalarNode) and _read_otherwise(child, in_flow):
                return None
    return problems


def _read_otherwise(scalar: ScalarNode, in_flow: bool) -> bool:
    """An empty plain value, or a plain one with "?" inside brackets (see _LIBYAML_LOADER)."""
    return not scalar.style and (not scalar.value or (in_flow and "?" in scalar.value))


def _tab_indentation(text: str, name: str) -> list[Problem]:
    if "\t" not in text:
        return []
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            column = indent.index("\t") + 1
            message = "a tab character is used for indentation; YAML needs spaces instead"
            problems.append(Problem(name, number, column, message))
    return problems


def _unclosed_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """The first line up to ``error_line`` whose quoted value is not closed on the same line.

    Quoted text may legally run over several lines in YAML, but in this folder it never does
    on purpose; when parsing fails, such a line is by far the likeliest cause.
    """
    for number, line in enumerate(text.splitlines()[:error_line], start=1):
        match = _OPENING_QUOTE.match(line)
        if match is None:
            continue
        mark, rest = match.group(1), match.group(2).rstrip()
        rest = (
            rest.replace("\\\\", "").replace('\\"', "") if mark == '"' else rest.replace("''", "")
        )
        if mark not in rest:
            return number, match.start(1) + 1
    return None


def _mark_of(error: yaml.MarkedYAMLError) -> tuple[int, int]:
    marks = [error.problem_mark, error.context_mark]
    if any(opener in (error.context or "") for opener in ("quoted scalar", "flow", "simple key")):
        # Where the quote, bracket or key ("review_by 2027-06-30", missing its ':') began, not
        # where reading gave up (the next line, or further).
        marks.reverse()
    mark = next((m for m in marks if m is not None), None)
    if mark is None:
        return 0, 0
    return mark.line + 1, mark.column + 1


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    """Plain words where the failure is a known one; PyYAML's own words otherwise."""
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in problem or needle in context), "")
    if hint:
        return f"YAML syntax error: {hint}"
    words = f"{problem} ({context})" if problem and context else problem or context
    return f"YAML syntax error: {words or 'the text is not valid YAML'}"


def _duplicate_keys(root: Node, name: str) -> list[Problem]:
    return [problem for mapping in _mappings(root) for problem in _repeated_fields(mapping, name)]


def _repeated_fields(mapping: MappingNode, name: str) -> list[Problem]:
    if len(mapping.value) < 2:
        return []
    if len({key.value for key, _ in mapping.value if isinstance(key, ScalarNode)}) == len(
        mapping.value
    ):
        return []  # nearly always: every field a word, and each once
    problems = []
    seen: dict[str, Node] = {}
    for key, _value in mapping.value:
        if not isinstance(key, ScalarNode):
            continue
        first = seen.get(key.value)
        if first is None:
            seen[key.value] = key
            continue
        here = node_position(name, key)
        message = (
            f"field '{key.value}' appears twice in the same place "
            f"(first on line {first.start_mark.line + 1}); keep only one"
        )
        problems.append(Problem(name, here.line, here.column, message))
    return problems


def _mappings(root: Node) -> Iterator[MappingNode]:
    """Every mapping under ``root`` once, even when aliases make the node graph cyclic."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            yield node
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
