"""``talent-bot check``: output format, exit status, JSON, and the extra-check extension point."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot import checking
from bot.cli import main
from bot.commands import check
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.problems import Problem, Severity

SUMMARY = re.compile(r"^\d+ errors?, \d+ warnings? in \d+ files?$")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_two_things_and_age_one(knowledge: Path) -> None:
    """Two errors in two files and one warning, in a copy of the shipped folder."""
    edit(
        knowledge / "projects.yaml",
        "supported 372 high-level talent innovation and entrepreneurship\n",
        "supported 373 high-level talent innovation and entrepreneurship\n",
    )
    edit(knowledge / "policy.yaml", "    topic: ", "\ttopic: ")
    edit(knowledge / "about.yaml", "review_by: 2027-06-30", "review_by: 2020-01-01")


def test_the_shipped_knowledge_base_passes(capsys):
    status = main(["check"])

    output = capsys.readouterr().out.splitlines()
    assert status == 0, "\n".join(output)
    assert SUMMARY.match(output[-1])
    assert output[-1].startswith("0 errors, ")


@pytest.fixture
def only_the_knowledge_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exact-output tests count problems; checks registered by other modules would add theirs."""
    monkeypatch.setattr(checking, "EXTRA_CHECKS", [])


@pytest.mark.usefixtures("only_the_knowledge_checks")
def test_text_output_lists_errors_then_warnings_then_a_summary(knowledge, capsys):
    break_two_things_and_age_one(knowledge)

    status = main(["check", str(knowledge)])

    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert [line.split(":")[0] for line in lines[:2]] == ["policy.yaml", "projects.yaml"]
    assert "a tab character is used for indentation" in lines[0]
    assert "answer.en states 373" in lines[1]
    assert lines[2] == "warnings:"
    assert lines[3].startswith("about.yaml:")
    assert "review date 2020-01-01 has passed" in lines[3]
    assert lines[4] == f"2 errors, 1 warning in {count_files(knowledge)} files"
    assert len(lines) == 5


def count_files(knowledge: Path) -> int:
    return len(list(knowledge.glob("*.yaml"))) + len(list((knowledge / "sources").glob("*.txt")))


@pytest.mark.usefixtures("only_the_knowledge_checks")
def test_warnings_alone_exit_zero(knowledge, capsys):
    edit(knowledge / "about.yaml", "review_by: 2027-06-30", "review_by: 2020-01-01")

    status = main(["check", str(knowledge)])

    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert lines[0] == "warnings:"
    assert lines[-1].startswith("0 errors, 1 warning in ")


@pytest.mark.usefixtures("only_the_knowledge_checks")
def test_json_output(knowledge, capsys):
    break_two_things_and_age_one(knowledge)

    status = main(["check", str(knowledge), "--format", "json"])

    document = json.loads(capsys.readouterr().out)
    assert status == 1
    assert document["ok"] is False
    assert [e["file"] for e in document["errors"]] == ["policy.yaml", "projects.yaml"]
    assert set(document["errors"][0]) == {"file", "line", "column", "message", "severity"}
    assert document["errors"][1]["severity"] == "error"
    assert [w["severity"] for w in document["warnings"]] == ["warning"]
    assert document["files"] == count_files(knowledge)


def test_json_output_for_a_clean_folder(knowledge, capsys):
    status = main(["check", str(knowledge), "--format", "json"])

    document = json.loads(capsys.readouterr().out)
    assert status == 0
    assert document["ok"] is True
    assert document["errors"] == []


def test_dir_defaults_to_the_shipped_folder(knowledge, monkeypatch, capsys):
    edit(knowledge / "policy.yaml", "    topic: ", "\ttopic: ")
    monkeypatch.setattr(check, "shipped_knowledge_dir", lambda: knowledge)
    monkeypatch.delenv("TALENT_BOT_KNOWLEDGE_DIR", raising=False)

    status = main(["check"])

    assert status == 1
    assert capsys.readouterr().out.startswith("policy.yaml:")


def test_a_folder_that_does_not_exist(tmp_path, capsys):
    status = main(["check", str(tmp_path / "nowhere")])

    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines[0] == f"{tmp_path / 'nowhere'}: the knowledge folder does not exist"
    assert lines[-1] == "1 error, 0 warnings in 0 files"


