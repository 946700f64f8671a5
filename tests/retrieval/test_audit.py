"""``letters audit``: the store held against what Ofsted published, said plainly."""

import csv
import io
import json
from pathlib import Path

from retrieval.audit import audit
from retrieval.render import AUDIT_COLUMNS, audit_as
from store.councils import directory
from store.db import create_schema, make_engine
from store.ingest import ingest_paths, load_bundled
from store.published import published
from tests.conftest import LETTERS
from tests.test_cli import run

KINGSTON = (LETTERS / "csa2010_kingston.txt").read_text(encoding="utf-8")


def _letter(folder: Path, name: str, council: str, word: str, grade: int) -> Path:
    text = (
        KINGSTON.replace("Royal Borough of Kingston upon Thames", council)
        .replace("Performs excellently (4)", f"Performs {word} ({grade})")
        .replace("perform excellently", f"perform {word}")
    )
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _store(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    create_schema(engine)
    load_bundled(engine)
    folder = tmp_path / "in"
    folder.mkdir()
    _letter(folder, "bham.txt", "Birmingham City Council", "well", 3)  # published: poorly
    _letter(folder, "kingston.txt", "Royal Borough of Kingston upon Thames", "poorly", 1)
    report = ingest_paths(engine, [folder])
    assert report.count("loaded") == 2, report.outcomes
    return engine


def test_a_held_grade_that_disagrees_with_a_published_list_is_named(tmp_path: Path) -> None:
    y2010 = next(a for a in audit(_store(tmp_path)) if a.year == 2010)
    notes = {(d.council, d.note) for d in y2010.disagreements}
    assert notes == {
        ("Birmingham", "published Performs poorly (1); held Performs well (3)"),
        (
            "Kingston upon Thames",
            "held Performs poorly (1); not among the 12 councils published so",
        ),
    }
    assert y2010.letters_published == 152 and y2010.letters_held == 2
    [missing] = y2010.missing
    assert "Birmingham" not in missing.councils and "Leeds" in missing.councils
    poorly = next(f for f in y2010.figures if f.grades == (1,))
    assert (poorly.published, poorly.held) == ("12 letters", "1 of 2 letters held (50%)")


def test_a_letter_that_agrees_is_not_listed(tmp_path: Path) -> None:
    y2011 = next(a for a in audit(_store(tmp_path)) if a.year == 2011)
    assert y2011.disagreements == ()  # Birmingham 2011 is poorly, as published
    assert y2011.letters_held == 1


def test_audit_renders_as_table_csv_and_json(tmp_path: Path) -> None:
    audits = audit(_store(tmp_path))
    text = audit_as(audits, "table")
    assert "2010 CSA — letters: 152 published (146 on 9 December 2010 and 6 later); 2 held" in text
    assert (
        "Birmingham, Overall effectiveness: published Performs poorly (1); held Performs well (3)"
        in text
    )
    rows = list(csv.DictReader(io.StringIO(audit_as(audits, "csv"))))
    assert tuple(rows[0]) == AUDIT_COLUMNS
    bham = [r for r in rows if r["council"] == "Birmingham" and r["check"] == "disagreement"]
    assert [(r["year"], r["published"], r["held"]) for r in bham] == [
        ("2010", "Performs poorly (1)", "Performs well (3)")
    ]
    data = json.loads(audit_as(audits, "json"))
    assert [y["year"] for y in data] == [2005, 2006, 2007, 2008, 2009, 2010, 2011]


def test_the_cli_audits(tmp_path: Path) -> None:
    out = run(tmp_path, "audit", "--format", "csv")
    assert out.returncode == 0 and out.stdout.startswith(",".join(AUDIT_COLUMNS))


def test_published_lists_name_real_councils_of_their_year() -> None:
    for year in published():
        assert year.sources, year.year
        for named in year.named:
            for name in named.councils:
                [council] = directory().lookup(name, year.year)
                assert council.short_name == name
            counted = [
                f.count
                for f in year.figures
                if f.area == named.area and f.grades == (named.grade,) and f.count is not None
            ]
            if named.complete:
                assert counted == [len(named.councils)], (year.year, named)
            elif counted:
                assert len(named.councils) <= counted[0]


def test_counts_grades_and_names_an_area_the_held_letter_does_not_grade(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    create_schema(engine)
    folder = tmp_path / "in"
    folder.mkdir()
    _letter(folder, "bham.txt", "Birmingham City Council", "well", 3)
    _letter(folder, "leeds.txt", "Leeds City Council", "poorly", 1)
    _letter(folder, "kingston.txt", "Royal Borough of Kingston upon Thames", "poorly", 1)
    bedford = (LETTERS / "apa2008_bedfordshire.txt").read_text(encoding="utf-8")
    surrey = bedford.replace("BEDFORDSHIRE COUNTY COUNCIL", "SURREY COUNTY COUNCIL")
    lines = surrey.split("\n")
    at = lines.index("Staying safe")
    grade = next(i for i in range(at + 1, at + 4) if lines[i].startswith("Grade"))
    del lines[grade]  # the staying safe grade lost: the letter is held, the area not graded
    (folder / "surrey.txt").write_text("\n".join(lines), encoding="utf-8")
    assert ingest_paths(engine, [folder]).count("loaded") == 4
    years = {a.year: a for a in audit(engine)}
    poorly = next(f for f in years[2010].figures if f.grades == (1,))
    assert (poorly.held, poorly.held_count, poorly.graded) == ("2 of 3 letters held (67%)", 2, 3)
    bham = next(d for d in years[2010].disagreements if d.council == "Birmingham")
    assert (bham.published_grade, bham.held_grade) == (1, 3)
    surrey_2008 = {(d.area, d.held_grade, d.note) for d in years[2008].disagreements}
    assert surrey_2008 == {
        ("overall", 2, "published Grade 1 (inadequate); held Grade 2 (adequate)"),
        (
            "staying_safe",
            None,
            "published Grade 1 (inadequate); the letter held grades no such area",
        ),
    }
    no_letters = next(f for f in years[2005].figures)
    assert no_letters.held == "0 of 0 letters held"
