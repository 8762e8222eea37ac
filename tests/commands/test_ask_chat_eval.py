"""talent-bot ask, chat and eval, through main(argv) and as real subprocesses."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.commands.ask import render_text
from bot.commands.chat import ChatSession
from bot.faq import FaqEngine
from bot.matching.settings import MatchSettings
from bot.paths import shipped_knowledge_dir

ROOT = Path(__file__).resolve().parents[2]
FIELDS = {"question", "lang", "kind", "entry_id", "score", "answer", "sources", "suggestions"}


def run_cli(
    *args: str, stdin: str = "", cwd: Path | None = None, hash_seed: str = "0"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "PYTHONIOENCODING": "utf-8",
            "PYTHONHASHSEED": hash_seed,
        },
        timeout=120,
        check=False,
    )


def test_ask_prints_the_answer_with_its_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Where is Tongzhou?"]) == 0
    out = capsys.readouterr().out
    assert "Jiangsu" in out
    assert "Sources:" in out
    assert "http://" in out
    assert "\u201c" in out  # the verbatim quote


def test_ask_json_prints_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "通州在哪里", "--json"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert set(reply) == FIELDS
    assert (reply["kind"], reply["lang"]) == ("answer", "zh")
    assert reply["sources"][0]["quote"]


def test_ask_lang_overrides_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "通州在哪里", "--lang", "en", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "en"


def test_ask_with_an_explicit_knowledge_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "hello", "--knowledge", str(shipped_knowledge_dir()), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "smalltalk"


def test_ask_reports_a_broken_knowledge_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "topics.yaml").write_text("topics: [", encoding="utf-8")
    assert main(["ask", "hello", "--knowledge", str(tmp_path)]) == 2
    assert "topics.yaml" in capsys.readouterr().err


def test_ask_batch_answers_every_line_in_order() -> None:
    questions = ["where is tongzhou", "", "What salary does a postdoc get?", "谢谢", "😀"]
    result = run_cli("ask", "--json", "-", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in replies] == questions
    assert [r["kind"] for r in replies] == ["answer", "decline", "decline", "smalltalk", "decline"]
    assert all(set(r) == FIELDS for r in replies)


def test_outcomes_and_scores_are_the_same_in_every_process() -> None:
    # Set and dict orders of strings change with the hash seed; the replies must not.
    questions = "\n".join(
        ["wher is tongzou", "人才新政", "funding for startups", "海外博士活动", "policy", "visa"]
    )
    outputs = {
        run_cli("ask", "--json", "-", stdin=questions, hash_seed=seed).stdout for seed in "123"
    }
    assert len(outputs) == 1
    assert outputs.pop().count("\n") == 6


def test_commands_find_the_shipped_knowledge_from_any_directory(tmp_path: Path) -> None:
    result = run_cli("ask", "policy 3.0", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["entry_id"] == "policy-3-0"


def test_chat_answers_picks_numbers_browses_topics_and_quits() -> None:
    lines = [
        "where is tongzhou",  # an answer with numbered related questions
        "1",  # pick the first related question
        "topics",
        "1",  # the first topic's questions
        "1",  # its first question
        "/lang zh",
        "What salary does a postdoc get?",
        "99",
        "/help",
        "quit",
        "hello",  # never read: quit came first
    ]
    result = run_cli("chat", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Jiangsu" in out
    assert "Related questions:" in out
    assert "  1. " in out
    assert "Topics (type a number):" in out
    assert "抱歉" in out  # the decline, in Chinese after /lang zh
    assert "没有第 99 项" in out
    assert "/lang en|zh|auto" in out
    assert out.rstrip().endswith("再见！")
    assert "Hello!" not in out


def test_chat_numbers_suggestions_and_a_number_picks_one() -> None:
    # Settings that never answer outright (nor let the examples answer) turn every match into
    # a "did you mean?".
    never_sure = MatchSettings(sure_threshold=101.0, min_margin=101.0, use_examples=False)
    engine = FaqEngine(FaqEngine.load().knowledge, never_sure)
    out = io.StringIO()
    session = ChatSession(engine, out)
    assert session.handle("where is tongzhou district")
    shown = out.getvalue()
    assert "Did you mean:" in shown
    assert "  1. Where is Tongzhou?" in shown
    assert session.handle("1")
    assert "Jiangsu" in out.getvalue()
    assert not session.handle("quit")


def test_chat_takes_a_huge_number_as_a_question_not_a_pick() -> None:
    out = io.StringIO()
    session = ChatSession(FaqEngine.load(), out)
    assert session.handle("where is tongzhou")  # shows numbered related questions
    assert session.handle("9" * 5000)  # too long to be a pick; must not raise
    assert "sources don't cover" in out.getvalue()


def test_chat_says_a_number_needs_a_list_and_knows_topics_in_chinese() -> None:
    out = io.StringIO()
    session = ChatSession(FaqEngine.load(), out)
    assert session.handle("9")  # nothing shown yet to pick from
    assert "no list to pick from" in out.getvalue()
    assert "sources don't cover" not in out.getvalue()
    assert session.handle("主题")
    assert "Topics (type a number):" in out.getvalue()


def test_chat_decline_names_each_topic_once_as_a_numbered_list() -> None:
    out = io.StringIO()
    engine = FaqEngine.load()
    session = ChatSession(engine, out)
    assert session.handle("does the policy cover housing")
    shown = out.getvalue()
    assert "sources don't cover" in shown
    for number, topic in enumerate(engine.topics("en"), start=1):
        assert shown.count(topic.name) == 1, topic.name
        assert f"  {number}. {topic.name}" in shown
    assert session.handle("2")  # a topic's number opens it
    assert "Questions in Talent policy" in out.getvalue()


def test_chat_in_a_terminal_recalls_the_last_question_with_the_up_arrow() -> None:
    # In a terminal the chat reads through readline: the arrow keys edit and recall lines
    # instead of typing escape codes into the question.
    import pty
    import select

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "TERM": "dumb"},
    )
    os.close(follower)

    def read_until(marker: bytes) -> bytes:
        seen = b""
        while marker not in seen and select.select([leader], [], [], 30)[0]:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            seen += chunk
        return seen

    try:
        read_until(b"> ")
        os.write(leader, b"where is tongzhou\n")
        read_until(b"Related questions")
        os.write(leader, b"\x1b[A\n")  # the up arrow, then Enter: the same question again
        again = read_until(b"Related questions")
        os.write(leader, b"quit\n")
        read_until(b"Goodbye!")
        assert process.wait(timeout=60) == 0
    finally:
        process.kill()
        os.close(leader)
    assert b"Jiangsu" in again


def test_chat_ends_at_end_of_input() -> None:
    result = run_cli("chat", "--lang", "zh", stdin="where is tongzhou\n")
    assert result.returncode == 0, result.stderr
    assert "江苏" in result.stdout


def test_eval_prints_every_figure_and_the_misses(tmp_path: Path) -> None:
    labelled = tmp_path / "set.yaml"
    labelled.write_text(
        "- {q: where is tongzhou, expect: tongzhou-location, answer: '(?i)jiangsu'}\n"
        "- {q: where is tongzhou, expect: tongzhou-location, answer: 'Beijing'}\n"
        "- {q: 'What salary does a postdoc get?', expect: decline}\n"
        "- {q: hello, expect: smalltalk}\n",
        encoding="utf-8",
    )
    result = run_cli("eval", str(labelled))
    assert result.returncode == 0, result.stderr
    assert "in-scope accuracy:     50.0%" in result.stdout
    assert "out-of-scope rejected: 100.0%" in result.stdout
    assert "small talk recognised: 100.0%" in result.stdout
    assert "misses (1):" in result.stdout
    assert "Beijing" in result.stdout

    as_json = json.loads(run_cli("eval", str(labelled), "--json").stdout)
    assert as_json["in_scope"] == {"total": 2, "correct": 1, "accuracy": 0.5}
    assert len(as_json["misses"]) == 1


def test_eval_rejects_a_malformed_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labelled = tmp_path / "bad.yaml"
    labelled.write_text("- {q: hello}\n", encoding="utf-8")
    assert main(["eval", str(labelled)]) == 2
    assert "item 1" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["ask", "where is tongzhou"],
        ["eval", str(ROOT / "knowledge" / "examples" / "dev.yaml")],
        ["chat"],
    ],
)
def test_core_commands_never_import_telegram(argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        f"status = main({argv!r})\n"
        "assert 'telegram' not in sys.modules, 'telegram was imported'\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        input="where is tongzhou\nquit\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_readme_shows_a_reply_exactly_as_ask_prints_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = readme[readme.index("```text\n> ") + len("```text\n") :]
    question, _, rest = sample.partition("\n")
    shown = rest[: rest.index("\n> ")].rstrip("\n")
    assert render_text(FaqEngine.load().ask(question.removeprefix("> "))) == shown
