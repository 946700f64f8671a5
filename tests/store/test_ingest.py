"""Ingest: one transaction per file, a report, and bad input that changes nothing.

Runs on SQLite and on PostgreSQL (``sql_engine`` is parametrised).
"""

import shutil
from pathlib import Path

import pytest
from fpdf import FPDF
from sqlalchemy import func, inspect
from sqlmodel import Session, select

from store import models, queries
from store.errors import StoreBusyError
from store.ingest import ingest_lock, ingest_paths, load_bundled
from tests.conftest import LETTERS

BAD = Path(__file__).parents[1] / "data" / "bad"


def state(engine) -> tuple:
    """Everything a user could see change: rows per table and the store version."""
    with Session(engine) as s:
        counts = tuple(
            s.exec(select(func.count()).select_from(t)).one()
            for t in (models.Letter, models.Section, models.Passage, models.Judgement)
        )
        return counts, queries.store_version(s)


def grades_of(engine, council: str) -> dict:
    with Session(engine) as s:
        return {(r.letter.year, r.area): r.grade for r in queries.judgements(s, council)}


def make_pdf(text: str, path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    # The core PDF font is Latin-1; the parser folds these characters anyway.
    safe = text.translate(
        {0x2019: "'", 0x2018: "'", 0x2013: "-", 0x2022: "-", 0x201C: '"', 0x201D: '"'}
    )
    for line in safe.split("\n"):
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_ingest_loads_then_reports_unchanged(sql_engine, letters_copy: Path) -> None:
    first = ingest_paths(sql_engine, [letters_copy])
    assert first.count("loaded") == 8 and not first.failed
    before = state(sql_engine)
    again = ingest_paths(sql_engine, [letters_copy])
    assert again.count("unchanged") == 8
    assert state(sql_engine) == before


def test_new_file_for_same_letter_replaces_and_says_so(sql_engine, tmp_path: Path) -> None:
    src = (LETTERS / "birmingham_apa2007.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(src, encoding="utf-8")
    ingest_paths(sql_engine, [tmp_path / "a.txt"])
    changed = src.replace("Staying Safe Grade 2", "Staying Safe Grade 1").replace(
        "in this aspect is adequate. Some service", "in this aspect is inadequate. Some service"
    )
    (tmp_path / "b.txt").write_text(changed, encoding="utf-8")
    report = ingest_paths(sql_engine, [tmp_path / "b.txt"])
    assert [(o.status, o.letter) for o in report.outcomes] == [("replaced", "Birmingham APA 2007")]
    assert "a.txt" in report.outcomes[0].reason
    assert grades_of(sql_engine, "Birmingham")[(2007, "staying_safe")] == 1
    with Session(sql_engine) as s:
        assert s.exec(select(func.count()).select_from(models.Letter)).one() == 1


def _write(folder: Path, name: str, data: bytes | None) -> Path:
    if data is not None:
        (folder / name).write_bytes(data)
    return folder / name


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("garbage.pdf", b"\x89PNG\x00" * 300, "not a readable PDF"),
        ("missing.txt", None, "no such file or folder"),
        (
            "not_ofsted.txt",
            (BAD / "not_ofsted.txt").read_bytes(),
            "not an Ofsted APA or CSA letter",
        ),
        ("gotham.txt", (BAD / "unknown_council.txt").read_bytes(), "not in the table"),
        ("notes.docx", b"x", "unsupported file type"),
    ],
)
def test_bad_file_fails_alone_and_changes_nothing(
    sql_engine, tmp_path: Path, name: str, data: bytes | None, reason: str
) -> None:
    load_bundled(sql_engine)
    before = state(sql_engine)
    bad = _write(tmp_path, name, data)
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(LETTERS / "csa2010_kingston.txt", good)
    report = ingest_paths(sql_engine, [bad, good])
    assert [o.status for o in report.failed] == ["failed"]
    assert reason in report.failed[0].reason and "\n" not in report.failed[0].reason
    assert report.count("loaded") == 1  # the rest go on
    counts, version = state(sql_engine)
    assert counts != before[0] and version == before[1] + 1  # only the good file's letter


