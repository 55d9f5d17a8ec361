import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
EXAMPLE = ROOT / "examples" / "ferry-fire"
SCHEMA = ROOT / "docs" / "briefing-schema.json"


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data. Skips when it is missing, except under CI=true, where it fails."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is missing: these tests read ../shared/data beside the project"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def seed_files() -> list[Path]:
    folder = shared_data("seed-cluster")
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 5, f"expected five seed articles in {folder}"
    return files


@pytest.fixture
def example_articles() -> Path:
    return EXAMPLE / "articles"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    """No test reads the user's config or writes to the user's store."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for key in list(os.environ):
        if key.startswith("TIDINGS_"):
            monkeypatch.delenv(key)
