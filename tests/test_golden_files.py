"""No golden test may bless itself: without --regen-golden, a missing golden file fails and
nothing is written."""

import pytest

from tests.bot import test_blocks
from tests.store import test_parse_golden


def test_a_missing_block_kit_golden_file_fails_and_is_not_written(tmp_path, monkeypatch):
    monkeypatch.setattr(test_blocks, "GOLDEN", tmp_path)
    with pytest.raises(AssertionError, match="no golden file sorry.json"):
        test_blocks.test_rendering_matches_golden_file("sorry", regen=False)
    assert list(tmp_path.iterdir()) == []


def test_a_different_block_kit_golden_file_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(test_blocks, "GOLDEN", tmp_path)
    (tmp_path / "sorry.json").write_text("{}\n")
    with pytest.raises(AssertionError):
        test_blocks.test_rendering_matches_golden_file("sorry", regen=False)
    assert (tmp_path / "sorry.json").read_text() == "{}\n"


def test_a_missing_parse_golden_file_fails_and_is_not_written(tmp_path, monkeypatch):
    for source in test_parse_golden.LETTERS.glob("csa2010_kingston*"):
        if not source.name.endswith(".expected.json"):
            (tmp_path / source.name).write_bytes(source.read_bytes())
    monkeypatch.setattr(test_parse_golden, "LETTERS", tmp_path)
    with pytest.raises(AssertionError, match="no golden file"):
        test_parse_golden.test_parse_matches_golden_file("csa2010_kingston", regen=False)
    assert not (tmp_path / "csa2010_kingston.expected.json").exists()
