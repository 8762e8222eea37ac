"""Read ``examples/*.yaml``: questions people asked, each labelled with what answers it.

Each file is a list of items in the form ``talent-bot eval`` reads::

    - q: "wher is tongzou"
      expect: tongzhou-location      # an entry's id, or decline, or smalltalk
      answer: '(?i)Jiangsu|江苏'      # optional: a pattern the answer must match, for eval

The matcher learns wording from them (``bot.matching.examples``). The folder is optional, and
nothing here raises on bad input: every problem is reported with its file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from yaml.nodes import Node

from bot.knowledge.fields import FieldReader
from bot.knowledge.model import Example
from bot.knowledge.problems import Problem, Severity
from bot.knowledge.yamlfile import parse_yaml, read_text

EXAMPLES_FOLDER = "examples"
# Labels that name no entry: the sources do not say, or a greeting
LABELS_WITHOUT_ENTRY = frozenset(("decline", "smalltalk"))
_FIELDS = ("q", "expect")
_OPTIONAL = ("answer",)


def load_examples(directory: Path) -> tuple[list[Example], list[Problem], list[str]]:
    """The examples in ``directory/examples``, the problems found, and the files read."""
    folder = directory / EXAMPLES_FOLDER
    if not folder.is_dir():
        return [], [], []
    examples: list[Example] = []
    problems: list[Problem] = []
    files: list[str] = []
    for path in sorted(folder.glob("*.yml")):
        message = f"ignored: only .yaml files are read; rename it to {path.stem}.yaml"
        problems.append(Problem(f"{EXAMPLES_FOLDER}/{path.name}", 0, 0, message, Severity.WARNING))
    for path in sorted(folder.glob("*.yaml")):
        name = f"{EXAMPLES_FOLDER}/{path.name}"
        files.append(name)
        text, unreadable = read_text(path, name)
        problems += unreadable
        if text is None:
            continue
        parsed, parse_problems = parse_yaml(text, name)
        problems += parse_problems
        if parsed.root is None:
            if not parse_problems:
                message = "the file is empty; write example questions ('- q: ...'), or delete it"
                problems.append(Problem(name, 1, 1, message))
            continue
        reader = FieldReader(name, text)
        items = reader.sequence(parsed.root, "example questions")
        for item in items or ():
            example = _read_example(reader, item)
            if example is not None:
                examples.append(example)
        problems += reader.problems
    return examples, problems, files


def _read_example(reader: FieldReader, item: Node) -> Example | None:
    fields = reader.fields(
        item,
        "an example question",
        required=_FIELDS,
        optional=_OPTIONAL,
        hints={
            "q": "the question as someone asked it",
            "expect": "the id of the entry that answers it, or decline, or smalltalk",
        },
    )
    if fields is None or any(name not in fields for name in _FIELDS):
        return None
    question = reader.text(fields["q"], "the question")
    label = reader.ident(fields["expect"], "the label")
    if "answer" in fields:
        pattern = reader.text(fields["answer"], "the answer pattern")
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as error:
                reader.error(
                    fields["answer"],
                    f"the answer pattern is not a valid regular expression ({error}); "
                    "fix it or delete the line",
                )
    if question is None or label is None:
        return None
    return Example(question, label, reader.position(item))


def check_example_labels(examples: tuple[Example, ...], entry_ids: set[str]) -> list[Problem]:
    """A warning for each example whose label names no entry (an entry renamed or removed):
    the bot learns nothing from it until the label is fixed."""
    return [
        Problem(
            example.position.file,
            example.position.line,
            example.position.column,
            f"the label '{example.label}' is not the id of any entry; the bot learns nothing "
            "from this example until it names an entry's id, or decline, or smalltalk",
            Severity.WARNING,
        )
        for example in examples
        if example.label not in entry_ids and example.label not in LABELS_WITHOUT_ENTRY
    ]
