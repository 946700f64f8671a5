"""Question understanding, a pure function: council, years, area and intent from free text."""

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from store.councils import CouncilDirectory, CouncilRecord, name_key
from store.vocabulary import (
    AREA_PHRASES,
    AREA_SYNONYMS,
    FIRST_YEAR,
    GRADE_WORDS,
    LAST_YEAR,
)

MAX_CHARS = 400  # what is read for slots: a 10,000-character paste is mostly noise

HELP = re.compile(
    r"^\s*(?:help|\?+|what can you do\??|how do i use (?:this|you)\??|usage|"
    r"what do you know\??|hi|hello)\s*[.!?]*\s*$",
    re.I,
)
GRADE_ASK = re.compile(
    r"\b(?:grades?|graded|rating|rated|judge(?:d|ment)s?|score|how did|how "
    r"well|how has|perform(?:ed|s|ance)?|do overall)\b",
    re.I,
)
TREND_ASK = re.compile(
    r"\b(?:since|changed?|trend|over time|over the years|across|history|"
    r"between|from \d{4}|vs\.?|versus|compared?)\b",
    re.I,
)
TABLE_ASK = re.compile(
    r"\b(?:which|what) (?:councils|authorities|las|local authorities)\b|"
    r"\bcouncils\b|\bauthorities\b",
    re.I,
)
ALL_GRADES = re.compile(r"\b(?:grades|all|judgements|results|everything)\b", re.I)
_SLACK_MARKUP = re.compile(r"<(?:[@#!][^>|]*)(?:\|([^>]*))?>|<(?:https?|mailto):[^>|]*\|?([^>]*)>")
_STOP_NAMES = frozenset(
    "what which how was were is the grade grades rating in for did do does ofsted staying safe "
    "being healthy overall council councils year children services and since from to between "
    "vs compare show tell me about say said of on a".split()
)


@dataclass(frozen=True)
class Query:
    text: str  # the cleaned question
    council: CouncilRecord | None = None
    council_text: str = ""  # as written
    ambiguous: tuple[CouncilRecord, ...] = ()
    unknown_name: str = ""  # looked like a council but matched none
    years: tuple[int, ...] = ()
    area: str | None = None
    grade_word: int | None = None  # "performed poorly" -> 1
    intent: str = "search"  # help, grade, grades, trend, table, search
    search_words: str = ""


def clean(text: str) -> str:
    text = _SLACK_MARKUP.sub(lambda m: m.group(1) or m.group(2) or " ", text or "")
    text = re.sub(r"[\u2018\u2019`]", "'", text)
    text = re.sub(r"[^\w\s'&,.?!%/-]", " ", text)  # emoji and symbols
    return re.sub(r"\s+", " ", text).strip()[:MAX_CHARS]


def find_years(text: str) -> tuple[int, ...]:
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)]
    since = re.search(
        r"\b(?:since|from|after) ((?:19|20)\d\d)\b(?!\s*(?:to|-|and|until))", text, re.I
    )
    if since:
        return tuple(range(max(int(since.group(1)), FIRST_YEAR), LAST_YEAR + 1))
    span = re.search(r"\b((?:19|20)\d\d)\s*(?:to|-|until|and)\s*((?:19|20)\d\d)\b", text)
    if span and re.search(r"\b(?:from|between)\b|-|to", text[: span.end()]):
        lo, hi = sorted((int(span.group(1)), int(span.group(2))))
        if re.search(r"\bvs\.?|versus|compared?\b", text) is None and (hi - lo) <= 10:
            return tuple(range(lo, hi + 1))
    return tuple(dict.fromkeys(years))


def find_area(text: str) -> str | None:
    lowered = text.lower()
    for area, pattern in AREA_SYNONYMS:
        if re.search(rf"\b(?:{pattern})", lowered):
            return area
    words = re.findall(r"[a-z]+", lowered)
    grams = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}
    best = None
    for gram in sorted(grams):
        match = process.extractOne(gram, list(AREA_PHRASES), scorer=fuzz.ratio, score_cutoff=84)
        if match and len(gram) >= 6 and (best is None or match[1] > best[1]):
            best = match
    return AREA_PHRASES[best[0]] if best else None


