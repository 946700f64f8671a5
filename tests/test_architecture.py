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
