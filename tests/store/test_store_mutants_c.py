"""What the store gives back that no test read before (survivors of mutation testing, batch c):
a council name with a noise word inside it, ``ingest_file`` told to replace, a PDF page's first
and last characters, two columns side by side, and each passage's graded area."""

from importlib import resources
from pathlib import Path

from fpdf import FPDF
from sqlmodel import Session, select

from store import models, queries
from store.councils import CouncilDirectory, directory, parse_councils
from store.ingest import IngestStatus, ingest_file
from store.pdf import pdf_text
from tests.conftest import LETTERS

# -- council names ---------------------------------------------------------------------------


def test_a_noise_word_inside_a_name_is_dropped_with_its_spaces() -> None:
    """'Telford and the Wrekin': "the" is one of the words the table's names vary by, so it
    goes, and the name is the table's "Telford and Wrekin"."""
    tsv = resources.files("store").joinpath("data/councils.tsv").read_text(encoding="utf-8")
    for councils in (directory(), CouncilDirectory(parse_councils(tsv))):
        found = councils.lookup("Telford and the Wrekin")
        assert [c.short_name for c in found] == ["Telford and Wrekin"]
        assert [c.short_name for c in councils.lookup("Herefordshire, County of")] == [
            "Herefordshire"
        ]
        assert all(key == " ".join(key.split()) for key in councils.keys())


# -- ingest_file -----------------------------------------------------------------------------


def test_ingest_file_told_to_replace_loads_a_letter_with_fewer_grades(
    sql_engine, tmp_path: Path
) -> None:
    lines = (LETTERS / "apa2008_bedfordshire.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index("Staying safe")
    del lines[next(i for i in range(at + 1, at + 4) if lines[i].startswith("Grade"))]
    damaged = tmp_path / "damaged.txt"
    damaged.write_text("\n".join(lines), encoding="utf-8")
    assert ingest_file(sql_engine, LETTERS / "apa2008_bedfordshire.txt").status == (
        IngestStatus.LOADED
    )
    kept = ingest_file(sql_engine, damaged)
    assert (kept.status, kept.graded) == (IngestStatus.KEPT, 6)
    replaced = ingest_file(sql_engine, damaged, replace=True)
    assert (replaced.status, replaced.letter, replaced.reason) == (
        IngestStatus.REPLACED,
        "Bedfordshire APA 2008",
        "replaced apa2008_bedfordshire.txt (7 graded areas) with this file (6)",
    )
    with Session(sql_engine) as session:
        held = queries.judgements(session, "Bedfordshire")
    assert sorted(r.area for r in held) == [
        "achieving_economic_wellbeing",
        "being_healthy",
        "capacity_to_improve",
        "enjoying_and_achieving",
        "making_a_positive_contribution",
        "overall",
    ]
    assert {r.letter.file for r in held} == {"damaged.txt"}


# -- PDF text --------------------------------------------------------------------------------


def two_column_page(rows: list[tuple[str, str]]) -> FPDF:
    """A PDF whose first page opens with a letterhead of two columns, a row per pair."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    for left, right in rows:
        pdf.cell(100, 6, left)
        pdf.cell(80, 6, right, new_x="LMARGIN", new_y="NEXT")
    return pdf


def _letterhead_pdf() -> bytes:
    """Page 1: a letterhead of two columns (address left, contact right), then the salutation;
    page 2: a title page whose last line ends in "X"."""
    pdf = two_column_page(
        [
            ("Ofsted", "T 0300 123 1231"),
            ("Aviation House", "www.ofsted.gov.uk"),
            ("London WC2B 6SE", ""),
        ]
    )
    pdf.ln(12)
    pdf.multi_cell(0, 6, "Dear Ms Smith", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.multi_cell(0, 6, "ANNUAL PERFORMANCE ASSESSMENT\n\nEAST SUSSEX", new_x="LMARGIN")
    return bytes(pdf.output())


def test_a_pdf_letterhead_in_two_columns_reads_left_column_then_right() -> None:
    page_1, _ = pdf_text(_letterhead_pdf(), "x.pdf").split("\f")
    assert page_1.split("\n") == [
        "Ofsted",
        "Aviation House",
        "London WC2B 6SE",
        "T 0300 123 1231",
        "www.ofsted.gov.uk",
        "",
        "Dear Ms Smith",
    ]


def test_a_pdf_page_keeps_its_last_letter_when_it_is_an_x() -> None:
    """Only the blank lines around a page's text are trimmed: "EAST SUSSEX" keeps its X."""
    assert pdf_text(_letterhead_pdf(), "x.pdf").split("\f")[1] == (
        "ANNUAL PERFORMANCE ASSESSMENT\n\nEAST SUSSEX"
    )


# -- passages read back by id ----------------------------------------------------------------


def test_passages_by_id_give_each_passage_its_text_section_area_and_page(sql_engine) -> None:
    assert ingest_file(sql_engine, LETTERS / "birmingham_apa2007.txt").status == (
        IngestStatus.LOADED
    )
    with Session(sql_engine) as session:
        stored = session.exec(
            select(models.Passage, models.Section.heading).join(
                models.Section, models.Section.id == models.Passage.section_id
            )
        ).all()
        refs = {
            ref.letter_id: ref for refs in queries.letters_held(session).values() for ref in refs
        }
    with sql_engine.connect() as connection:
        rows = queries.passages_by_id(connection, [p.id for p, _ in stored], refs)
    assert {i: (r.text, r.section, r.area, r.page) for i, r in rows.items()} == {
        p.id: (p.text, heading, p.area, p.page) for p, heading in stored
    }
    areas = {r.area for r in rows.values() if r.section == "Staying Safe"}
    assert areas == {"staying_safe"}
    assert {r.letter.authority for r in rows.values()} == {"Birmingham"}
