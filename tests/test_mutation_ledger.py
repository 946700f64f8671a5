"""The mutation ledger (scripts/mutate.py): the whole-product score it reports is the figure the
README and the closing notes quote, so its sums, its samples and its stale entries are tested."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def mutate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    spec = importlib.util.spec_from_file_location("mutate_script", ROOT / "scripts" / "mutate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "LEDGER", tmp_path / "ledger.tsv")
    code = {"a.py": "blob-a", "b.py": "blob-b", "c.py": "blob-c"}
    monkeypatch.setattr(module, "product_modules", lambda: sorted(code))
    monkeypatch.setattr(module, "blob", lambda m: code[m])
    return module


def row(module, blob, killed, checked, mutants):
    return dict(
        module=module,
        blob=blob,
        killed=str(killed),
        checked=str(checked),
        mutants=str(mutants),
        judges="tests/",
        date="2026-12-02",
    )


def test_full_runs_add_up_to_an_exact_score(mutate, capsys) -> None:
    mutate.write_ledger(
        {
            "a.py": row("a.py", "blob-a", 90, 100, 100),
            "b.py": row("b.py", "blob-b", 45, 50, 50),
            "c.py": row("c.py", "blob-c", 0, 0, 0),  # type definitions only: nothing to mutate
        }
    )
    assert mutate.ledger_report() == pytest.approx(135 / 150)
    out = capsys.readouterr().out
    assert "135/150 = 90.0%" in out
    assert "interval" not in out  # nothing sampled, nothing estimated


def test_a_sample_is_scaled_to_its_module_and_given_an_interval(mutate, capsys) -> None:
    mutate.write_ledger(
        {
            "a.py": row("a.py", "blob-a", 100, 100, 100),
            "b.py": row("b.py", "blob-b", 8, 10, 100),  # a 10% sample, 80% killed
            "c.py": row("c.py", "blob-c", 0, 0, 0),
        }
    )
    # 100 exact kills and an estimated 80 of b's 100: 180 of 200.
    assert mutate.ledger_report() == pytest.approx(0.90)
    out = capsys.readouterr().out
    assert "sample 8/10 of 100 mutants = 80.0%" in out
    assert "about 90.0% (95% interval" in out


def test_a_sample_with_no_survivor_still_leaves_doubt(mutate) -> None:
    kills, variance = mutate.stratum(killed=5, checked=5, mutants=100)
    assert kills == 100
    assert variance > 0
    assert mutate.stratum(killed=5, checked=5, mutants=5) == (5.0, 0.0)


def test_a_changed_module_is_stale_and_the_product_unmeasured(mutate, capsys) -> None:
    mutate.write_ledger(
        {
            "a.py": row("a.py", "old-blob", 100, 100, 100),
            "b.py": row("b.py", "blob-b", 10, 10, 10),
            "c.py": row("c.py", "blob-c", 0, 0, 0),
        }
    )
    assert mutate.ledger_report() == 0.0
    out = capsys.readouterr().out
    assert "a.py" in out and "stale" in out
    assert "1 module(s) have no current figure" in out


def test_a_sample_never_replaces_a_full_figure_for_the_same_code(mutate) -> None:
    mutate.write_ledger({"a.py": row("a.py", "blob-a", 95, 100, 100)})
    found = {f"a.m_{i}": "survived" for i in range(100)}
    owners = {"a.py": sorted(found)}
    mutate.record(found, owners, ["a.py"], {"a.py": "blob-a"}, "tests/", {"a.py": ["a.m_1"]})
    assert mutate.read_ledger()["a.py"]["killed"] == "95"


def test_each_module_counts_only_its_own_mutants(mutate) -> None:
    # A package's __init__ names its mutants like its submodules': "pkg.x_f" beside
    # "pkg.sub.x_g". Who owns a mutant comes from mutmut's record, not from the name.
    found = {"pkg.x_f__mutmut_1": "killed", "pkg.sub.x_g__mutmut_1": "survived"}
    owners = {"pkg/__init__.py": ["pkg.x_f__mutmut_1"], "pkg/sub.py": ["pkg.sub.x_g__mutmut_1"]}
    blobs = {"pkg/__init__.py": "i", "pkg/sub.py": "s"}
    mutate.record(found, owners, ["pkg/__init__.py", "pkg/sub.py"], blobs, "tests/")
    entries = mutate.read_ledger()
    assert (entries["pkg/__init__.py"]["killed"], entries["pkg/__init__.py"]["checked"]) == (
        "1",
        "1",
    )
    assert (entries["pkg/sub.py"]["killed"], entries["pkg/sub.py"]["checked"]) == ("0", "1")


def test_a_part_checked_module_is_not_entered(mutate) -> None:
    found = {"a.m_1": "killed", "a.m_2": "not checked"}
    mutate.record(found, {"a.py": sorted(found)}, ["a.py"], {"a.py": "blob-a"}, "tests/")
    assert "a.py" not in mutate.read_ledger()


def test_a_sample_is_seeded_and_takes_a_share_of_every_module(mutate) -> None:
    names = {"a.py": [f"a.m_{i}" for i in range(200)], "b.py": ["b.m_1"], "c.py": []}
    first = mutate.sample(names, ["a.py", "b.py", "c.py"], 10, seed=3)
    assert first == mutate.sample(names, ["a.py", "b.py", "c.py"], 10, seed=3)
    assert len(first["a.py"]) == 20
    assert first["b.py"] == ["b.m_1"]  # at least one from each module that has any
    assert "c.py" not in first
    assert first != mutate.sample(names, ["a.py", "b.py"], 10, seed=4)


def test_a_rerun_counts_only_the_mutants_it_named(mutate) -> None:
    # mutmut forgets every result when the tests change: the ones not named come back
    # "not checked", and must not undo what the earlier run found.
    found = {"a.m_1": "killed", "a.m_2": "not checked", "a.m_3": "survived"}
    assert mutate.fresh(found, ["a.m_1", "a.m_3"]) == {"a.m_1": "killed", "a.m_3": "survived"}
    assert mutate.fresh(found, ["a.*"]) == found  # a pattern: the whole run is fresh


def test_a_run_on_older_code_never_replaces_an_entry_for_the_code_now(mutate) -> None:
    mutate.write_ledger({"a.py": row("a.py", "blob-a", 9, 10, 100)})  # the code as it is now
    found = {f"a.m_{i}": "survived" for i in range(100)}
    owners = {"a.py": sorted(found)}
    mutate.record(found, owners, ["a.py"], {"a.py": "older"}, "tests/", {"a.py": ["a.m_1"]})
    assert mutate.read_ledger()["a.py"]["blob"] == "blob-a"
