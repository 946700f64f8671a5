"""Generative: every variation real files show (tests/store/variants.py, written from
formats.md without reading the parser), and seeded combinations of them, applied to every
fixture letter, must give the same grades; and every grade's quote must be a whole sentence
that states it."""

import json
import random
import re
import textwrap

import pytest

from store.files import decode_text
from store.parse import parse_letter
from store.text import fold, repair
from store.vocabulary import APA_LABELS, CSA_LABELS, LetterKind
from tests.conftest import LETTERS, letter_cases
from tests.store.variants import BY_NAME, ENCODINGS, VARIATIONS, combined

CASES = letter_cases()
COMBINATIONS = 6  # seeded combinations of three variations per letter
TEXT = {case: (LETTERS / f"{case}.txt").read_text(encoding="utf-8") for case in CASES}
WANT = {
    case: json.loads((LETTERS / f"{case}.intended.json").read_text(encoding="utf-8"))["judgements"]
    for case in CASES
}


def grades(text: str) -> dict[str, int]:
    return {j.area: j.grade for j in parse_letter(text, "variant.txt").judgements}


@pytest.mark.parametrize("variation", VARIATIONS, ids=lambda v: v.name)
@pytest.mark.parametrize("case", CASES)
def test_each_variation_keeps_every_grade(case: str, variation) -> None:
    text = variation.apply(TEXT[case], random.Random(case))
    assert grades(text) == WANT[case], variation.why


@pytest.mark.parametrize("seed", range(COMBINATIONS))
@pytest.mark.parametrize("case", CASES)
def test_combined_variations_keep_every_grade(case: str, seed: int) -> None:
    text, names = combined(TEXT[case], seed)
    assert grades(text) == WANT[case], names


@pytest.mark.parametrize("encoding", [name for name, _ in ENCODINGS])
@pytest.mark.parametrize("case", CASES)
def test_each_encoding_keeps_every_grade(case: str, encoding: str) -> None:
    data = dict(ENCODINGS)[encoding](TEXT[case])
    if data is None:
        pytest.skip(f"{case} has characters {encoding} lacks")
    assert grades(decode_text(data, f"{case}.txt")) == WANT[case]


# -- whole quotes ------------------------------------------------------------------------------

WORDS = {
    LetterKind.APA: {
        **{g: {w} for g, w in APA_LABELS.items()},
        4: {"outstanding", "excellent", "well above minimum requirements"},
        3: {"good", "above minimum requirements"},
        2: {"adequate", "minimum requirements"},
        1: {"inadequate", "not deliver minimum requirements", "not meet minimum requirements"},
    },
    LetterKind.CSA: {g: {w.split()[-1].lower()} for g, w in CSA_LABELS.items()},
}
SENTENCE_END = re.compile(r"[.!?:]\"?$|\b[1-4]$")


def quote_problems(text: str, kind: LetterKind) -> list[str]:
    letter = parse_letter(text, "variant.txt")
    # Quotes come from the letter as repaired (mojibake and entities undone, "> " taken off).
    plain = fold(repair(text).replace("\u00ad", "")).lower()
    problems = []
    for j in letter.judgements:
        quote = fold(j.quote.replace("\u00ad", ""))
        low = quote.lower().replace("\ufb01", "fi").replace("\ufb02", "fl")
        names_grade = any(w in low for w in WORDS[kind][j.grade]) or re.search(
            rf"\b{j.grade}\b", low
        )
        where = f"{j.area}: {quote[:90]!r}"
        if not names_grade:
            problems.append(f"does not name grade {j.grade}: {where}")
        if not (quote[:1].isupper() or quote[:1].isdigit() or quote[:1] in "\"'\u201c\u2018"):
            problems.append(f"starts mid-sentence: {where}")
        if not SENTENCE_END.search(quote):
            problems.append(f"ends mid-sentence: {where}")
        if j.area == "capacity_to_improve" and "capacity" not in low:
            problems.append(f"capacity quote not about capacity: {where}")
        if j.area == "overall" and "capacity" in low:
            problems.append(f"overall quote about capacity: {where}")
        if j.section.lower().startswith(("capacity", "service management")) and j.area not in (
            "capacity_to_improve",
        ):
            problems.append(f"cites section {j.section!r}: {where}")
        if low not in plain.replace("\ufb01", "fi").replace("\ufb02", "fl"):
            problems.append(f"not in the letter: {where}")
    return problems


