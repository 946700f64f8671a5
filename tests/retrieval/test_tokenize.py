"""The one tokenizer: what a search for one form of a word finds of another."""

import pytest

from retrieval import tokenize as tk
from retrieval.tokenize import STOPWORDS, stem, tokenize


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("children", "child"),
        ("people", "person"),
        ("achieving", "achiev"),
        ("achieve", "achiev"),
        ("authorities", "authority"),  # ies -> y
        ("flies", "fly"),  # 5 letters: ies applies at its minimum length
        ("ties", "tie"),  # 4 letters: too short for ies; es -> e needs 5 too; s needs 4
        ("classes", "class"),  # sses -> ss ("es" would give "classe")
        ("fostering", "foster"),
        ("being", "being"),  # 5 letters: "ing" needs 6
        ("fostered", "foster"),
        ("aged", "aged"),  # 4 letters: "ed" needs 5
        ("homes", "home"),
        ("cases", "case"),
        ("boys", "boy"),
        ("gas", "gas"),  # 3 letters or fewer: kept
        ("process", "process"),  # ends "ss": kept
        ("status", "status"),  # ends "us": kept
        ("analysis", "analysis"),  # ends "is": kept
        ("16s", "16s"),  # not all letters: kept
        ("safe", "safe"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_tokenize_folds_case_possessives_hyphens_and_stop_words() -> None:
    assert tokenize("The Council's foster-carers ARE recruited") == [
        "council",
        "foster",
        "carer",
        "recruit",
    ]
    assert tokenize("Birmingham’s schools") == ["birmingham", "school"]


def test_tokenize_keeps_numbers_decimals_and_percentages() -> None:
    assert tokenize("4.1 per 1,000 and 90% of 16-19 year olds") == [
        "4.1",
        "per",
        "1",
        "000",
        "90%",
        "16",
        "19",
        "year",
        "old",
    ]


def test_every_stop_word_is_dropped_and_only_those() -> None:
    assert tokenize(" ".join(sorted(STOPWORDS))) == []
    assert "ofsted" in STOPWORDS and "safeguarding" not in STOPWORDS
    assert tokenize("show me the letter about safeguarding") == ["safeguard"]


def test_the_memo_gives_the_same_tokens_and_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(tk, "_STEMS", {})
    assert tokenize("fostering fostering") == ["foster", "foster"]
    assert tk._STEMS == {"fostering": "foster"}
    assert tokenize("the") == [] and tk._STEMS["the"] is None
    monkeypatch.setattr(tk, "_STEMS", dict.fromkeys(range(500_000), "x"))
    assert tokenize("homes") == ["home"] and len(tk._STEMS) == 500_001  # at the bound: kept
    assert tokenize("cases") == ["case"]
    assert tk._STEMS == {"cases": "case"}  # over it: cleared, then the new word kept