def test_truncated_pdf_and_pdf_without_text_fail_cleanly(sql_engine, tmp_path: Path) -> None:
    load_bundled(sql_engine)
    before = state(sql_engine)
    full = make_pdf(
        (LETTERS / "birmingham_apa2007.txt").read_text(encoding="utf-8"), tmp_path / "full.pdf"
    )
    (tmp_path / "truncated.pdf").write_bytes(full.read_bytes()[:1500])
    blank = FPDF()
    blank.add_page()
    blank.rect(10, 10, 50, 50)  # a drawing, no text layer
    blank.output(str(tmp_path / "scanned.pdf"))
    report = ingest_paths(sql_engine, [tmp_path / "truncated.pdf", tmp_path / "scanned.pdf"])
    reasons = {Path(o.path).name: o.reason for o in report.failed}
    assert set(reasons) == {"truncated.pdf", "scanned.pdf"}
    assert "no text layer" in reasons["scanned.pdf"]
    assert state(sql_engine) == before


def test_pdf_of_a_real_letter_gives_the_same_judgements(sql_engine, tmp_path: Path) -> None:
    for case in ("birmingham_apa2007", "birmingham_csa2011"):
        make_pdf((LETTERS / f"{case}.txt").read_text(encoding="utf-8"), tmp_path / f"{case}.pdf")
    report = ingest_paths(sql_engine, [tmp_path])
    assert report.count("loaded") == 2, report.failed
    assert grades_of(sql_engine, "Birmingham") == {
        (2007, "overall"): 3,
        (2007, "being_healthy"): 2,
        (2007, "staying_safe"): 2,
        (2007, "enjoying_and_achieving"): 3,
        (2007, "making_a_positive_contribution"): 3,
        (2007, "achieving_economic_wellbeing"): 3,
        (2007, "capacity_to_improve"): 3,
        (2011, "overall"): 1,
    }


def test_unreadable_file_is_reported(sql_engine, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "locked.txt"
    shutil.copy(LETTERS / "csa2010_kingston.txt", path)

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    report = ingest_paths(sql_engine, [path])
    assert report.failed[0].reason == "permission denied"


def test_second_ingest_while_one_runs_is_refused(sql_engine, letters_copy: Path) -> None:
    load_bundled(sql_engine)
    before = state(sql_engine)
    with ingest_lock(sql_engine), pytest.raises(StoreBusyError, match="another 'letters ingest'"):
        ingest_paths(sql_engine, [letters_copy])
    assert state(sql_engine) == before
    assert ingest_paths(sql_engine, [letters_copy]).count("loaded") == 6  # free again


def test_bundled_letters_load_into_an_empty_store_only(sql_engine) -> None:
    load_bundled(sql_engine)
    assert grades_of(sql_engine, "Birmingham")[(2011, "overall")] == 1
    once = state(sql_engine)
    load_bundled(sql_engine)
    assert state(sql_engine) == once


def test_lookup_indexes_exist(sql_engine) -> None:
    indexes = {i["name"] for i in inspect(sql_engine).get_indexes("judgement")}
    assert {"ix_judgement_lookup", "ix_judgement_area_year"} <= indexes
    uniques = inspect(sql_engine).get_unique_constraints("letter")
    assert any(set(u["column_names"]) == {"council_id", "kind", "year"} for u in uniques)


@pytest.mark.subprocess
def test_processes_creating_the_schema_together_do_not_fail(sql_engine) -> None:
    """Replicas starting at once on an empty database (PostgreSQL raced in create_all)."""
    import subprocess
    import sys

    from sqlmodel import SQLModel

    SQLModel.metadata.drop_all(sql_engine)
    code = (
        "import sys; from store.db import make_engine, create_schema; "
        "create_schema(make_engine(sys.argv[1]))"
    )
    url = sql_engine.url.render_as_string(hide_password=False)
    procs = [
        subprocess.Popen([sys.executable, "-c", code, url], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    results = [(p.communicate(timeout=60)[1], p.returncode)[::-1] for p in procs]
    assert [rc for rc, _ in results] == [0, 0, 0, 0], results
    with Session(sql_engine) as s:
        assert s.exec(select(func.count()).select_from(models.Council)).one() == 154


def test_worker_processes_load_the_same_letters_in_the_same_order(
    sql_engine, letters_copy: Path, tmp_path: Path
) -> None:
    (letters_copy / "zz_junk.pdf").write_bytes(b"not a pdf" * 50)
    report = ingest_paths(sql_engine, [letters_copy], workers=2)
    names = [Path(o.path).name for o in report.outcomes]
    assert names == sorted(names)
    assert [o.status for o in report.outcomes].count("loaded") == 8
    assert report.failed[0].reason.startswith("not a readable PDF")
    assert grades_of(sql_engine, "Surrey") == {
        (2005, "overall"): 3,
        (2005, "capacity_to_improve"): 3,
        (2005, "social_care"): 2,
        (2005, "education"): 4,
    }
