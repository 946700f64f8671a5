"""After an upgrade that reads letters differently, the store does not keep the old readings:
a file ingested again is read again, and the bundled letters are read again on open."""

import shutil

import pytest
from sqlmodel import Session, select

from store import ingest, models
from store.db import create_schema, make_engine
from store.ingest import IngestStatus, ingest_paths, load_bundled
from tests.conftest import LETTERS


@pytest.fixture
def store(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    create_schema(engine)
    return engine


def older_reader(monkeypatch) -> None:
    monkeypatch.setattr(ingest, "reader_fingerprint", lambda: "an older parser")


def sections(engine) -> list[str]:
    with Session(engine) as session:
        return sorted(session.exec(select(models.Section.heading)).all())


def test_the_same_file_is_reported_unchanged_by_the_same_reader(store, tmp_path) -> None:
    path = tmp_path / "birmingham.txt"
    shutil.copy(LETTERS / "birmingham_apa2007.txt", path)
    ingest_paths(store, [path], workers=1)
    [again] = ingest_paths(store, [path], workers=1).outcomes
    assert again.status == IngestStatus.UNCHANGED


def test_a_file_read_by_an_older_parser_is_read_again(store, tmp_path, monkeypatch) -> None:
    path = tmp_path / "birmingham.txt"
    shutil.copy(LETTERS / "birmingham_apa2007.txt", path)
    with monkeypatch.context() as m:
        older_reader(m)
        ingest_paths(store, [path], workers=1)
    with Session(store) as session:  # what the older parser had made of one heading
        section = session.exec(select(models.Section)).first()
        right, section.heading = section.heading, "Staying Safe Grade 2"
        session.add(section)
        session.commit()
    [again] = ingest_paths(store, [path], workers=1).outcomes
    assert again.status == IngestStatus.REPLACED
    assert right in sections(store) and "Staying Safe Grade 2" not in sections(store)


def test_bundled_letters_read_by_an_older_parser_are_read_again_on_open(store, monkeypatch) -> None:
    with monkeypatch.context() as m:
        older_reader(m)
        load_bundled(store)
    fresh = sections(store)
    with Session(store) as session:
        for section in session.exec(select(models.Section)).all():
            section.heading = "read by an older parser"
            session.add(section)
        session.commit()
    load_bundled(store)
    assert sections(store) == fresh
    load_bundled(store)  # read by this version now: nothing to do
    assert sections(store) == fresh


def test_a_store_of_ones_own_letters_gets_no_bundled_ones(store, tmp_path) -> None:
    path = tmp_path / "bedfordshire.txt"
    shutil.copy(LETTERS / "apa2008_bedfordshire.txt", path)
    ingest_paths(store, [path], workers=1)
    load_bundled(store)
    with Session(store) as session:
        assert session.exec(select(models.Letter.source_file)).all() == ["bedfordshire.txt"]
