"""What the store gives back that no test read before (survivors of mutation testing, batch e):
where the store lives without ``XDG_DATA_HOME``, an in-memory SQLite store, ``ingest_file``'s
own letter and its ``replace``, files read in this process when one worker is asked for, the
bundled letters read again over an older reading that held more grades, a PDF page that layout
mode cannot place, a right column's line that starts at the gutter, a grade whose section is
gone, and every passage's text in id order."""

from dataclasses import replace
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PageObject
from sqlmodel import Session, create_engine, select

from store import ingest, models, queries
from store.db import create_schema, data_dir, make_engine, sqlite_path
from store.ingest import IngestStatus, bundled_letters, ingest_file, ingest_paths, load_bundled
from store.parse import parse_letter
from store.pdf import pdf_text
from tests.conftest import LETTERS
from tests.store.test_store_mutants_c import two_column_page

# -- where the store lives -------------------------------------------------------------------


def test_without_xdg_data_home_the_store_is_under_home_local_share(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_dir() == tmp_path / ".local" / "share" / "letters"


def test_an_in_memory_sqlite_store_has_no_file(tmp_path: Path) -> None:
    assert sqlite_path(create_engine("sqlite:///:memory:")) is None
    assert sqlite_path(create_engine("sqlite://")) is None
    path = tmp_path / "store.sqlite3"
    assert sqlite_path(create_engine(f"sqlite:///{path}")) == path


# -- ingest_file -----------------------------------------------------------------------------


def test_ingest_file_loads_the_letter_the_file_holds(sql_engine) -> None:
    outcome = ingest_file(sql_engine, LETTERS / "birmingham_apa2007.txt")
    assert (outcome.status, outcome.letter, outcome.graded) == (
        IngestStatus.LOADED,
        "Birmingham APA 2007",
        7,
    )
    with Session(sql_engine) as session:
        held = queries.judgements(session, "Birmingham")
    assert {(r.area, r.grade) for r in held} == {
        ("overall", 3),
        ("being_healthy", 2),
        ("staying_safe", 2),
        ("enjoying_and_achieving", 3),
        ("making_a_positive_contribution", 3),
        ("achieving_economic_wellbeing", 3),
        ("capacity_to_improve", 3),
    }


def test_ingest_file_told_to_replace_replaces_a_letter_with_more_grades(
    sql_engine, tmp_path: Path
) -> None:
    lines = (LETTERS / "birmingham_apa2007.txt").read_text(encoding="utf-8").split("\n")
    lines[lines.index("Staying Safe Grade 2")] = "Staying Safe"  # its grade lost
    damaged = tmp_path / "damaged.txt"
    damaged.write_text("\n".join(lines), encoding="utf-8")
    assert ingest_file(sql_engine, LETTERS / "birmingham_apa2007.txt").status == (
        IngestStatus.LOADED
    )
    assert ingest_file(sql_engine, damaged).status == IngestStatus.KEPT
    replaced = ingest_file(sql_engine, damaged, replace=True)
    assert (replaced.status, replaced.graded) == (IngestStatus.REPLACED, 6)
    with Session(sql_engine) as session:
        held = queries.judgements(session, "Birmingham")
    assert "staying_safe" not in {r.area for r in held}
    assert {r.letter.file for r in held} == {"damaged.txt"}


# -- one worker reads in this process --------------------------------------------------------


def test_one_worker_asked_for_reads_every_file_in_this_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``workers=1`` starts no worker processes, however many cores there are."""
    read = []
    real = ingest.read_file

    def reading(path: Path):
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(ingest, "read_file", reading)
    monkeypatch.setattr(ingest.os, "cpu_count", lambda: 4)
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    create_schema(engine)
    files = sorted(LETTERS.glob("*.txt"))
    report = ingest_paths(engine, files, workers=1)
    assert not report.failed
    assert sorted(read) == sorted(p.name for p in files)
    engine.dispose()


# -- the bundled letters ---------------------------------------------------------------------


def test_bundled_letters_are_read_again_over_an_older_reading_with_more_grades(
    tmp_path: Path,
) -> None:
    """An older version that read a quoted grade as the letter's own stored one grade too
    many: the bundled letter read again replaces it, though it has fewer grades."""
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    create_schema(engine)
    letter, text_ = next(
        (parse_letter(t, n), t) for n, t in bundled_letters() if parse_letter(t, n).year == 2011
    )
    name = letter.source
    assert [j.area for j in letter.judgements] == ["overall"]
    older = replace(
        letter,
        judgements=(*letter.judgements, replace(letter.judgements[0], area="staying_safe")),
    )
    older_text = text_ + "\n"  # another reading of it: another digest
    assert ingest.store_letter(engine, older, older_text, name).status == IngestStatus.LOADED
    load_bundled(engine)
    with Session(engine) as session:
        held = queries.judgements(session, "Birmingham")
        sha = session.exec(select(models.Letter.sha256)).all()
    assert [(r.letter.year, r.area, r.grade) for r in held] == [(2011, "overall", 1)]
    assert sha == [ingest.digest(text_)]
    engine.dispose()


# -- PDF text --------------------------------------------------------------------------------


def _one_page_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Dear Ms Smith\n\nChildren's services assessment 2011")
    return bytes(pdf.output())


def test_a_page_layout_mode_cannot_place_is_read_as_plain_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = PageObject.extract_text

    def extract(self, *args, **kwargs):
        if kwargs.get("extraction_mode") == "layout":
            raise KeyError("a font layout mode cannot place")
        return plain(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", extract)
    text = pdf_text(_one_page_pdf(), "x.pdf")
    assert "Dear Ms Smith" in text
    assert "Children's services assessment 2011" in text


def test_a_right_column_line_starting_at_the_gutter_stays_in_the_right_column() -> None:
    """A letterhead whose right column runs a line longer than its left: that line, alone at
    the gutter, is read after the right column's other lines, not among the left's."""
    pdf = two_column_page(
        [
            ("Ofsted", "T 0300 123 1231"),
            ("Aviation House", "www.ofsted.gov.uk"),
            ("", "enquiries@ofsted.gov.uk"),
        ]
    )
    assert pdf_text(bytes(pdf.output()), "x.pdf").split("\n") == [
        "Ofsted",
        "Aviation House",
        "T 0300 123 1231",
        "www.ofsted.gov.uk",
        "enquiries@ofsted.gov.uk",
    ]


# -- queries ---------------------------------------------------------------------------------


def test_a_grade_whose_section_is_gone_has_an_empty_section(sql_engine) -> None:
    assert ingest_file(sql_engine, LETTERS / "birmingham_csa2011.txt").status == (
        IngestStatus.LOADED
    )
    with Session(sql_engine) as session:
        for j in session.exec(select(models.Judgement)).all():
            j.section_id = None
            session.add(j)
        session.commit()
        held = queries.judgements(session, "Birmingham")
    assert [(r.area, r.grade, r.section) for r in held] == [("overall", 1, "")]


def test_every_passage_text_is_given_in_id_order(sql_engine) -> None:
    assert ingest_file(sql_engine, LETTERS / "birmingham_apa2007.txt").status == (
        IngestStatus.LOADED
    )
    with Session(sql_engine) as session:
        stored = session.exec(select(models.Passage).order_by(models.Passage.id)).all()
        texts = queries.passage_texts(session)
    assert texts == [p.text for p in stored]
    assert len(texts) > 10
    assert any("privately fostered" in t for t in texts)
