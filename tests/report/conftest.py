from __future__ import annotations

from pathlib import Path

import pytest
from report_seed import seed_log


@pytest.fixture
async def seeded(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    await seed_log(data)
    return data