def find_council(text: str, councils: CouncilDirectory) -> tuple[list[CouncilRecord], str]:
    """Councils named in the text (exact key, then fuzzy) and the words that named them."""
    words = re.findall(r"[\w'&-]+", text)
    for n in range(min(7, len(words)), 0, -1):  # longest name first: "Central Bedfordshire"
        for i in range(len(words) - n + 1):
            gram = " ".join(words[i : i + n])
            key = name_key(gram)
            if key and key not in _STOP_NAMES and councils.lookup(gram):
                return councils.lookup(gram), gram
    keys = councils.keys()
    best: tuple[str, float, str] | None = None
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            gram = " ".join(words[i : i + n])
            key = name_key(gram)
            if len(key) < 5 or key in _STOP_NAMES or key.split()[0] in _STOP_NAMES:
                continue
            match = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=85)
            if match and match[0][0] == key[0] and (best is None or match[1] > best[1]):
                best = (match[0], match[1], gram)
    if best:
        return councils.lookup(best[0]), best[2]
    return [], ""


def nearest_names(name: str, councils: CouncilDirectory, limit: int = 3) -> list[str]:
    names = {c.short_name: c.short_name for c in councils.councils}
    found = process.extract(name, names, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [m[0] for m in found]


def unknown_name(text: str) -> str:
    """A capitalised word or possessive that looks like a place we could not match."""
    m = re.search(r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)*)'s\b", text)
    if m and m.group(1).lower() not in _STOP_NAMES:
        return m.group(1)
    for m in re.finditer(r"(?<!^)(?<![.?!] )\b([A-Z][a-z][\w-]+)\b", text):
        if m.group(1).lower() not in _STOP_NAMES and m.group(1) not in ("Ofsted", "Key", "Stage"):
            return m.group(1)
    return ""


def parse_question(raw: str, councils: CouncilDirectory) -> Query:
    text = clean(raw)
    if not text or HELP.match(text):
        return Query(text, intent="help")
    years = find_years(text)
    area = find_area(text)
    found, named = find_council(text, councils)
    council, ambiguous = (found[0], ()) if len(found) == 1 else (None, tuple(found))
    grade_word = next(
        (
            g
            for w, g in GRADE_WORDS.items()
            if re.search(rf"\b{w}\b", text, re.I) and TABLE_ASK.search(text)
        ),
        None,
    )
    words = _search_words(text, named)
    stray = "" if (council or ambiguous) else unknown_name(text)
    q = Query(text, council, named, ambiguous, stray, years, area, grade_word, "search", words)
    return replace(q, intent=decide_intent(q))


def decide_intent(q: Query) -> str:
    council = q.council or (q.ambiguous[0] if q.ambiguous else None)
    return _intent(q.text, council, q.years, q.area, q.search_words, q.grade_word)


def _search_words(text: str, named: str) -> str:
    words = text.replace(named, " ") if named else text
    words = re.sub(r"\b(?:19|20)\d\d\b", " ", words)
    return re.sub(r"\s+", " ", words).strip()


def _intent(text, council, years, area, words, grade_word) -> str:
    asks_grade = bool(GRADE_ASK.search(text)) or area is not None
    if council is None:
        if (TABLE_ASK.search(text) or grade_word) and (area or grade_word or asks_grade):
            return "table"
        if years and not content_words(words) or (years and area):
            return "table"
        return "search"
    if len(years) > 1 or (TREND_ASK.search(text) and asks_grade):
        return "trend"
    if area is not None:
        return "grade" if len(years) == 1 else "trend"
    if ALL_GRADES.search(text) or asks_grade or not content_words(words):
        return "grades"
    return "search"


def content_words(words: str) -> list[str]:
    return [
        w
        for w in re.findall(r"[a-z0-9%]+", words.lower())
        if w not in _STOP_NAMES and len(w) > 2 and w not in ("grade", "grades", "what", "s")
    ]
