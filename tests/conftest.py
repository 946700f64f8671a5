"""Shared fixtures. No network, no real Slack tokens, never the user's own store."""

import os
import shutil
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from store.db import create_schema, make_engine

DATA = Path(__file__).parent / "data"
LETTERS = DATA / "letters"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="rewrite golden files from current output (then review the diff)",
    )


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory) -> None:
    for name in list(os.environ):
        if name.startswith("SLACK_"):
            monkeypatch.delenv(name)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


def letter_cases() -> list[str]:
    return sorted(p.stem for p in LETTERS.glob("*.txt"))


@pytest.fixture(params=["sqlite", "postgres"])
def sql_engine(request: pytest.FixtureRequest, tmp_path: Path):
    """The same store tests run on an SQLite file and on a real PostgreSQL."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    else:
        url = os.environ.get("TEST_DATABASE_URL")
        if not url:
            pytest.skip("TEST_DATABASE_URL not set (scripts/with-postgres provides one)")
        engine = make_engine(url)
        SQLModel.metadata.drop_all(engine)
    create_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def fixture_store(tmp_path_factory):
    """A store holding every fixture letter (real and constructed), built once."""
    from store.ingest import ingest_paths

    folder = tmp_path_factory.mktemp("fixture-store")
    engine = make_engine(f"sqlite:///{folder / 'store.sqlite3'}")
    create_schema(engine)
    report = ingest_paths(engine, [LETTERS])
    assert not report.failed, report.failed
    return engine


@pytest.fixture(scope="session")
def engine(fixture_store):
    from retrieval.answerer import Answerer

    return Answerer.open(fixture_store)


@pytest.fixture
def letters_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    shutil.copytree(LETTERS, folder, ignore=shutil.ignore_patterns("*.json"))
    return folder