def test_format_problems_gives_the_exact_lines():
    problems = [
        Problem("policy.yaml", 14, 9, "answer.zh states 4.5亿 (450000000), which no quote"),
        Problem("about.yaml", 3, 1, "review date passed", Severity.WARNING),
    ]

    assert check.format_problems(problems) == [
        "policy.yaml:14:9: answer.zh states 4.5亿 (450000000), which no quote",
        "about.yaml:3:1: review date passed",
    ]


def test_an_extra_check_adds_its_problems(knowledge):
    def every_entry_has_a_question_mark(kb: KnowledgeBase) -> list[Problem]:
        return [
            Problem(e.where("questions.en.0").file, e.where("questions.en.0").line, 1, "no ?")
            for e in kb.entries
            if not e.questions["en"][0].endswith("?")
        ] + [Problem("topics.yaml", 1, 1, "just a note", Severity.WARNING)]

    result = check.check_folder(knowledge, extra_checks=[every_entry_has_a_question_mark])

    assert [p.message for p in result.warnings] == ["just a note"]
    assert all(p.message == "no ?" for p in result.errors)


def test_extra_checks_registered_in_the_module_run_with_the_command(knowledge, monkeypatch, capsys):
    def always_one_error(kb: KnowledgeBase) -> list[Problem]:
        return [Problem("about.yaml", 1, 1, f"{len(kb.entries)} entries seen")]

    monkeypatch.setattr(checking, "EXTRA_CHECKS", [always_one_error])

    status = main(["check", str(knowledge)])

    output = capsys.readouterr().out
    assert status == 1
    assert re.search(r"^about\.yaml:1:1: \d+ entries seen$", output, re.MULTILINE)


def test_a_failing_extra_check_is_reported_not_raised(knowledge):
    def broken(kb: KnowledgeBase) -> list[Problem]:
        raise ValueError("boom")

    result = check.check_folder(knowledge, extra_checks=[broken])

    assert [p.format() for p in result.errors] == [
        f"{knowledge}: the check broken failed: ValueError: boom"
    ]


def test_extra_checks_wait_for_a_folder_that_loads(knowledge):
    calls: list[KnowledgeBase] = []

    def record(kb: KnowledgeBase) -> list[Problem]:
        calls.append(kb)
        return []

    edit(knowledge / "policy.yaml", "    topic: ", "\ttopic: ")

    result = check.check_folder(knowledge, extra_checks=[record])

    assert result.errors
    assert calls == []


def test_check_runs_from_any_directory(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert json.loads(completed.stdout)["ok"] is True


def test_check_does_not_import_telegram(tmp_path):
    code = (
        "import sys; from bot.commands import check; "
        "check.check_folder(check.shipped_knowledge_dir()); "
        "print('telegram' in sys.modules)"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )

    assert completed.stdout.strip() == "False"


def test_knowledge_option_names_the_folder_like_in_other_commands(knowledge, capsys):
    edit(knowledge / "policy.yaml", "    topic: ", "\ttopic: ")

    status = main(["check", "--knowledge", str(knowledge)])

    assert status == 1
    assert capsys.readouterr().out.startswith("policy.yaml:")


def test_a_problem_is_always_one_printable_line():
    problem = Problem("policy.yaml", 3, 5, "unknown field 'a\nb\x1b[31m' — did you mean 'answer'?")

    assert check.format_problems([problem]) == [
        "policy.yaml:3:5: unknown field 'a\\nb\\x1b[31m' — did you mean 'answer'?"
    ]


def test_an_answer_edit_that_moves_a_counting_question_is_reported(knowledge):
    # What knowledge/README.md ("Which entry answers") warns of: brackets between 372 and what
    # it counts leave "how many talent projects" (and 支持了多少个人才项目) to the entry counting
    # "supported projects".
    path = knowledge / "projects.yaml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("supported 372 high-level", "supported 372 (the most) high-level", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")

    english, chinese = check.check_folder(knowledge).errors

    assert english.file == chinese.file == "projects.yaml"
    assert (
        "phrasing 'how many talent projects' of entry 'talent-projects-funding'" in english.message
    )
    assert "phrasing '支持了多少个人才项目' of entry 'talent-projects-funding'" in chinese.message
    assert english.message.endswith('see "Which entry answers" in README.md)')
