"""Commands given no knowledge folder read TALENT_BOT_KNOWLEDGE_DIR, as ``run`` does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.paths import configured_knowledge_dir, shipped_knowledge_dir


@pytest.fixture
def edited_copy(tmp_path: Path) -> Path:
    """The shipped folder with a marker put in front of the answer about talent projects."""
    folder = tmp_path / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), folder)
    projects = folder / "projects.yaml"
    text = projects.read_text(encoding="utf-8")
    first_line = "        To date, Tongzhou has supported 372"
    assert first_line in text
    projects.write_text(text.replace(first_line, "        Marked. " + first_line.strip(), 1))
    return folder


def test_unset_or_blank_means_the_shipped_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TALENT_BOT_KNOWLEDGE_DIR", raising=False)
    assert configured_knowledge_dir() is None
    monkeypatch.setenv("TALENT_BOT_KNOWLEDGE_DIR", "  ")
    assert configured_knowledge_dir() is None


def test_ask_reads_the_configured_folder(
    edited_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TALENT_BOT_KNOWLEDGE_DIR", str(edited_copy))
    assert configured_knowledge_dir() == edited_copy

    assert main(["ask", "--json", "how many talent projects has tongzhou supported"]) == 0

    reply = json.loads(capsys.readouterr().out)
    assert reply["answer"].startswith("Marked. To date")


def test_check_reads_the_configured_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TALENT_BOT_KNOWLEDGE_DIR", str(tmp_path / "nowhere"))

    assert main(["check"]) == 1

    assert "nowhere" in capsys.readouterr().out


def test_a_folder_on_the_command_line_wins(
    edited_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TALENT_BOT_KNOWLEDGE_DIR", str(edited_copy.parent / "nowhere"))

    assert main(["check", str(edited_copy)]) == 0
    assert main(["ask", "--json", "--knowledge", str(edited_copy), "372 projects"]) == 0

    assert '"answer": "Marked. To date' in capsys.readouterr().out
