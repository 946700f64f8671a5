"""Reading a PDF's text: the limits and the reasons, exactly as ingest reports them."""

import pytest
from fpdf import FPDF

import store.pdf
from store.errors import IngestError, one_line
from store.pdf import MAX_STREAM_BYTES, _limits, pdf_text


def _pdf(*pages: str) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        for para in text.split("\n\n"):
            pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(8)
    return bytes(pdf.output())


def _reason(data: bytes) -> str:
    with pytest.raises(IngestError) as caught:
        pdf_text(data, "x.pdf")
    assert caught.value.source == "x.pdf" and str(caught.value).startswith("x.pdf: ")
    return caught.value.reason


def test_pages_are_joined_by_form_feeds_and_paragraph_gaps_kept() -> None:
    text = pdf_text(_pdf("First paragraph.\n\nSecond paragraph.", "Page two."), "x.pdf")
    assert text == "First paragraph.\n\nSecond paragraph.\fPage two."


def test_a_pdf_with_no_text_layer() -> None:
    assert _reason(_pdf("")) == "the PDF has no text layer (scanned image?); OCR it first"


def test_the_page_limit(monkeypatch) -> None:
    monkeypatch.setattr(store.pdf, "MAX_PAGES", 2)
    assert pdf_text(_pdf("a", "b"), "x.pdf") == "a\fb"
    assert _reason(_pdf("a", "b", "c")) == "has more than 2 pages: not one letter"


def test_the_text_limit_counts_every_page(monkeypatch) -> None:
    monkeypatch.setattr(store.pdf, "MAX_TEXT_CHARS", 15)
    assert pdf_text(_pdf("0123456789abcde"), "x.pdf") == "0123456789abcde"
    assert _reason(_pdf("0123456789", "0123456789")) == "holds far more text than any letter"


def test_the_limits_pypdf_is_given() -> None:
    limits = _limits()
    assert limits.pop("jbig2dec_binary") is None
    assert limits == {
        name: MAX_STREAM_BYTES
        for name in (
            "maximum_declared_stream_length",
            "array_based_stream_maximum_output_length",
            "jbig2_maximum_output_length",
            "lzw_maximum_output_length",
            "run_length_maximum_output_length",
            "zlib_maximum_output_length",
            "brotli_maximum_output_length",
        )
    }


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        ("DependencyError", "the PDF is encrypted in a way that cannot be opened"),
        ("FileNotDecryptedError", "the PDF is encrypted in a way that cannot be opened"),
        ("LimitReachedError", "a stream in the PDF inflates past the size limit"),
        ("RecursionError", "not a readable PDF (its objects nest without end)"),
        ("ValueError", "not a readable PDF (ValueError)"),
    ],
)
def test_each_failure_of_the_reader_is_one_line(monkeypatch, error: str, reason: str) -> None:
    import pypdf
    import pypdf.errors

    kind = getattr(pypdf.errors, error, None) or __builtins__[error]

    def broken(*args, **kwargs):
        raise kind("boom")

    monkeypatch.setattr(pypdf, "PdfReader", broken)
    assert _reason(b"%PDF-1.4") == reason


def test_one_line_keeps_the_start_of_a_long_reason() -> None:
    assert one_line("  " + "y" * 300) == "y" * 199 + "\u2026"
    assert one_line("x" * 198 + " " + "y" * 10) == "x" * 198 + "\u2026"  # no space before …


# A bullet item as pypdf's layout mode gives it: the glyph, then the text at column 4, its
# wrapped lines at that column too.
ITEM = [
    " \u2022  Rates of teenage conception have not fallen as",
    "    quickly as in similar areas.",
]


def test_a_line_back_at_the_margin_after_a_bullet_item_starts_a_paragraph() -> None:
    lines = [*ITEM, " This assessment is provided in accordance with section 138."]
    assert store.pdf._lists_ended(lines) == [*ITEM, "", lines[-1]]


@pytest.mark.parametrize(
    ("indent", "ends"),
    [(4, False), (3, False), (2, True), (1, True)],  # the text's column, one left (slack), two
)
def test_an_items_wrapped_line_may_sit_one_column_left_of_its_text(indent: int, ends: bool) -> None:
    line = " " * indent + "and more of the item."
    out = store.pdf._lists_ended([ITEM[0], line])
    assert out == ([ITEM[0], "", line] if ends else [ITEM[0], line])


def test_items_in_a_row_and_lines_after_a_gap_are_left_as_they_are() -> None:
    lines = [*ITEM, " \u2022  A second item.", "", " A paragraph after the list's gap."]
    assert store.pdf._lists_ended(lines) == lines
    assert store.pdf._lists_ended(["\uf0b7 Symbol bullet", "Back at the margin."]) == [
        "\uf0b7 Symbol bullet",
        "",
        "Back at the margin.",
    ]
