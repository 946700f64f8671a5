"""The synthetic benchmark archive: the real parser recovers every grade, and it is repeatable.

A small archive (10 councils, every year's layout, including the councils created and
abolished in 2009) goes through the real ingest path into a throwaway SQLite store.
"""

from pathlib import Path

import pytest
from sqlmodel import Session, select

from bench.synth import MANIFEST, NOTE, generate, load_manifest
from store import models, queries
from store.db import create_schema, make_engine
from store.ingest import ingest_paths
from store.parse import parse_letter

COUNCILS = 10


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    generate(folder, scale=1, seed=2005, councils=COUNCILS)
    return folder


@pytest.fixture(scope="module")
def store(archive, tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('store') / 'store.sqlite3'}")
    create_schema(engine)
    report = ingest_paths(engine, [archive])
    assert not report.failed, report.failed
    yield engine
    engine.dispose()


def test_every_layout_and_year_is_generated(archive):
    manifest = load_manifest(archive)
    assert manifest["synthetic"] is True
    assert {item["layout"] for item in manifest["letters"]} == {
        "apa2005",
        "apa2006",
        "apa2007",
        "apa2008",
        "csa2009",
        "csa2010",
        "csa2011",
    }
    councils = {item["council"] for item in manifest["letters"]}
    assert len(councils) == COUNCILS
    assert {"Bedfordshire", "Bedford", "Cheshire West and Chester"} <= councils


def test_the_parser_recovers_every_manifest_grade(archive, store):
    manifest = load_manifest(archive)
    expected = {
        (item["council"], item["year"], area): grade
        for item in manifest["letters"]
        for area, grade in item["grades"].items()
    }
    with Session(store) as session:
        stored = {
            (j.letter.authority, j.letter.year, j.area): j.grade
            for j in queries.judgements(session)
        }
        letters = session.exec(select(models.Letter)).all()
    assert len(letters) == len(manifest["letters"])
    assert stored == expected  # nothing missing, nothing wrong, nothing extra


def test_the_synthetic_note_is_on_every_letter_and_in_no_passage(archive, store):
    for path in sorted(archive.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith(NOTE) and text.count(NOTE) >= 2, path.name
    with Session(store) as session:
        texts = session.exec(select(models.Passage.text)).all()
        titles = session.exec(select(models.Letter.title)).all()
    assert texts and not [t for t in texts if "SYNTHETIC" in t]
    assert not [t for t in titles if "SYNTHETIC" in t]


def test_about_forty_passages_per_letter(archive, store):
    with Session(store) as session:
        passages = len(session.exec(select(models.Passage.id)).all())
        letters = len(session.exec(select(models.Letter.id)).all())
    assert 36 <= passages / letters <= 46


def test_same_seed_same_bytes_and_subsets_agree(archive, tmp_path):
    again = tmp_path / "again"
    generate(again, scale=1, seed=2005, councils=COUNCILS)
    names = sorted(p.name for p in archive.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (archive / name).read_bytes() == (again / name).read_bytes(), name
    # a letter does not depend on which other councils are generated with it
    one = load_manifest(archive)["letters"][-1]
    alone = tmp_path / "alone"
    generate(alone, scale=1, seed=2005, councils=[one["council"]])
    assert (alone / one["file"]).read_bytes() == (archive / one["file"]).read_bytes()
    other = tmp_path / "other"
    generate(other, scale=1, seed=2006, councils=[one["council"]])
    assert (other / one["file"]).read_bytes() != (archive / one["file"]).read_bytes()
    assert (archive / MANIFEST).exists()


def test_scale_five_writes_the_same_letters_about_five_times_longer(tmp_path):
    small, big = tmp_path / "x1", tmp_path / "x5"
    generate(small, scale=1, seed=2005, councils=["Barnet"])
    generate(big, scale=5, seed=2005, councils=["Barnet"])
    manifest = load_manifest(big)
    assert manifest["letters"] == load_manifest(small)["letters"]
    ratios = []
    for item in manifest["letters"]:
        parsed = {
            s: parse_letter((f / item["file"]).read_text(encoding="utf-8"), item["file"])
            for s, f in (("x1", small), ("x5", big))
        }
        assert {j.area: j.grade for j in parsed["x5"].judgements} == item["grades"]
        ratios.append(len(parsed["x5"].passages) / len(parsed["x1"].passages))
    assert 4 <= sum(ratios) / len(ratios) <= 6.5
