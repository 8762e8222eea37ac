"""The Dockerfile names the same paths, user, port and commands as the code, compose and the docs.

These tests read the files as text (no image is built here: scripts/container-check.sh does that)
and run hadolint on the Dockerfile when its binary is installed (the ``test`` extra installs it).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bot import cli, config

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
DEPLOYMENT_DOC = ROOT / "docs" / "deployment.md"
COMPOSE = ROOT / "compose.yaml"
ENV_EXAMPLE = ROOT / ".env.example"
SECRETS = ("TELEGRAM_BOT_TOKEN", "TALENT_BOT_WEBHOOK_SECRET")


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str
    line: int


def parse_dockerfile(text: str) -> list[list[Instruction]]:
    """The instructions of each build stage, continuation lines joined, comments dropped."""
    stages: list[list[Instruction]] = []
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue  # comment lines inside a continued instruction are skipped by Docker too
        if not pending:
            start = number
        pending.append(stripped[:-1] if stripped.endswith("\\") else stripped)
        if stripped.endswith("\\"):
            continue
        keyword, _, arguments = " ".join(pending).partition(" ")
        pending = []
        instruction = Instruction(keyword.upper(), arguments.strip(), start)
        if instruction.keyword == "FROM":
            stages.append([])
        if not stages:
            raise AssertionError(f"line {start}: {keyword} before the first FROM")
        stages[-1].append(instruction)
    return stages


STAGES = parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))
FINAL = STAGES[-1]


def instructions(keyword: str, stage: list[Instruction] = FINAL) -> list[Instruction]:
    return [item for item in stage if item.keyword == keyword]


def exec_form(instruction: Instruction) -> list[str]:
    """The JSON array of a CMD/HEALTHCHECK, after any ``--option=value`` flags and ``CMD``."""
    arguments = instruction.arguments
    arguments = re.sub(r"^(--\S+\s+)*", "", arguments)
    arguments = re.sub(r"^CMD\s+", "", arguments)
    assert arguments.startswith("["), f"line {instruction.line}: use the exec (JSON) form"
    value = yaml.safe_load(arguments)
    assert isinstance(value, list)
    return [str(item) for item in value]


def image_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for instruction in instructions("ENV"):
        for pair in shlex.split(instruction.arguments):
            name, equals, value = pair.partition("=")
            assert equals, f"line {instruction.line}: use ENV NAME=value"
            env[name] = value
    return env


ENV = image_env()
KNOWLEDGE_DIR = ENV["TALENT_BOT_KNOWLEDGE_DIR"]
DATA_DIR = ENV["TALENT_BOT_DATA_DIR"]


def settings_named_in_config() -> set[str]:
    source = Path(config.__file__).read_text(encoding="utf-8")
    return set(re.findall(r"\b(?:TELEGRAM|TALENT_BOT)_[A-Z_]+\b", source))


# ---- base, stages, user ----------------------------------------------------------------------


def test_every_stage_starts_from_the_same_slim_python_base_pinned_by_tag() -> None:
    images = {instruction.arguments.split()[0] for stage in STAGES for instruction in stage[:1]}
    assert images == {"python:3.11-slim-bookworm"}
    assert len(STAGES) >= 2, "multi-stage: a builder and a runtime stage"


def test_the_final_stage_copies_the_virtual_environment_from_the_builder() -> None:
    builder_name = STAGES[0][0].arguments.split()[-1]
    copies = [item.arguments for item in instructions("COPY")]
    assert any(
        f"--from={builder_name}" in copy and "/opt/talent-bot/venv" in copy for copy in copies
    )


def test_the_image_runs_as_a_fixed_non_root_uid_created_in_the_image() -> None:
    users = instructions("USER")
    assert users, "no USER: the image would run as root"
    uid, _, gid = users[-1].arguments.partition(":")
    assert uid.isdigit(), "a numeric uid, which Kubernetes' runAsNonRoot can verify"
    assert int(uid) != 0
    assert gid.isdigit()
    assert int(gid) != 0
    created = " ".join(item.arguments for item in instructions("RUN"))
    assert f"--uid {uid}" in created
    assert f"--gid {gid}" in created
    assert f"chown {uid}:{gid}" in DEPLOYMENT_DOC.read_text(encoding="utf-8")


def test_the_code_is_copied_without_chown_so_root_owns_it() -> None:
    for instruction in instructions("COPY"):
        assert "--chown" not in instruction.arguments, f"line {instruction.line}"
        assert "--chmod" not in instruction.arguments, f"line {instruction.line}"


# ---- configuration -----------------------------------------------------------------------------


def test_env_sets_every_setting_but_the_secrets() -> None:
    named = settings_named_in_config()
    assert named >= {"TELEGRAM_BOT_TOKEN", "TALENT_BOT_PORT", "TALENT_BOT_DATA_DIR"}
    assert named - set(SECRETS) <= set(ENV)
    for secret in SECRETS:
        assert secret not in ENV
    args = " ".join(item.arguments for stage in STAGES for item in stage if item.keyword == "ARG")
    for secret in SECRETS:
        assert secret not in args


def test_env_defaults_match_the_code_defaults() -> None:
    assert ENV["TALENT_BOT_PORT"] == str(config.DEFAULT_PORT)
    assert ENV["TALENT_BOT_LISTEN"] == config.DEFAULT_LISTEN
    assert ENV["TALENT_BOT_LOG_LEVEL"] == config.DEFAULT_LOG_LEVEL
    assert ENV["TALENT_BOT_RETENTION_DAYS"] == str(config.DEFAULT_RETENTION_DAYS)
    assert ENV["TELEGRAM_API_BASE_URL"] == config.OFFICIAL_BASE_URL
    assert ENV["TALENT_BOT_WEBHOOK_URL"] == "", "polling by default"


def test_the_image_settings_load_with_only_a_token_added(tmp_path: Path) -> None:
    # The image's folders don't exist here; everything else is read exactly as in the image.
    environ = dict(ENV, TALENT_BOT_KNOWLEDGE_DIR=str(ROOT / "knowledge"))
    environ["TALENT_BOT_DATA_DIR"] = str(tmp_path / "data")
    environ["TELEGRAM_BOT_TOKEN"] = "123456:" + "A" * 35
    settings = config.load_settings(environ)
    assert settings.mode == "polling"
    assert settings.port == int(ENV["TALENT_BOT_PORT"])


def test_the_webhook_port_is_exposed() -> None:
    exposed = {item.arguments.split("/")[0] for item in instructions("EXPOSE")}
    assert exposed == {ENV["TALENT_BOT_PORT"]}


def test_path_puts_the_virtual_environment_first() -> None:
    assert ENV["PATH"].startswith("/opt/talent-bot/venv/bin:")


# ---- folders -----------------------------------------------------------------------------------


def test_the_data_folder_is_a_volume_and_the_knowledge_folder_ships_in_the_image() -> None:
    volumes = [yaml.safe_load(item.arguments) for item in instructions("VOLUME")]
    assert [DATA_DIR] in volumes
    assert any(
        item.arguments.split() == ["knowledge", KNOWLEDGE_DIR] for item in instructions("COPY")
    )
    workdirs = instructions("WORKDIR")
    assert workdirs, "no WORKDIR"
    assert KNOWLEDGE_DIR.startswith(workdirs[-1].arguments + "/")
    assert DATA_DIR.startswith(workdirs[-1].arguments + "/")


def test_compose_mounts_both_folders_at_the_image_paths() -> None:
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    (service,) = compose["services"].values()
    targets = {volume.split(":")[1] for volume in service["volumes"]}
    assert targets == {KNOWLEDGE_DIR, DATA_DIR}
    assert service["env_file"] == ".env"
    assert service["restart"] in ("unless-stopped", "always", "on-failure")
    commented = COMPOSE.read_text(encoding="utf-8")
    assert "# environment:" in commented
    assert "#   TALENT_BOT_WEBHOOK_URL: https://" in commented
    assert f':{ENV["TALENT_BOT_PORT"]}"' in commented


def test_the_deployment_doc_names_the_image_paths_port_and_commands() -> None:
    doc = DEPLOYMENT_DOC.read_text(encoding="utf-8")
    for needle in (KNOWLEDGE_DIR, DATA_DIR, ENV["TALENT_BOT_PORT"], "talent-bot healthcheck"):
        assert needle in doc, needle
    for name in settings_named_in_config():
        assert name in doc, name


# Named in docs/deployment.md, but for building the image or for the container checks.
BUILD_AND_CHECK_VARIABLES = {"PIP_INDEX_URL", "TALENT_BOT_CI_CACHE", "TALENT_BOT_CI_ONLY"}


def test_every_runtime_variable_the_deployment_doc_names_is_documented_with_the_others() -> None:
    named = set(re.findall(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", DEPLOYMENT_DOC.read_text("utf-8")))
    configuration = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = ENV_EXAMPLE.read_text(encoding="utf-8")
    for name in sorted(named - BUILD_AND_CHECK_VARIABLES):
        assert f"`{name}`" in configuration, name
        assert re.search(rf"^#? ?{name}=", example, re.MULTILINE), name


def test_env_example_lists_every_setting_and_holds_no_secret() -> None:
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    for name in settings_named_in_config():
        assert re.search(rf"^#? ?{name}=", text, re.MULTILINE), name
    assert re.search(r"^TELEGRAM_BOT_TOKEN=$", text, re.MULTILINE)
    assert not re.search(r"^TALENT_BOT_WEBHOOK_SECRET=.", text, re.MULTILINE)


# ---- commands ----------------------------------------------------------------------------------


def console_script() -> str:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    scripts = pyproject["project"]["scripts"]
    (name,) = [name for name, target in scripts.items() if target == "bot.cli:main"]
    return str(name)


def test_cmd_is_talent_bot_run() -> None:
    (cmd,) = instructions("CMD")
    assert exec_form(cmd) == [console_script(), "run"]
    assert "run" in cli.COMMANDS
    assert not instructions("ENTRYPOINT")


def test_healthcheck_calls_talent_bot_healthcheck() -> None:
    (check,) = instructions("HEALTHCHECK")
    assert exec_form(check) == [console_script(), "healthcheck"]
    assert "healthcheck" in cli.COMMANDS


def test_stopsignal_is_sigterm() -> None:
    assert [item.arguments for item in instructions("STOPSIGNAL")] == ["SIGTERM"]


# ---- dependencies ------------------------------------------------------------------------------


def lock_pins(path: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{path.name}: {line!r} is not pinned with =="
            pins[canonicalize_name(name)] = version
    return pins


def test_the_lock_pins_every_runtime_dependency_within_pyproject_ranges() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = lock_pins(ROOT / "requirements.lock")
    for spec in pyproject["project"]["dependencies"]:
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} missing from requirements.lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (name, pins[name])


def test_the_build_lock_pins_the_build_backend() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = lock_pins(ROOT / "requirements-build.lock")
    for spec in pyproject["build-system"]["requires"]:
        requirement = Requirement(spec)
        assert requirement.specifier.contains(pins[canonicalize_name(requirement.name)])


def test_the_builder_installs_from_the_lock_before_copying_the_code() -> None:
    builder = STAGES[0]
    keywords = [(item.keyword, item.arguments) for item in builder]
    install_lock = next(
        index for index, (kw, args) in enumerate(keywords) if kw == "RUN" and "-r " in args
    )
    copy_code = next(
        index
        for index, (kw, args) in enumerate(keywords)
        if kw == "COPY" and args.startswith("bot ")
    )
    assert install_lock < copy_code
    assert "--no-deps" in keywords[install_lock][1]
    assert "requirements.lock" in keywords[install_lock][1]


# ---- build context -----------------------------------------------------------------------------


def dockerignore_patterns() -> list[tuple[bool, str]]:
    patterns = []
    for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            negated = line.startswith("!")
            patterns.append((negated, line.lstrip("!").strip("/")))
    return patterns


def _matches(pattern: str, path: str) -> bool:
    """Docker's rule: a pattern matches a path or any folder above it; ``**`` spans folders."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    if pattern.startswith("**/"):
        rest = pattern[3:]
        return any(fnmatchcase(part, rest) for part in parts) or any(
            _matches(rest, "/".join(parts[i:])) for i in range(1, len(parts))
        )
    return any(fnmatchcase(prefix, pattern) for prefix in prefixes)


