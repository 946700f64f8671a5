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


def test_each_bad_row_is_reported_as_its_sheet_and_line(tmp_path) -> None:
    folder = folder_with(tmp_path, "file,url\nmissing.pdf,https://example.org/a\n")
    (folder / "older").mkdir()
    (folder / "older" / "sources.csv").write_text("file,url\ngone.pdf,https://example.org/b\n")
    _, report, _ = ingested(tmp_path, folder)
    assert report.notes == [
        f"{folder / 'older' / 'sources.csv'} line 2: no file 'gone.pdf' beside it; skipped",
        f"{folder / 'sources.csv'} line 2: no file 'missing.pdf' beside it; skipped",
    ]


def test_a_sheet_saved_with_a_byte_order_mark_is_read(tmp_path) -> None:
    folder = folder_with(tmp_path, "")
    sheet = f"file,url\nbirmingham_apa2007.txt,{URL}\n"
    (folder / "sources.csv").write_text(sheet, encoding="utf-8-sig")  # Excel's "CSV UTF-8"
    _, report, engine = ingested(tmp_path, folder)
    assert report.notes == []
    assert engine.answer(QUESTION).judgements[0].source.url == URL


def test_a_sheet_that_is_not_utf_8_is_reported_in_one_line_and_the_letters_load(tmp_path):
    folder = folder_with(tmp_path, "")
    (folder / "sources.csv").write_bytes(b"file,url\ncaf\xe9.pdf,https://example.org/a\n")
    _, report, _ = ingested(tmp_path, folder)
    assert report.notes == [f"{folder / 'sources.csv'}: cannot be read (UnicodeDecodeError)"]
    assert report.count(IngestStatus.LOADED) == 2


def test_a_sheet_without_a_file_column_names_no_file(tmp_path) -> None:
    folder = folder_with(tmp_path, f"File,URL\nbirmingham_apa2007.txt,{URL}\n")
    _, report, _ = ingested(tmp_path, folder)
    assert [note.split(": ", 1)[1] for note in report.notes] == ["no file '' beside it; skipped"]


def test_a_long_missing_name_is_quoted_to_80_characters(tmp_path) -> None:
    name = "x" * 79 + "yz.pdf"
    folder = folder_with(tmp_path, f"file,url\n{name},{URL}\n")
    _, report, _ = ingested(tmp_path, folder)
    assert [note.split(": ", 1)[1] for note in report.notes] == [
        f"no file '{'x' * 79}y' beside it; skipped"
    ]


def test_a_plain_http_url_and_one_of_3000_characters_are_kept(tmp_path) -> None:
    plain = "http://example.org/apa2007"
    longest = "https://example.org/" + "a" * (3000 - len("https://example.org/"))
    sheet = f"file,url\nbirmingham_apa2007.txt,{plain}\nbirmingham_csa2011.txt,{longest}\n"
    _, report, engine = ingested(tmp_path, folder_with(tmp_path, sheet))
    assert report.notes == []
    assert engine.answer(QUESTION).judgements[0].source.url == plain
    assert engine.answer("Birmingham 2011").judgements[0].source.url == longest


def test_a_url_of_3001_characters_is_skipped(tmp_path) -> None:
    url = "https://example.org/" + "a" * (3001 - len("https://example.org/"))
    folder = folder_with(tmp_path, f"file,url\nbirmingham_apa2007.txt,{url}\n")
    _, report, _ = ingested(tmp_path, folder)
    assert [note.split(": ", 1)[1] for note in report.notes] == [
        "the url is too long or holds spaces, quotes or <, >, |; skipped"
    ]
