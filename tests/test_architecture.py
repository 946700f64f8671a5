"""Four rooms, one-way doors: store -> retrieval -> bot/CLI (STYLE.md)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imports(package: str) -> dict[str, set[str]]:
    found = {}
    for path in (ROOT / package).rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("store", {"retrieval", "bot", "letters", "rank_bm25", "slack_bolt", "slack_sdk"}),
        ("retrieval", {"bot", "letters", "slack_bolt", "slack_sdk", "sqlmodel"}),
    ],
)
def test_doors_open_one_way(package: str, forbidden: set[str]) -> None:
    for module, names in imports(package).items():
        assert not names & forbidden, module


def test_only_bot_imports_slack_and_one_module_imports_rank_bm25() -> None:
    everything = {**imports("store"), **imports("retrieval"), **imports("letters")}
    assert not any({"slack_bolt", "slack_sdk"} & n for n in everything.values())
    assert [m for m, n in everything.items() if "rank_bm25" in n] == ["retrieval/index.py"]
    outside_store = {**imports("retrieval"), **imports("letters"), **imports("bot")}
    assert not [m for m, n in outside_store.items() if "sqlmodel" in n]


def test_the_wheel_ships_only_the_product() -> None:
    """What setuptools packages (pyproject's find/include): the four rooms, no dev tools."""
    import tomllib

    from setuptools import find_packages

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = find_packages(where=str(ROOT), include=config["packages"]["find"]["include"])
    assert {name.split(".")[0] for name in found} == {"bot", "letters", "retrieval", "store"}


@pytest.mark.parametrize("package", ["store", "retrieval", "bot", "letters"])
def test_product_code_never_imports_dev_tools(package: str) -> None:
    for module, names in imports(package).items():
        assert not names & {"tests", "bench", "pytest"}, module


def test_regime_years_are_spelled_only_in_the_vocabulary() -> None:
    """2005-2011 and their split live in store/vocabulary.py; code elsewhere imports them."""
    import re

    year = re.compile(r"(?<![\w.])20(?:0[5-9]|1[01])(?![\w])")
    for package in ("store", "retrieval", "bot", "letters"):
        for path in (ROOT / package).rglob("*.py"):
            if path.name == "vocabulary.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, int):
                    assert not year.fullmatch(str(node.value)), f"{path.name}:{node.lineno}"
