"""A letter read with fewer grades than its year's layout defines is said, by name; it never
quietly replaces a letter that holds more."""

import re
import shutil
from pathlib import Path

from store.ingest import IngestStatus, ingest_paths
from tests.conftest import LETTERS
from tests.store.test_ingest import grades_of, state
from tests.test_cli import run

BIRMINGHAM = LETTERS / "birmingham_apa2007.txt"


def _gradeless(folder: Path, letter: Path = BIRMINGHAM) -> Path:
    """The same letter with every "Grade N" gone, as a damaged copy might be."""
    text = re.sub(r"\s*[:\-]?\s*Grade\s*[1-4]\b", "", letter.read_text(encoding="utf-8"))
    path = folder / "damaged.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_letter_missing_grades_is_reported_by_name(sql_engine, tmp_path: Path) -> None:
    report = ingest_paths(sql_engine, [_gradeless(tmp_path)])
    [outcome] = report.outcomes
    assert outcome.status == IngestStatus.LOADED and report.incomplete == [outcome]
    assert (outcome.letter, outcome.graded, outcome.expected) == ("Birmingham APA 2007", 0, 7)
    assert outcome.shortfall == "0 of 7 graded areas found — check the file"


def test_a_whole_letter_is_not_incomplete(sql_engine, tmp_path: Path) -> None:
    shutil.copy(BIRMINGHAM, tmp_path)
    report = ingest_paths(sql_engine, [tmp_path])
    assert report.incomplete == [] and report.outcomes[0].graded == 7


def test_fewer_grades_never_replace_more(sql_engine, tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(BIRMINGHAM, good)
    ingest_paths(sql_engine, [good])
    before, grades = state(sql_engine), grades_of(sql_engine, "Birmingham")
    assert len(grades) == 7
    [kept] = ingest_paths(sql_engine, [_gradeless(tmp_path)]).outcomes
    assert kept.status == IngestStatus.KEPT
    assert kept.reason == (
        "kept the stored letter from birmingham_apa2007.txt (7 graded areas); "
        "this file has 0: --replace loads it anyway"
    )
    assert state(sql_engine) == before and grades_of(sql_engine, "Birmingham") == grades


def test_replace_says_what_was_replaced_by_what(sql_engine, tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(BIRMINGHAM, good)
    ingest_paths(sql_engine, [good])
    [out] = ingest_paths(sql_engine, [_gradeless(tmp_path)], replace=True).outcomes
    assert out.status == IngestStatus.REPLACED
    assert out.reason == "replaced birmingham_apa2007.txt (7 graded areas) with this file (0)"
    assert grades_of(sql_engine, "Birmingham") == {}


def test_an_equal_letter_replaces_without_the_option(sql_engine, tmp_path: Path) -> None:
    shutil.copy(BIRMINGHAM, tmp_path / "first.txt")
    ingest_paths(sql_engine, [tmp_path / "first.txt"])
    (tmp_path / "second.txt").write_text(
        BIRMINGHAM.read_text(encoding="utf-8") + "\nA note.\n", encoding="utf-8"
    )
    [out] = ingest_paths(sql_engine, [tmp_path / "second.txt"]).outcomes
    assert out.status == IngestStatus.REPLACED
    assert out.reason == "replaced first.txt (7 graded areas) with this file (7)"


def test_the_cli_names_the_short_letter_and_coverage_marks_it(tmp_path: Path) -> None:
    out = run(tmp_path, "ingest", str(_gradeless(tmp_path, LETTERS / "apa2008_bedfordshire.txt")))
    assert out.returncode == 0, out.stdout
    assert (
        "loaded    Bedfordshire APA 2008: damaged.txt: 0 of 7 graded areas found — check the file"
        in out.stdout
    )
    cov = run(tmp_path, "coverage").stdout
    assert re.search(r"^Bedfordshire\s+-\s+-\s+-\s+APA/0!\s+-", cov, re.M), cov
    assert re.search(r"^Birmingham\s+-\s+-\s+APA/7\s", cov, re.M), cov
    assert "1 letter(s) marked ! hold fewer graded areas than that year's letters grade" in cov


def test_the_cli_exits_nonzero_when_a_letter_is_kept(tmp_path: Path) -> None:
    run(tmp_path, "ingest", str(BIRMINGHAM))
    out = run(tmp_path, "ingest", str(_gradeless(tmp_path)))
    assert out.returncode == 1
    assert "kept      Birmingham APA 2007: damaged.txt (kept the stored letter" in out.stdout
    out = run(tmp_path, "ingest", "--replace", str(_gradeless(tmp_path)))
    assert out.returncode == 0 and "replaced  Birmingham APA 2007: damaged.txt" in out.stdout
