"""Load a knowledge folder into a KnowledgeBase, reporting every problem in every file at once.

The folder holds ``sources.yaml``, ``topics.yaml``, ``synonyms.yaml``, ``smalltalk.yaml`` (each
must exist; the last two may hold an empty list), and any other ``*.yaml`` file holds entries;
the optional ``examples/`` folder holds labelled example questions (``bot.knowledge.examples``).
Files are read in sorted name order, so "first" and "second" in duplicate-id messages are
stable. Nothing here raises on bad input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from yaml.nodes import MappingNode, Node, SequenceNode

from bot.knowledge.examples import load_examples
from bot.knowledge.fields import FieldReader, describe
from bot.knowledge.model import (
    Entry,
    Example,
    KnowledgeBase,
    SmallTalk,
    Source,
    SynonymGroup,
    Topic,
)
from bot.knowledge.problems import Problem, Severity
from bot.knowledge.records import (
    Declarations,
    Declared,
    Incomplete,
    Loaded,
    read_entry,
    read_smalltalk,
    read_source,
    read_synonym_group,
    read_topic,
)
from bot.knowledge.yamlfile import parse_yaml, read_text

SOURCES_FILE = "sources.yaml"
TOPICS_FILE = "topics.yaml"
SYNONYMS_FILE = "synonyms.yaml"
SMALLTALK_FILE = "smalltalk.yaml"
# file name -> (its single top-level field, may its list be empty, what it is for). Every one
# must exist: without synonyms.yaml or smalltalk.yaml the bot still runs, but understands far
# fewer questions or declines every greeting, which nobody would notice until users did.
FIXED_FILES: dict[str, tuple[str, bool, str]] = {
    SOURCES_FILE: ("sources", False, "it lists the source documents that quotes come from"),
    TOPICS_FILE: ("topics", False, "it lists the topics the bot shows as buttons"),
    SYNONYMS_FILE: (
        "synonyms",
        True,
        "it lists words users may use for the same thing, and without it the bot "
        "understands far fewer questions",
    ),
    SMALLTALK_FILE: (
        "smalltalk",
        True,
        "it holds the replies to greetings, thanks and goodbyes, and without it the bot "
        "declines them",
    ),
}
ENTRIES_FIELD = "entries"
# Entries and small talk share one namespace: both are answered from the same id.
_Record = TypeVar("_Record")
_ID_NAMESPACE = {
    "entry": "entries",
    "small talk": "entries",
    "source": "sources",
    "topic": "topics",
}


@dataclass
class LoadResult:
    """Everything loading found: the sound records, every problem, and every declared id."""

    kb: KnowledgeBase  # only the records that loaded without problems
    problems: list[Problem]
    declarations: Declarations
    files: list[str] = field(default_factory=list)  # every file read, relative to the folder
    incomplete: Incomplete = field(default_factory=Incomplete)  # records with problems

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


def load_knowledge(directory: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Parse every file in ``directory``; the KnowledgeBase is None when there are errors."""
    result = load_folder(directory)
    return (None if result.has_errors else result.kb), sorted(result.problems)


def load_folder(directory: Path) -> LoadResult:
    """Load what can be loaded and report the rest; never raises on bad input."""
    return _FolderLoader(Path(directory)).load()