@pytest.mark.parametrize("case", CASES)
def test_every_quote_is_a_whole_sentence_that_states_its_grade(case: str) -> None:
    kind = LetterKind(json.loads((LETTERS / f"{case}.intended.json").read_text())["kind"])
    assert quote_problems(TEXT[case], kind) == []


@pytest.mark.parametrize("variation", VARIATIONS, ids=lambda v: v.name)
def test_quotes_stay_whole_under_every_variation(variation) -> None:
    problems = []
    for case in CASES:
        kind = LetterKind(json.loads((LETTERS / f"{case}.intended.json").read_text())["kind"])
        text = variation.apply(TEXT[case], random.Random(case))
        problems += [f"{case}: {p}" for p in quote_problems(text, kind)]
    assert problems == []


# -- passages ----------------------------------------------------------------------------------

#: Variations that move or mark structure but leave every sentence where it was: a reader
#: searching the letter must find the same passages in either copy.
LAYOUT_ONLY = (
    "crlf",
    "cr_only",
    "headings_caps",
    "heading_grade_separator",
    "grade_line_moved",
    "grade_word",
    "long_line_wrapped",
    "nbsp",
    "soft_hyphens",
    "title_2005_apostrophe",
    "table_first_row_singular",
    "title_above_salutation",
    "table_by_columns",
    "letterhead_debris",
    "bullet_glyphs",
    "page_break_mid_paragraph",
    "numbered_headings",
    "grade_full_stop",
    "grade_in_brackets",
    "grade_box_split",
    "markdown_conversion",
    "title_case_title",
    "csa_rating_on_title",
    "date_forms",
    "embargo_and_refs",
    "double_spaced",
    "grid_table",
    "dot_leaders",
    "csa_rating_boxed",
    "csa_rating_split",
    "lowercase_headings",
    "web_page_header",
)
# A passage that ends on one of these has lost the end of its sentence ("... in parts of
# Ellesmere Port and", its "Chester." taken for a running header).
CLAUSE_GOES_ON = re.compile(r"(?:,|\b(?:and|or|of|the|in|to|for|with|by|on|at|from|an?))$", re.I)


def passages(text: str) -> list[str]:
    return [fold(p.text).replace("\u00ad", "") for p in parse_letter(text, "v.txt").passages]


@pytest.mark.parametrize("name", LAYOUT_ONLY)
def test_layout_variations_keep_every_passage(name: str) -> None:
    changed = {}
    for case in CASES:
        text = BY_NAME[name].apply(TEXT[case], random.Random(case))
        got, want = passages(text), passages(TEXT[case])
        if got != want:
            changed[case] = [p[:70] for p in got if p not in want] + [
                f"lost: {p[:70]}" for p in want if p not in got
            ]
    assert changed == {}


@pytest.mark.parametrize("case", CASES)
def test_no_passage_stops_in_the_middle_of_a_clause(case: str) -> None:
    copies = [(v.name, v.apply(TEXT[case], random.Random(case))) for v in VARIATIONS]
    copies += [(f"combined {seed}", combined(TEXT[case], seed)[0]) for seed in range(COMBINATIONS)]
    cut = [
        f"{name}: ...{p[-60:]}"
        for name, text in [("as written", TEXT[case]), *copies]
        for p in passages(text)
        if CLAUSE_GOES_ON.search(p.rstrip())
    ]
    assert cut == []


@pytest.mark.parametrize("width", range(40, 66, 5))
@pytest.mark.parametrize("case", ["apa2005_surrey", "apa2006_east_riding"])
def test_a_key_wrapped_narrow_stays_out_of_every_quote(case: str, width: int) -> None:
    """The 2005/2006 key's cells ("Grade 1: A service that does not deliver minimum" /
    "requirements for users") wrapped at a narrow width, as a table cell wraps."""
    lines = []
    for line in TEXT[case].split("\n"):
        cell = re.match(r"^(?:Grade [1-4]: )?An? service that", line)
        lines += textwrap.wrap(line, width) if cell and len(line) > width else [line]
    text = "\n".join(lines)
    assert text != TEXT[case]
    assert grades(text) == WANT[case]
    assert quote_problems(text, LetterKind.APA) == []
