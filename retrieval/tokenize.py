"""The one tokenizer, for passages and questions alike (rank_bm25 does no preprocessing)."""

import re

_WORD = re.compile(r"[a-z0-9]+(?:[.%][0-9]+%?|%)?")
STOPWORDS = frozenset(
    "a an and are as at be been being but by did do does for from had has have how i in into is "
    "it its me my not of on or our s so than that the their them then there these they this to "
    "was we were what when where which who why will with you your about can could say said tell "
    "show give find me please ofsted letter letters".split()
)
_IRREGULAR = {"children": "child", "people": "person", "achieving": "achiev", "achieve": "achiev"}


def stem(word: str) -> str:
    """A light suffix stemmer: 'fostered' meets 'fostering', 'homes' meets 'home'."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl, min_len in (
        ("ies", "y", 5),
        ("sses", "ss", 5),
        ("ing", "", 6),
        ("ed", "", 5),
        ("es", "e", 5),
        ("s", "", 4),
    ):
        if word.endswith(suffix) and len(word) >= min_len and not word.endswith(("ss", "us", "is")):
            return word[: len(word) - len(suffix)] + repl
    return word


TOKENIZER_VERSION = "1"  # bump when tokens change: cached indexes are keyed by it
_STEMS: dict[str, str | None] = {}  # word -> stem, None for a stop word; the vocabulary is small


def tokenize(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("'s ", " ").replace("-", " ")
    out = []
    for word in _WORD.findall(text):
        token = _STEMS.get(word, "")
        if token == "":
            if len(_STEMS) > 500_000:  # pasted junk must not grow it for ever
                _STEMS.clear()
            token = _STEMS[word] = None if word in STOPWORDS else stem(word)
        if token is not None:
            out.append(token)
    return out