class _FolderLoader:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.problems: list[Problem] = []
        self.files: list[str] = []
        self.sources: list[Source] = []
        self.topics: list[Topic] = []
        self.entries: list[Entry] = []
        self.smalltalk: list[SmallTalk] = []
        self.synonyms: list[SynonymGroup] = []
        self.partial_entries: list[tuple[Entry, frozenset[str]]] = []
        self.partial_sources: list[tuple[Source, frozenset[str]]] = []
        self.declared: dict[str, Declared] = {}  # "namespace/id" -> first declaration
        self.ids: dict[str, set[str]] = {kind: set() for kind in _ID_NAMESPACE}
        self.unreadable: set[str] = set()
        self.examples: list[Example] = []

    def load(self) -> LoadResult:
        if not self.directory.is_dir():
            message = (
                "this is a file, not a folder: give the folder that holds the .yaml files"
                if self.directory.exists()
                else "the knowledge folder does not exist"
            )
            self.problems.append(self._about_folder(message))
            self.unreadable.update(_ID_NAMESPACE)
        else:
            self._load_files()
            examples, problems, files = load_examples(self.directory)
            self.examples = examples
            self.problems += problems
            self.files += files
        kb = KnowledgeBase(
            root=str(self.directory),
            sources=tuple(self.sources),
            topics=tuple(self.topics),
            entries=tuple(self.entries),
            smalltalk=tuple(self.smalltalk),
            synonyms=tuple(self.synonyms),
            examples=tuple(self.examples),
        )
        declarations = Declarations(
            ids={kind: frozenset(ids) for kind, ids in self.ids.items()},
            unreadable=frozenset(self.unreadable),
        )
        incomplete = Incomplete(
            entries=tuple(self.partial_entries),
            sources=tuple(source for source, _ in self.partial_sources),
        )
        return LoadResult(kb, self.problems, declarations, sorted(self.files), incomplete)

    def _load_files(self) -> None:
        try:
            children = sorted(self.directory.iterdir())
        except OSError as error:
            reason = error.strerror or type(error).__name__
            self.problems.append(self._about_folder(f"cannot read the knowledge folder: {reason}"))
            self.unreadable.update(_ID_NAMESPACE)
            return
        names = [p.name for p in children if p.is_file() and not p.name.startswith(".")]
        for name in names:
            if name.endswith(".yml"):
                message = f"ignored: only .yaml files are read; rename it to {name[:-4]}.yaml"
                self.problems.append(Problem(name, 0, 0, message, Severity.WARNING))
        yaml_names = [n for n in names if n.endswith(".yaml")]
        for name, (top, may_be_empty, purpose) in FIXED_FILES.items():
            if name not in yaml_names:
                create = (
                    f"the line '{top}: []' to have none" if may_be_empty else f"a '{top}:' list"
                )
                message = (
                    f"the file is missing ({purpose}); put it back, or create it with {create}"
                )
                self.problems.append(Problem(name, 0, 0, message))
                self.unreadable.update(_kinds_in(top))
        if not any(name not in FIXED_FILES for name in yaml_names):
            self.problems.append(
                self._about_folder("no entries file found; add e.g. policy.yaml with 'entries:'")
            )
        for name in yaml_names:
            self._load_file(name)

    def _about_folder(self, message: str) -> Problem:
        """A problem with the folder itself, named by its path as given: no file of it is at
        fault, and "." would not tell staff which folder was read."""
        return Problem(str(self.directory), 0, 0, message)

    def _load_file(self, name: str) -> None:
        self.files.append(name)
        top, may_be_empty, _ = FIXED_FILES.get(name, (ENTRIES_FIELD, False, ""))
        kinds = _kinds_in(top)
        text, problems = read_text(self.directory / name, name)
        self.problems.extend(problems)
        if text is None:
            self.unreadable.update(kinds)
            return
        parsed, problems = parse_yaml(text, name)
        self.problems.extend(problems)
        if parsed.root is None:
            if not problems:
                none = f" ('{top}: []' if there are none)" if may_be_empty else ""
                message = f"the file is empty; it should start with '{top}:'{none}"
                self.problems.append(Problem(name, 1, 1, message))
            self.unreadable.update(kinds)
            return
        reader = FieldReader(name, text)
        items = self._top_level_items(reader, parsed.root, top, may_be_empty)
        if items is None:
            self.unreadable.update(kinds)
        else:
            self._read_items(reader, top, items)
        self.problems.extend(reader.problems)

    def _top_level_items(
        self, reader: FieldReader, root: Node, top: str, may_be_empty: bool
    ) -> list[Node] | None:
        start = f"the file must start with '{top}:' followed by a list"
        if isinstance(root, SequenceNode):
            reader.error(root, f"{start}: add the line '{top}:' above the list")
            return None
        if not isinstance(root, MappingNode):
            reader.error(root, f"{start}, not with {describe(root)}")
            return None
        fields = reader.fields(root, "the file", required=(), optional=(top,)) or {}
        if top not in fields:
            reader.error(root, start)
            return None
        what = "small-talk items" if top == "smalltalk" else top
        items = reader.sequence(fields[top], what)
        if items is not None and not items and not may_be_empty:
            reader.error(fields[top], f"the list of {what} is empty; add at least one")
        return items

    def _read_items(self, reader: FieldReader, top: str, items: list[Node]) -> None:
        readers: dict[str, Callable[[Node], None]] = {
            "sources": lambda node: self._keep(
                "source",
                read_source(reader, node, self._text_loader(reader)),
                self.sources,
                self.partial_sources,
            ),
            "topics": lambda node: self._keep("topic", read_topic(reader, node), self.topics),
            "smalltalk": lambda node: self._keep(
                "small talk", read_smalltalk(reader, node), self.smalltalk
            ),
            ENTRIES_FIELD: lambda node: self._keep(
                "entry", read_entry(reader, node), self.entries, self.partial_entries
            ),
            "synonyms": lambda node: self._keep_group(read_synonym_group(reader, node)),
        }
        read = readers[top]
        for item in items:
            read(item)

    def _keep(
        self,
        kind: str,
        loaded: Loaded[_Record],
        into: list[_Record],
        partial_into: list[tuple[_Record, frozenset[str]]] | None = None,
    ) -> None:
        if loaded.declared is None:
            # Its id is unreadable, so any reference may have meant it: references to this
            # kind are not reported as missing until the id is fixed.
            self.unreadable.add(kind)
        elif not self._declare(loaded.declared):
            return  # a duplicate id: reported, and kept out so that ids stay unique
        if loaded.record is not None:
            into.append(loaded.record)
        elif loaded.partial is not None and partial_into is not None:
            partial_into.append((loaded.partial, loaded.broken))

    def _keep_group(self, group: SynonymGroup | None) -> None:
        if group is not None:
            self.synonyms.append(group)

    def _declare(self, declared: Declared) -> bool:
        """Record an id; False (and an error at the second place) if it is already taken."""
        key = f"{_ID_NAMESPACE[declared.kind]}/{declared.id}"
        first = self.declared.get(key)
        self.ids[declared.kind].add(declared.id)
        if first is None:
            self.declared[key] = declared
            return True
        here, there = declared.position, first.position
        message = (
            f"id '{declared.id}' is already used by the {first.kind} at {there.place()}; "
            "ids must be unique"
        )
        self.problems.append(Problem(here.file, here.line, here.column, message))
        # Also at the first place: either may be the edit (a copied entry, a renamed id), and
        # the list is sorted by file, so the other place may come far down it.
        message = (
            f"id '{declared.id}' is also used by the {declared.kind} at {here.place()}; "
            "ids must be unique"
        )
        self.problems.append(Problem(there.file, there.line, there.column, message))
        return False

    def _text_loader(self, reader: FieldReader) -> Callable[[str, Node], str | None]:
        def load(relative: str, node: Node) -> str | None:
            return self._source_text(reader, relative, node)

        return load

    def _source_text(self, reader: FieldReader, relative: str, node: Node) -> str | None:
        relative = relative.strip()
        try:
            root = self.directory.resolve()
            path = (self.directory / relative).resolve()
            inside = not Path(relative).is_absolute() and path.is_relative_to(root)
            exists, is_file = path.exists(), path.is_file()
        except (OSError, ValueError):  # a NUL byte, a name too long for the file system
            reader.error(node, f"'{relative}' is not a usable file path")
            return None
        if not inside:
            reader.error(node, f"the file '{relative}' must be inside the knowledge folder")
            return None
        if not is_file:
            reader.error(
                node,
                f"the source file '{relative}' "
                + ("is not a file" if exists else "does not exist")
                + " (paths are relative to the knowledge folder)",
            )
            return None
        name = path.relative_to(root).as_posix()
        if name not in self.files:
            self.files.append(name)
        text, problems = read_text(path, name)
        self.problems.extend(problems)
        if text is not None and not text.strip():
            reader.error(node, f"the source file '{relative}' is empty")
            return None
        return text


def _kinds_in(top: str) -> set[str]:
    return {
        "sources": {"source"},
        "topics": {"topic"},
        "smalltalk": {"small talk"},
        ENTRIES_FIELD: {"entry"},
    }.get(top, set())
