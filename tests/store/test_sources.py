"""A sources.csv beside the letters gives each its published URL: every citation links to it
("Open letter, p. N"); a bad row is reported and skipped, the letters load either way."""

import shutil

from bot import blocks
from retrieval.answerer import Answerer
from retrieval.render import to_dict, to_text
from store.db import create_schema, make_engine
from store.ingest import IngestStatus, ingest_paths
from tests.conftest import LETTERS

URL = "https://files.ofsted.gov.uk/v1/file/50000001"
QUESTION = "what was Birmingham's staying safe grade in 2007?"


def folder_with(tmp_path, sheet: str):
    folder = tmp_path / "letters"
    folder.mkdir()
    shutil.copy(LETTERS / "birmingham_apa2007.txt", folder)
    shutil.copy(LETTERS / "birmingham_csa2011.txt", folder)
    (folder / "sources.csv").write_text(sheet, encoding="utf-8")
    return folder


def ingested(tmp_path, folder):
    """The store after ingesting ``folder`` (before the engine opens, which would load the
    bundled letters into an empty store)."""
    sql = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    create_schema(sql)
    return sql, ingest_paths(sql, [folder]), Answerer.open(sql)


def test_a_letter_s_published_url_is_in_every_citation(tmp_path) -> None:
    folder = folder_with(tmp_path, f"file,url\nbirmingham_apa2007.txt,{URL}\n")
    sql, report, engine = ingested(tmp_path, folder)
    assert report.notes == [] and report.count(IngestStatus.LOADED) == 2
    answer = engine.answer(QUESTION)
    [finding] = answer.judgements
    assert finding.source.url == URL
    assert to_dict(answer)["judgements"][0]["source"]["url"] == URL
    assert URL in to_text(answer)
    cite = blocks.citation(finding.source)
    assert cite.endswith(f"<{URL}|Open letter>")
    # The letter with no row is cited by its file, never given another letter's link.
    other = engine.answer("Birmingham 2011").judgements[0].source
    assert other.url is None
    assert blocks.citation(other).endswith("· birmingham_csa2011.txt")


def test_a_url_given_later_reaches_a_letter_already_held(tmp_path) -> None:
    folder = folder_with(tmp_path, "file,url\n")
    sql, _, engine = ingested(tmp_path, folder)
    assert engine.answer(QUESTION).judgements[0].source.url is None
    (folder / "sources.csv").write_text(f"file,url\nbirmingham_apa2007.txt,{URL}\n")
    report = ingest_paths(sql, [folder])
    assert report.count(IngestStatus.UNCHANGED) == 2
    assert engine.answer(QUESTION).judgements[0].source.url == URL  # served at once


def test_bad_rows_are_reported_and_skipped_and_the_letters_load(tmp_path) -> None:
    sheet = (
        "file,url\n"
        "missing.pdf,https://example.org/a\n"
        "birmingham_apa2007.txt,javascript:alert(1)\n"
        "birmingham_csa2011.txt,https://example.org/a|<!channel>\n"
    )
    folder = folder_with(tmp_path, sheet)
    _, report, engine = ingested(tmp_path, folder)
    assert report.count(IngestStatus.LOADED) == 2
    assert [note.split(": ", 1)[1] for note in report.notes] == [
        "no file 'missing.pdf' beside it; skipped",
        "the url is not an http(s) address; skipped",
        "the url is too long or holds spaces, quotes or <, >, |; skipped",
    ]
    assert [note.split(": ")[0].rsplit(" ", 1)[1] for note in report.notes] == ["2", "3", "4"]
    assert engine.answer(QUESTION).judgements[0].source.url is None