def ignored(path: str) -> bool:
    verdict = False
    for negated, pattern in dockerignore_patterns():
        if _matches(pattern, path):
            verdict = not negated
    return verdict


@pytest.mark.parametrize(
    "path",
    [
        ".git/HEAD",
        ".venv/bin/python",
        ".env",
        "tests/test_dockerfile.py",
        "data/questions.sqlite3",
        "bot/__pycache__/cli.cpython-311.pyc",
        ".mypy_cache/3.11/bot/cli.data.json",
        ".pytest_cache/v/cache/nodeid",
        "benchmarks/eval/dev.yaml",
        "knowledge/.hypothesis/examples",
        "scripts/container-check.sh",
    ],
)
def test_the_build_context_leaves_out(path: str) -> None:
    assert ignored(path)


def test_the_build_context_holds_what_the_dockerfile_copies() -> None:
    sources = []
    for stage in STAGES:
        for item in stage:
            if item.keyword == "COPY" and "--from=" not in item.arguments:
                sources += item.arguments.split()[:-1]
    assert sources
    for source in sources:
        assert not ignored(source), source
    for kept in ("bot/cli.py", "knowledge/projects.yaml", "knowledge/sources.yaml"):
        assert not ignored(kept), kept


# ---- hadolint ----------------------------------------------------------------------------------


def hadolint_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "hadolint"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("hadolint")


def test_hadolint_reports_nothing() -> None:
    binary = hadolint_binary()
    if binary is None:
        pytest.skip("hadolint is not installed (pip install -e '.[test]' installs it)")
    result = subprocess.run(
        [binary, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_every_ignored_hadolint_rule_says_why() -> None:
    lines = DOCKERFILE.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if "hadolint ignore=" in line:
            previous = lines[index - 1].strip() if index else ""
            why = f"line {index + 1}: explain the ignored rule in a comment just above it"
            assert previous.startswith("#"), why
            assert "hadolint" not in previous, why
