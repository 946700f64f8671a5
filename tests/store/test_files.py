"""Reading files into text: the encodings and line ends letters come in, limits, and reasons a
user can read (one line, no file content), on both databases."""

import io
import json
import shutil
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from store.errors import MAX_REASON, IngestError, ParseError, printable
from store.files import MAX_TEXT_BYTES, decode_text, read_letter_file
from store.ingest import ingest_paths
from store.parse import parse_letter
from tests.conftest import LETTERS
from tests.store.test_ingest import grades_of, make_pdf, state

KINGSTON = LETTERS / "csa2010_kingston.txt"
SURREY = LETTERS / "apa2005_surrey.txt"


def want(path: Path) -> dict[tuple[int, str], int]:
    facts = json.loads(path.with_suffix(".intended.json").read_text(encoding="utf-8"))
    return {(facts["year"], area): grade for area, grade in facts["judgements"].items()}


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: t.encode("utf-8-sig"),
    "utf-16 LE with BOM": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "windows-1252": lambda t: t.encode("cp1252", errors="strict"),
    "CRLF": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "CR only": lambda t: t.replace("\n", "\r").encode("utf-8"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_and_line_end_gives_the_same_grades(
    sql_engine, tmp_path: Path, encoding: str
) -> None:
    text = SURREY.read_text(encoding="utf-8")
    if encoding == "windows-1252":
        text = text.replace("\u2022", "\u00b7")  # cp1252 has the middle dot, not U+2022
    path = tmp_path / "surrey.txt"
    path.write_bytes(ENCODINGS[encoding](text))
    report = ingest_paths(sql_engine, [path])
    assert [o.status for o in report.outcomes] == ["loaded"], report.outcomes
    assert grades_of(sql_engine, "Surrey") == want(SURREY)


def test_quotes_read_the_same_whatever_the_line_ends() -> None:
    text = KINGSTON.read_text(encoding="utf-8")
    quotes = [j.quote for j in parse_letter(text, "k").judgements]
    for ends in ("\r\n", "\r"):
        assert [j.quote for j in parse_letter(text.replace("\n", ends), "k").judgements] == quotes


def test_nul_bytes_are_dropped_alike_on_both_databases(sql_engine, tmp_path: Path) -> None:
    text = KINGSTON.read_text(encoding="utf-8")
    middle = len(text) // 2
    path = tmp_path / "nul.txt"
    path.write_bytes((text[:middle] + "\x00\x00" + text[middle:]).encode("utf-8"))
    assert [o.status for o in ingest_paths(sql_engine, [path]).outcomes] == ["loaded"]
    assert grades_of(sql_engine, "Kingston upon Thames") == want(KINGSTON)


def test_a_huge_text_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 2**20)
    with pytest.raises(IngestError, match="larger than 2 MB"):
        read_letter_file(path)


def test_a_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * MAX_TEXT_BYTES)
    assert len(read_letter_file(path)) == MAX_TEXT_BYTES


def test_a_bom_that_lies_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="UTF-16 mark but is not UTF-16 text"):
        decode_text(b"\xff\xfe" + b"\x00\xd8" + b"a", "x.txt")  # a lone surrogate


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("page.txt", "<html><body>" + "<p>Dear Sir</p>" * 600 + "</body></html>", "not an Ofsted"),
        ("oldmac.txt", "Dear Director\r" + "Some words of a note.\r" * 400, "not an Ofsted"),
        (
            "long-title.txt",
            "ANNUAL PERFORMANCE ASSESSMENT OF " + "ACME " * 300 + "EDUCATION AND CHILDREN'S "
            "SOCIAL CARE SERVICES 2005\n\nDear Sir\n\nText.",
            "named in the title",
        ),
    ],
)
def test_reasons_are_one_short_line_without_the_files_content(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        parse_letter(read_letter_file(path), name)
    reason = caught.value.reason
    assert expected in reason
    assert len(reason) <= MAX_REASON and "\n" not in reason
    assert "<p>" not in reason and "Some words" not in reason and "ACME ACME" not in reason


def test_a_file_name_with_a_newline_is_printed_escaped(tmp_path: Path) -> None:
    assert printable("bad\nfailed    x.txt") == "bad\\nfailed    x.txt"
    assert printable("Birmingham 2007.txt") == "Birmingham 2007.txt"
    error = ParseError("a\rb.txt", "the file is empty")
    assert str(error) == "a\\rb.txt: the file is empty"


def test_a_crash_inside_the_reader_costs_one_file(sql_engine, tmp_path: Path, monkeypatch) -> None:
    import store.parse

    shutil.copy(KINGSTON, tmp_path / "a.txt")
    shutil.copy(SURREY, tmp_path / "b.txt")
    real = store.parse.find_date

    def broken(lines):
        if any("children's services assessment 2010" in ln.text.lower() for ln in lines):
            raise IndexError("a bug")
        return real(lines)

    monkeypatch.setattr(store.parse, "find_date", broken)
    report = ingest_paths(sql_engine, [tmp_path])
    assert [(Path(o.path).name, o.status) for o in report.outcomes] == [
        ("a.txt", "failed"),
        ("b.txt", "loaded"),
    ]
    assert report.failed[0].reason == "could not be read (IndexError): please report this file"


def _encrypted(tmp_path: Path, user_password: str) -> Path:
    plain = make_pdf(KINGSTON.read_text(encoding="utf-8"), tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    path = tmp_path / "letter.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    plain.unlink()
    return path


def test_an_aes_pdf_that_opens_without_a_password_loads(sql_engine, tmp_path: Path) -> None:
    report = ingest_paths(sql_engine, [_encrypted(tmp_path, "")])
    assert [o.status for o in report.outcomes] == ["loaded"], report.outcomes
    assert grades_of(sql_engine, "Kingston upon Thames") == want(KINGSTON)


def test_a_pdf_that_needs_a_password_gets_one_line(sql_engine, tmp_path: Path) -> None:
    before = state(sql_engine)
    report = ingest_paths(sql_engine, [_encrypted(tmp_path, "secret")])
    assert report.failed[0].reason == "the PDF is password-protected; save an unlocked copy"
    assert state(sql_engine) == before


def _bomb_pdf(inflated: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes of spaces."""
    stream = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Hi) Tj ET" + b" " * inflated, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (6, xref))
    return out.getvalue()


def test_a_compression_bomb_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_bomb_pdf(200 * 2**20))  # 200 MB of spaces in about 200 KB
    assert path.stat().st_size < 1 * 2**20
    with pytest.raises(IngestError) as caught:
        read_letter_file(path)
    assert caught.value.reason == "a stream in the PDF inflates past the size limit"


def test_the_same_pdf_small_is_read(tmp_path: Path) -> None:
    path = tmp_path / "small.pdf"
    path.write_bytes(_bomb_pdf(1000))
    assert "Hi" in read_letter_file(path)
