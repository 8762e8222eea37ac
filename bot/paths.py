"""Where the shipped knowledge base is, from a source checkout or an installed wheel."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_knowledge_dir() -> Path:
    """The knowledge folder that ships with the code.

    An installed wheel carries it as ``bot/_shipped_knowledge``; a source checkout (or an
    editable install) has it beside the package as ``knowledge/``.
    """
    installed = _PACKAGE_DIR / "_shipped_knowledge"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "knowledge"


def env_path(name: str, env: Mapping[str, str] | None = None) -> Path | None:
    """The folder an environment variable names (``~`` expanded), or None when it is unset."""
    value = (os.environ if env is None else env).get(name, "").strip()
    return Path(value).expanduser() if value else None


def configured_knowledge_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """``TALENT_BOT_KNOWLEDGE_DIR`` when it is set, else None (meaning: the shipped folder).

    Commands given no folder read this one, as ``talent-bot run`` does, so that ``check`` and
    ``ask`` in a container read the folder mounted there.
    """
    return env_path("TALENT_BOT_KNOWLEDGE_DIR", env)
