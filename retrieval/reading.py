"""Reading a question: every council, year, area and grade it names, what it asks, and what it
named that nothing matched. A pure function of the text and the gazetteers.

One scan over the question's words tries, at each word, the longest phrase of each gazetteer:
a year, a council (``retrieval.names``), an area (``store.vocabulary.AREA_FORMS``), a grade
(words, numbers, comparisons, the scales' key wording). Words left over are cue words (which
decide the operation), words the letters use (a passage search), or unknown words, which are
tried as misspelt council names and otherwise reported, never dropped.
"""

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from retrieval.names import EVERYDAY_NAMES, TYPE_WORDS, Gazetteer, typo, words
from store.councils import CouncilRecord
from store.vocabulary import AREA_FORMS, FIRST_YEAR, LAST_YEAR, REGIME_YEARS, LetterKind

MAX_CHARS = 400  # what is read: a 10,000-character paste is mostly noise around a question
MAX_GRAM = 3  # a misspelt council name is tried over runs of up to three unknown words


class Op(StrEnum):
    """What a question asks for; one composer answers each."""

    HELP = "help"
    LOOKUP = "lookup"  # one council's grades: one, all, the strongest, those matching a filter
    COMPARE = "compare"  # two or more councils, or one council's years, side by side
    RANK = "rank"  # across councils: listed, filtered, best or worst first
    COUNT = "count"
    YESNO = "yesno"
    CHANGE = "change"  # one council's grade over the years
    ABOUT = "about"  # the scales, the terms, what the store holds
    SEARCH = "search"  # what the letters say


class Order(StrEnum):
    BEST = "best"
    WORST = "worst"


@dataclass(frozen=True)
class Side:
    """One council as the question names it, with the years written next to it."""

    council: CouncilRecord
    text: str
    years: tuple[int, ...] = ()
    typo: bool = False  # matched a misspelling


@dataclass(frozen=True)
class Reading:
    text: str  # the cleaned question
    op: Op = Op.SEARCH
    sides: tuple[Side, ...] = ()
    ambiguous: tuple[tuple[str, tuple[CouncilRecord, ...]], ...] = ()
    unknown: tuple[str, ...] = ()  # words that look like names and match no council
    unread: tuple[str, ...] = ()  # other words nothing understood (not in the letters either)
    years: tuple[int, ...] = ()
    span: bool = False  # the years were given as a range ("2007 to 2011", "since 2007")
    areas: tuple[str, ...] = ()
    any_area: bool = False  # "for anything", "any grade"
    grades: frozenset[int] = frozenset()  # a grade filter; empty: none
    scale: LetterKind | None = None  # "apa letters", "performs ..." wording
    order: Order | None = None
    sort_all: bool = False  # "best first", "league table": order every row, keep all
    latest: bool = False
    unit: str = ""  # what a count counts: "councils", "letters", "areas"
    search_words: str = ""
    cues: frozenset[str] = field(default_factory=frozenset)
    words: tuple[str, ...] = ()  # the reader's words, for deciding the operation again
    topic: tuple[str, ...] = ()  # left-over words the letters use: a search's subject
    leftover: int = 0  # words left over after every slot and cue: topic and unknown words
    trimmed: bool = False  # only the message's last sentence was read as the question

    @property
    def council(self) -> CouncilRecord | None:
        return self.sides[0].council if len(self.councils) == 1 else None

    @property
    def councils(self) -> tuple[CouncilRecord, ...]:
        return tuple(dict.fromkeys(s.council for s in self.sides))

    @property
    def area(self) -> str | None:
        return self.areas[0] if self.areas else None

    @property
    def grade_word(self) -> int | None:
        return next(iter(self.grades)) if len(self.grades) == 1 else None

    @property
    def intent(self) -> str:
        """The thread context's name for what was asked (``Context.intent``)."""
        if self.op == Op.LOOKUP:
            return "grade" if self.areas and len(self.years) == 1 else "grades"
        return {Op.CHANGE: "trend", Op.RANK: "table", Op.COUNT: "table"}.get(self.op, self.op)

    @property
    def council_text(self) -> str:
        return (
            self.ambiguous[0][0] if self.ambiguous else (self.sides[0].text if self.sides else "")
        )


# -- cleaning ----------------------------------------------------------------------------------

_SLACK_MARKUP = re.compile(r"<(?:[@#!][^>|]*)(?:\|([^>]*))?>|<(?:https?|mailto):[^>|]*\|?([^>]*)>")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
HELP = re.compile(
    r"^\s*(?:help|\?+|what can you do\??|how do i use (?:this|you)\??|usage|"
    r"what do you know\??|hi|hello|hiya|hey)\s*[.!?]*\s*$",
    re.I,
)
SEARCH_PREFIX = re.compile(r"^\s*(?:search|find|passages?)\s*:\s*", re.I)


def clean(text: str) -> str:
    """Slack markup, HTML entities, full-width forms, invisible characters and emoji out."""
    text = html.unescape(html.unescape(text or ""))  # Slack escapes &, < and > once more
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _SLACK_MARKUP.sub(lambda m: m.group(1) or m.group(2) or " ", text)
    text = re.sub(r"^\s*>.*$", " ", text, flags=re.M)  # a quoted earlier message
    text = re.sub(r"[\u2018\u2019]", "'", text)
    text = re.sub(r"[\u201c\u201d]", '"', text)
    text = re.sub(r"(?<=\d)\s*(?:-+>|–|—|-)\s*(?='?\d)", " to ", text)  # "2005-2011", "'07 -> '11"
    text = re.sub(r"[*_~`]+", " ", text)  # Slack's bold, italic, strike and code marks
    text = re.sub(r"[^\w\s'\"&,.:?!%/-]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return last_question(text)[:MAX_CHARS]


def last_question(text: str) -> str:
    """A long message is mostly context: its question is the last sentence that asks one
    (ends in "?"), else its last sentence."""
    if len(text) <= MAX_CHARS:
        return text
    sentences = [x.strip() for x in re.split(r"(?<=[.!?])\s+", text) if x.strip()] or [text]
    if sentences[-1].endswith("?") or ASKS.search(sentences[-1]):
        return sentences[-1]
    asked = [x for x in sentences if x.endswith("?")]
    return (asked or sentences)[-1]


ASKS = re.compile(r"\b(?:what|which|how|who|when|did|was|were|is|does)\b", re.I)


# -- the word gazetteers -----------------------------------------------------------------------

AREA_TABLE: dict[tuple[str, ...], str] = {
    tuple(words(form)): area for area, forms in AREA_FORMS.items() for form in forms
}
# Grade words on either scale; an adverb ("performs poorly") is the CSA's wording.
GRADE_WORDS = {
    "outstanding": 4,
    "excellent": 4,
    "excellently": 4,
    "good": 3,
    "well": 3,
    "adequate": 2,
    "adequately": 2,
    "adequates": 2,
    "satisfactory": 2,
    "inadequate": 1,
    "poor": 1,
    "poorly": 1,
    "inadequates": 1,
}
CSA_ADVERBS = frozenset({"excellently", "well", "adequately", "poorly"})
# The scales' key wording (formats.md §2) and phrases meaning the top or bottom of a scale.
GRADE_PHRASES: dict[tuple[str, ...], frozenset[int]] = {
    tuple(p.split()): frozenset(g)
    for p, g in {
        "well above minimum requirements": {4},
        "significantly exceeds minimum requirements": {4},
        "exceeds minimum requirements": {3},
        "above minimum requirements": {3},
        "consistently above minimum requirements": {3},
        "only minimum requirements": {2},
        "meets only minimum requirements": {2},
        "below minimum requirements": {1},
        "fell below minimum requirements": {1},
        "does not meet minimum requirements": {1},
        "not meet minimum requirements": {1},
        "best possible": {4},
        "highest possible": {4},
        "top grade": {4},
        "top rating": {4},
        "worst possible": {1},
        "lowest possible": {1},
    }.items()
}
AT_LEAST = {("or", "better"), ("or", "above"), ("or", "higher"), ("or", "more"), ("and", "above")}
AT_MOST = {("or", "worse"), ("or", "below"), ("or", "lower"), ("or", "less"), ("and", "below")}
BELOW = {("below",), ("less", "than"), ("lower", "than"), ("under",), ("worse", "than")}
ABOVE = {("above",), ("more", "than"), ("higher", "than"), ("over",), ("better", "than")}
# A digit 1-4 is a grade only next to one of these ("rated 4", "a 4", "4s", "overall 1").
GRADE_BEFORE = frozenset(
    "grade graded grades rated rating got get a an overall both scored score given than above "
    "below under over least most".split()
)
NOT_GRADE_BEFORE = frozenset("year stage key page section top p".split())

# Cue words: each names a class of question, not a slot.
CUES: dict[str, frozenset[str]] = {
    name: frozenset(text.split())
    for name, text in {
        "grade": "grade grades graded grading rating ratings rated score scores scored "
        "judgement judgements judgment judged bad breakdown",
        # Weaker: these also ask about the letters' text ("conception rate", "GCSE results").
        "weak_grade": "rate result results assessment assessments assessed perform performs "
        "performed performing performance performer get got given do did done doing managed",
        "compare": "vs v versus compare compared comparison against than stack",
        "change": "improve improved improving improvement better worse drop dropped decline "
        "declined fell fall rise rose trend trajectory history moved move changed change "
        "slide downhill keep kept progress",
        "order_best": "best top highest strongest greatest",
        "order_worst": "worst lowest weakest bottom",
        "sort": "first ranking rankings rank ranked league table order sort sorted",
        "plural": "councils authorities las everyone anyone anybody who list all every anywhere "
        "everywhere",
        "yesno": "did was were is are has have does do any anything could can",
        "about": "mean means meaning meant stand stands difference differ differs scale scales "
        "points possible why explain definition called term separately separate include "
        "includes included csci",
        "text": "say said says saying mention mentions mentioned comment comments commented "
        "describe described write wrote written report reported",
        "latest": "latest recent current last newest",
        "letters": "letter letters",
        "how_many": "many",
    }.items()
}
CUE_WORDS = frozenset().union(*CUES.values())
APA_WORDS = frozenset({"apa", "apas"})
CSA_WORDS = frozenset({"csa", "csas"})
# Words that carry nothing for any slot or cue: function words and chat.
FILLER = (
    frozenset(
        "a an the of in on for to at by from with and or but if so as it its it's this that these "
        "those there their they them he she his her we our us i me my you your what which how when "
        "where whats hows s t please pls plz thanks thank ok okay so like just really actually "
        "anyone know tell show give list me find need want looking look would could should about "
        "back around overall year years area areas outcome outcomes council authority la lad "
        "local children childrens child young people services service ofsted hi hello hey "
        "lol haha um uh er any all every each there here one ones both same match matched "
        "matching either neither not no yes only just also too very much more most less least "
        "n vs etc im ive id been being be am then than across period time over whole "
        "briefing tomorrow today asap quick question wondering curious interested "
        "else other others possible right wrong true false up down go went come came out had "
        "store null undefined none nan test testing hmm full annual breakdown since until into "
        "between before after from anyway anyhow so basically cant dont wont isnt didnt doesnt "
        "wasnt arent werent hasnt havent can't don't".split()
    )
    | TYPE_WORDS
)


@dataclass
class _Scan:
    sides: list[Side] = field(default_factory=list)
    ambiguous: list[tuple[str, tuple[CouncilRecord, ...]]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    span: bool = False
    areas: list[str] = field(default_factory=list)
    grades: set[int] = field(default_factory=set)
    csa_wording: bool = False
    alternatives: bool = False  # "a 2 or a 3": which of two grades, not a filter
    cues: set[str] = field(default_factory=set)
    rest: list[tuple[int, str]] = field(default_factory=list)  # (position, original word)
    used: set[int] = field(default_factory=set)
    names: list[range] = field(default_factory=list)  # where each council name was written
    side_at: list[int] = field(default_factory=list)  # where each of ``sides`` was written
    year_at: list[tuple[int, int]] = field(default_factory=list)  # (position, year)


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The reader's words, and the same words with their original capitals."""
    shown = re.sub(r"'s\b", "", text.replace("\u2019", "'"), flags=re.I)
    shown = re.sub(r"(?<=s)'(?=\s|$)", "", shown).replace("&", " and ").replace("'", "")
    original = re.findall(r"[A-Za-z0-9\u00c0-\u024f]+", shown)
    folded = [
        unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode().lower() or w.lower()
        for w in original
    ]
    return [CHAT.get(w, w) for w in folded], original


# Chat spellings of the words the rules read.
CHAT = {"u": "you", "ur": "your", "r": "are", "wot": "what", "wat": "what", "whos": "who"}


def _year(token: str, before: str, after: str = "") -> int | None:
    if re.fullmatch(r"(?:19|20)\d\d", token):
        return int(token)
    if (
        re.fullmatch(r"\d\d", token)
        and TWO_DIGIT_YEARS[0] <= int(token) <= TWO_DIGIT_YEARS[1]
        and before not in NOT_GRADE_BEFORE
        and after not in NOT_YEAR_AFTER
    ):
        return 2000 + int(token)  # "'07", "08": two-digit years
    return None


# Two-digit numbers read as years: the archive's years and one either side (a question about
# 2004 or 2012 gets told there is no letter); "13 to 19 year olds" is not 2013.
TWO_DIGIT_YEARS = (FIRST_YEAR % 100 - 1, LAST_YEAR % 100 + 1)
NOT_YEAR_AFTER = frozenset("year years olds old months weeks days per percent %".split())


def _scan(tokens: list[str], shown: list[str], names: Gazetteer) -> _Scan:
    s = _Scan()
    i = 0
    while i < len(tokens):
        tok, before = tokens[i], tokens[i - 1] if i else ""
        year = _year(tok, before, _after_number(tokens, i))
        if year is not None:
            s.years.append(year)
            s.year_at.append((i, year))
            i += 1
            continue
        named = names.match(tokens, i)
        area = _longest(AREA_TABLE, tokens, i)
        if (
            named
            and not (area and area[0] >= named[0])
            and _names_a_council(tokens, shown, i, named[0])
        ):
            n, entry = named
            text = " ".join(shown[i : i + n])
            if len(entry.councils) == 1:
                s.sides.append(Side(entry.councils[0], text))
                s.side_at.append(i)
            else:
                s.ambiguous.append((text, entry.councils))
            s.used.update(range(i, i + n))
            s.names.append(range(i, i + n))
            i += n
            continue
        area = area or (_area_typo_at(tokens, i) if tok not in FILLER else None)
        if area:  # written right ("staying safe") or with a slip ("capcity to improve")
            n, value = area
            if value not in s.areas:
                s.areas.append(value)
            s.used.update(range(i, i + n))
            i += n
            continue
        step = _grade_at(tokens, i, s)
        if step:
            s.used.update(range(i, i + step))
            i += step
            continue
        if tok in APA_WORDS:
            s.cues.add("apa")
        elif tok in CSA_WORDS:
            s.cues.add("csa")
        else:
            hit = [name for name, cue in CUES.items() if tok in cue]
            s.cues.update(hit)
            if not hit and tok not in FILLER:
                s.rest.append((i, shown[i]))
        i += 1
    _spans(tokens, s)
    return s


def _after_number(tokens: list[str], i: int) -> str:
    """The word after a number, skipping a range's other end ("13 to 19 year olds")."""
    rest = tokens[i + 1 : i + 4]
    if len(rest) >= 3 and rest[0] == "to" and rest[1].isdigit():
        return rest[2]
    return rest[0] if rest else ""


def _names_a_council(tokens: list[str], shown: list[str], i: int, n: int) -> bool:
    """An everyday word that is also a council's name ("reading") names it only in capitals."""
    return n > 1 or tokens[i] not in EVERYDAY_NAMES or shown[i][:1].isupper()


def _longest(table: dict, tokens: list[str], i: int) -> tuple[int, object] | None:
    for n in range(min(6, len(tokens) - i), 0, -1):
        value = table.get(tuple(tokens[i : i + n]))
        if value is not None:
            return n, value
    return None


def _grade_at(tokens: list[str], i: int, s: _Scan) -> int:
    """Words used by a grade at ``tokens[i]`` (0: none), adding it to the filter."""
    phrase = _longest(GRADE_PHRASES, tokens, i)
    if phrase:
        s.grades |= phrase[1]
        return phrase[0]
    tok = tokens[i]
    before = tokens[i - 1] if i else ""
    after = tuple(tokens[i + 1 : i + 3])
    for cmp_words, pick in ((BELOW, "lt"), (ABOVE, "gt")):
        for w in cmp_words:
            if tuple(tokens[i : i + len(w)]) == w:
                g = _grade_value(tokens, i + len(w), w[-1])
                if g is not None:
                    value, used = g
                    s.grades |= set(range(1, value)) if pick == "lt" else set(range(value + 1, 5))
                    return len(w) + used
    g = _grade_value(tokens, i, before)
    if g is None:
        return 0
    value, used = g
    if tok in CSA_ADVERBS:
        s.csa_wording = True
    if tok == "good" and after[:2] == ("or", "bad"):
        s.cues.add("grade")
        return used + 2
    tail = tuple(tokens[i + used : i + used + 2])
    if tail in AT_LEAST:
        s.grades |= set(range(value, 5))
        return used + 2
    if tail in AT_MOST:
        s.grades |= set(range(1, value + 1))
        return used + 2
    if before in ("least",):
        s.grades |= set(range(value, 5))
    elif before in ("most",):
        s.grades |= set(range(1, value + 1))
    else:
        digits = tok.isdigit() and any(str(g) in tokens[max(0, i - 3) : i] for g in s.grades)
        if digits and ("or" in tokens[max(0, i - 2) : i]):
            s.alternatives = True  # "a 2 or a 3": which of two grades, not a filter
        s.grades.add(value)
    return used


def _grade_value(tokens: list[str], i: int, before: str = "") -> tuple[int, int] | None:
    """(grade, words used) for a grade word or a digit in a grade's context at ``i``."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if tok in GRADE_WORDS:
        if tok == "well" and before not in ("perform", "performs", "performed", "performing"):
            return None  # "as well", "well above": only "performs well" is a grade
        return GRADE_WORDS[tok], 1
    digit = re.fullmatch(r"([1-4])s?", tok)
    if not digit:
        return None
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    grade_context = (
        before in GRADE_BEFORE
        or tok.endswith("s")
        or after in ("for", "overall", "or", "in", "and")
        and before not in NOT_GRADE_BEFORE
    )
    if before in NOT_GRADE_BEFORE or not grade_context:
        return None
    return int(digit.group(1)), 1


def _spans(tokens: list[str], s: _Scan) -> None:
    """'2007 to 2011', 'between 2006 and 2008', 'since 2007', 'before 2008': each span's
    years stand where it was written, so a council takes the span written after it."""
    spans = _ranges(tokens) or _open_span(tokens)
    if not spans:
        return
    kept = [(p, y) for p, y in s.year_at if not any(a <= p < b for a, b, _ in spans)]
    s.year_at = sorted(kept + [(a, y) for a, _, years in spans for y in years])
    s.years = list(dict.fromkeys(y for _, y in s.year_at))
    s.span = True


SPAN_WORDS = frozenset("to until till through thru".split())


def _ranges(tokens: list[str]) -> list[tuple[int, int, range]]:
    """Every 'Y1 to Y2' and 'between Y1 and Y2': (first position, after the last, years)."""
    found, i = [], 0
    while i < len(tokens):
        ends = None
        if i + 2 < len(tokens) and tokens[i + 1] in SPAN_WORDS:
            ends, width = (tokens[i], tokens[i + 2]), 3
        elif tokens[i] == "between" and i + 3 < len(tokens) and tokens[i + 2] == "and":
            ends, width = (tokens[i + 1], tokens[i + 3]), 4
        years = [_span_year(t) for t in ends] if ends else [None]
        if None in years:
            i += 1
            continue
        lo, hi = sorted(years)
        found.append((i, i + width, range(lo, hi + 1)))
        i += width
    return found


def _open_span(tokens: list[str]) -> list[tuple[int, int, range]]:
    """The first 'since Y' or 'after Y' (to the last year), else 'before Y' (from the first)."""
    for i, tok in enumerate(tokens[:-1]):
        year = _span_year(tokens[i + 1])
        if tok in ("since", "after") and year is not None:
            start = year + (tok == "after")
            return [(i, i + 2, range(max(start, FIRST_YEAR), LAST_YEAR + 1))]
    for i, tok in enumerate(tokens[:-1]):
        year = _span_year(tokens[i + 1])
        if tok == "before" and year is not None:
            return [(i, i + 2, range(FIRST_YEAR, min(year, LAST_YEAR + 1)))]
    return []


def _span_year(token: str) -> int | None:
    """A span's end: four digits from 19xx or 20xx, or two that could be one of our years."""
    if not re.fullmatch(r"(?:19|20)?\d\d", token) or not _plausible(token):
        return None
    return _full_year(token)


def _plausible(token: str) -> bool:
    return len(token) == 4 or TWO_DIGIT_YEARS[0] <= int(token) <= TWO_DIGIT_YEARS[1]


def _full_year(token: str) -> int:
    return int(token) if len(token) == 4 else 2000 + int(token)


# -- reading -----------------------------------------------------------------------------------


def read(raw: str, names: Gazetteer, is_word: Callable[[str], bool] = lambda w: False) -> Reading:
    """The structured reading of a question. ``is_word`` says whether the letters use a word:
    such words are a passage search's words, never a council's name."""
    cleaned = clean(raw)
    text = _own_question(cleaned, names)
    if not text or HELP.match(text):
        return Reading(text, Op.HELP)
    trimmed = text != cleaned or len(raw or "") > MAX_CHARS
    forced = bool(SEARCH_PREFIX.match(text)) or _quotes_a_phrase(text, names)
    body = SEARCH_PREFIX.sub("", text)
    tokens, shown = _tokens(body)
    s = _scan(tokens, shown, names)
    rest = _typos(s, tokens, names, is_word)
    unknown = tuple(w for w in rest if not is_word(w.lower()) and len(w) >= 3 and w.isalpha())
    topic = [w for w in rest if w.isalpha() and len(w) > 1 and is_word(w.lower())]
    # One regime named restricts to its letters; both named ("the apa and csa scales"), neither.
    scale = {frozenset({"apa"}): LetterKind.APA, frozenset({"csa"}): LetterKind.CSA}.get(
        frozenset(s.cues & {"apa", "csa"})
    )
    if scale is None and s.csa_wording and s.grades:
        scale = LetterKind.CSA
    years = tuple(dict.fromkeys(s.years))
    if scale and not years and ("years" in tokens or "letters" in tokens):
        years = tuple(REGIME_YEARS[scale])
    reading = Reading(
        text,
        sides=_share_years(_own_years(s), years),
        ambiguous=tuple(s.ambiguous),
        unknown=unknown if not s.sides and not _across(s.cues) else (),
        unread=unknown if s.sides or _across(s.cues) else (),
        years=years,
        span=s.span,
        areas=tuple(s.areas),
        any_area=_any_area(tokens),
        grades=frozenset() if s.alternatives else frozenset(s.grades),
        scale=scale,
        order=Order.BEST
        if "order_best" in s.cues
        else Order.WORST
        if "order_worst" in s.cues
        else _which_of(tokens)
        if len(s.areas) >= 2 and len(s.sides) == 1
        else None,
        sort_all="sort" in s.cues or _sorted_phrase(tokens),
        latest="latest" in s.cues,
        unit=_unit(tokens),
        search_words=_search_words(body, s, tokens, forced),
        cues=frozenset(s.cues),
        words=tuple(tokens),
        topic=tuple(topic),
        leftover=sum(1 for w in rest if w.isalpha()),
        trimmed=trimmed,
    )
    return replace(reading, op=decide(reading, forced))


def _across(cues: set[str]) -> bool:
    """A question across councils ("who...", "the worst...") names no council: its left-over
    words are not taken for unknown names."""
    return bool(cues & {"plural", "order_best", "order_worst", "sort"})


def _own_question(text: str, names: Gazetteer) -> str:
    """'... tell me Birmingham got a 4. anyway what was Bham overall in 2007': when the last
    of several sentences asks a question and names a council of its own, it is the question
    and the sentences before it are context (or an attempt to steer the answer)."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", text) if x.strip()]
    if len(sentences) < 2 or not ASKS.search(sentences[-1]):
        return text
    tokens, shown = _tokens(sentences[-1])
    own = _scan(tokens, shown, names)
    return sentences[-1] if own.sides and (own.years or own.areas) else text


def _own_years(s: _Scan) -> list[Side]:
    """The councils in the order written (a misspelt one found after the rest), each with
    the years written after it and before the next council: "birmingam 2007 vs leeds 2008"."""
    order = sorted(range(len(s.sides)), key=s.side_at.__getitem__)
    starts = [*(s.side_at[k] for k in order), float("inf")]
    return [
        replace(
            s.sides[k],
            years=tuple(y for p, y in s.year_at if starts[j] < p < starts[j + 1]),
        )
        for j, k in enumerate(order)
    ]


def _share_years(sides: list[Side], years: tuple[int, ...]) -> tuple[Side, ...]:
    """'slough vs birmingham 2011': years written before any council, or after the last with
    none of its own, are every year-less side's; a side still without years takes its
    neighbour's ('slough 2007 to 2009 vs leeds': Leeds over the same years)."""
    if len(sides) < 2:
        return tuple(sides)
    own = {y for side in sides for y in side.years}
    free = tuple(y for y in years if y not in own)
    if free:
        sides = [side if side.years else replace(side, years=free) for side in sides]
    filled = []
    for i, side in enumerate(sides):
        before = [o.years for o in sides[:i] if o.years]
        after = [o.years for o in sides[i + 1 :] if o.years]
        near = before[-1] if before else after[0] if after else ()
        filled.append(side if side.years else replace(side, years=near))
    return tuple(filled)


def _typos(s: _Scan, tokens: list[str], names: Gazetteer, is_word) -> list[str]:
    """Left-over words tried as misspelt council names (runs of up to three); the rest."""
    rest = list(s.rest)
    out: list[str] = []
    i = 0
    while i < len(rest):
        pos, word = rest[i]
        found = None
        for n in range(min(MAX_GRAM, len(rest) - i), 0, -1):
            run = rest[i : i + n]
            if any(run[k][0] != pos + k for k in range(n)):
                continue  # not consecutive in the question
            phrase = " ".join(tokens[p] for p, _ in run)
            if n == 1 and (is_word(phrase) or phrase in EVERYDAY_NAMES):
                continue
            councils = names.fuzzy(phrase)
            if len(councils) == 1:
                found = (n, Side(councils[0], " ".join(w for _, w in run), typo=True))
                break
        if found:
            n, side = found
            s.sides.append(side)
            s.side_at.append(pos)
            i += n
            continue
        out.append(word)
        i += 1
    return out


AREA_PHRASE_KEYS = {" ".join(key): area for key, area in AREA_TABLE.items()}
MIN_AREA_TYPO = 6  # "capcity", "saftey": shorter area words ("ss", "bh") are abbreviations


def _area_typo_at(tokens: list[str], i: int) -> tuple[int, str] | None:
    """An area's name typed with a slip ("capcity to improve", "stayng safe"): the longest
    run of words within one edit (two for long names) of one area's form."""
    for n in range(min(4, len(tokens) - i), 0, -1):
        phrase = " ".join(tokens[i : i + n])
        if len(phrase) < MIN_AREA_TYPO or phrase in AREA_PHRASE_KEYS:
            continue
        allowed = 1 if len(phrase) < 10 else 2
        hits = {
            area
            for key, area in AREA_PHRASE_KEYS.items()
            if len(key) >= MIN_AREA_TYPO and key.count(" ") == n - 1 and typo(key, phrase, allowed)
        }
        if len(hits) == 1 and not all(t in CUE_WORDS or t in FILLER for t in tokens[i : i + n]):
            return n, hits.pop()
    return None


def _quotes_a_phrase(text: str, names: Gazetteer) -> bool:
    """A quoted phrase forces a passage search, unless the quote is only a name or an area
    ("stay safe" in quotes marks the term, it does not ask for the words)."""
    for quoted in re.findall(r"\"([^\"]{2,})\"|(?<!\w)'([^']{3,})'(?!\w)", text):
        phrase = words(quoted[0] or quoted[1])
        whole = len(phrase)
        named = names.match(phrase, 0)
        area = _longest(AREA_TABLE, phrase, 0)
        if not ((named and named[0] == whole) or (area and area[0] == whole)):
            return True
    return False


def _any_area(tokens: list[str]) -> bool:
    text = " ".join(tokens)
    return bool(
        re.search(
            r"\b(?:for|in|on|at) (?:anything|any area|everything|any of)\b|"
            r"\bany (?:grade|area|judgement|rating)s?\b|\banything\b|^any\b|"
            r"\bany \w+ (?:grades|areas|ratings)\b",
            text,
        )
    )


def _sorted_phrase(tokens: list[str]) -> bool:
    text = " ".join(tokens)
    return bool(re.search(r"\b(?:best|worst) to (?:best|worst)\b|\bstack up\b|\bleague\b", text))


def _unit(tokens: list[str]) -> str:
    text = " ".join(tokens)
    m = re.search(r"\bhow many (\w+)", text)
    if not m:
        return ""
    word = m.group(1)
    if word in ("letters", "letter", "assessments"):
        return "letters"
    if word in ("areas", "outcomes", "grades", "judgements") or re.fullmatch(r"[1-4]s", word):
        return "areas"
    if word in GRADE_WORDS or word in ("of",):
        return "areas"
    return "councils"


def _search_words(body: str, s: _Scan, tokens: list[str], forced: bool = False) -> str:
    """The question without its first council's name and its years: what a passage search
    looks for. Other councils named are the subject ("... splitting into Bedford and ...")."""
    later = {i for span in s.names[1:] for i in span}
    first = set(s.names[0]) if s.names else set()
    if forced:  # quoted or "search:": every word but the first council's name is searched
        kept = [t for i, t in enumerate(tokens) if i not in first]
    else:
        kept = [
            t for i, t in enumerate(tokens) if i not in s.used or i in later or _is_area_word(t)
        ]
    kept = [t for t in kept if not re.fullmatch(r"(?:19|20)?\d\d", t)]
    return " ".join(kept)


def _is_area_word(token: str) -> bool:
    return any(token in key for key in AREA_TABLE) and len(token) > 3


TOPIC_SHARE = 0.5  # a question is about the letters' text when half its other words are topics
MIN_TOPIC_OVER_CUES = 2  # two topic words outweigh a cue word such as "improvement"


def decide(r: Reading, forced: bool = False) -> Op:
    """The operation, from the slots filled and the cue words: the rules in order."""
    cues, tokens, topic = r.cues, list(r.words), list(r.topic)
    text = " ".join(tokens)
    councils = r.councils
    slots = bool(councils or r.ambiguous or r.areas or r.years or r.grades or r.scale)
    if forced:
        return Op.SEARCH
    if not councils and not r.ambiguous and _asks_about(text, cues, r):
        return Op.ABOUT
    if r.unknown and not (slots or topic or cues & {"grade", "weak_grade"} or "council" in tokens):
        return Op.HELP  # a lone unknown word ("asdfghjkl") asks nothing
    slots = slots or bool(r.unknown)
    if not slots and not topic and not (cues & {"order_best", "order_worst", "plural"}):
        return Op.HELP  # only chat and cue words: nothing to look up or search for
    if "text" in cues or (tokens[:1] == ["why"] and councils):
        return Op.SEARCH
    if ("how_many" in cues and "how" in tokens) or re.search(r"\b(?:number|no) of\b", text):
        return Op.COUNT
    if (
        len(councils) >= 2
        or (len(councils) == 1 and "compare" in cues and len(r.years) >= 2 and "change" not in cues)
        or (len(r.sides) >= 2 and len({s.years for s in r.sides}) > 1)
    ):
        return Op.COMPARE
    if len(councils) == 1:
        if len(r.areas) >= 2 and len(r.years) <= 1 and _which_of(tokens):
            return Op.LOOKUP  # "which was better, A or B?": one letter's areas, by grade
        if len(r.areas) >= 2 and _relates_two(text, cues):
            return Op.YESNO
        if r.areas and ABOVE_THE_REST.search(text):
            return Op.YESNO  # "was its being healthy better than all other areas?"
        if len(topic) >= MIN_TOPIC_OVER_CUES and _is_topic(r) and "grade" not in cues:
            return Op.SEARCH  # "interim director improvement board": the words outweigh a cue
        if "change" in cues or (r.span and len(r.years) > 1) or _over_time(text):
            return Op.CHANGE
        if _yes_no(tokens, cues, r) or (r.areas and r.grades):
            return Op.YESNO
        if _is_topic(r) and "grade" not in cues:
            return Op.SEARCH
        return Op.LOOKUP
    if r.unknown and _is_topic(r) and not (r.areas or r.years or r.grades):
        return Op.SEARCH  # "private fostering": a word the letters use is the subject
    if r.ambiguous or r.unknown:
        return Op.LOOKUP  # answered by asking which, or by saying the name is not known
    across = bool(cues & {"plural", "order_best", "order_worst"})
    weighty = len(topic) >= MIN_TOPIC_OVER_CUES and _is_topic(r)
    if topic and not across and (weighty or not (r.grades or "grade" in cues)):
        return Op.SEARCH  # "Healthy Schools status", "outstanding fostering and adoption"
    if r.areas or r.years or r.grades or across or "grade" in cues:
        return Op.RANK
    return Op.SEARCH


def _asks_about(text: str, cues: frozenset[str], r: Reading) -> bool:
    """A question about the scheme, not about a council's grade."""
    if "about" in cues or ("compare" in cues and "plural" not in cues):
        return True  # a comparison that names no council compares the scales
    if (
        r.grades
        and not (r.areas or r.years or r.topic or r.unknown)
        and not cues - {"grade", "yesno", "weak_grade"}
    ):
        return True  # "grade 3?", "is outstanding good": what a grade means
    if re.search(
        r"\b(?:what is|what are|whats|what s|who (?:issued|publishes|published|wrote|writes)|"
        r"which years|what years|which year (?:does|do|is|would)|"
        r"years (?:does|do) (?:the store|you) cover|do you (?:have|hold)|"
        r"you have letters|(?:have|hold|got) you got|have you got|was there an?|is there an?|"
        r"school inspections?)\b",
        text,
    ):
        return True
    if (
        re.search(
            r"\b(?:what|which) (?:areas|outcomes|things)? ?(?:did|do|does|were|was|got)\b.*"
            r"\bletters\b",
            text,
        )
        and not r.grades
        and "text" not in cues  # "what did the 2011 letters say about ...": a search
    ):
        return True
    if re.search(
        r"\bis (?:grade )?[1-4] (?:good|bad|best|worst|the best|a pass|a fail)\b|"
        r"\bis (?:outstanding|good|adequate|inadequate) (?:a )?(?:pass|fail|good|bad)\b|"
        r"\bgrade [1-4] (?:means?|=)|\bhow many points\b|\b(?:top|lowest|highest|best|"
        r"worst) (?:grade|rating|score)s? (?:you can|possible|there is)\b|"
        r"\b(?:lowest|highest|top|worst|best) (?:grade|rating) possible\b",
        text,
    ):
        return True
    return False


ABOVE_THE_REST = re.compile(
    r"\b(?:higher|better|stronger|lower|worse|weaker) than (?:all|any|every|anything|"
    r"everything|the rest|the others?|its other|other)\b"
)


# "which was better, staying safe or being healthy?": one of the areas named, by a comparative
# (not "was staying safe better than being healthy?", a yes/no).
WHICH_OF = re.compile(r"\bwhich\b(?!.*\bthan\b).*\b(better|stronger|higher|worse|weaker|lower)\b")
BETTER = frozenset({"better", "stronger", "higher"})


def _which_of(tokens: list[str]) -> Order | None:
    m = WHICH_OF.search(" ".join(tokens))
    if m is None:
        return None
    return Order.BEST if m.group(1) in BETTER else Order.WORST


def _relates_two(text: str, cues: frozenset[str]) -> bool:
    return bool(
        re.search(
            r"\b(?:match|matched|same|both|than|equal|as|below|above|under|"
            r"over|higher|lower|better|worse)\b",
            text,
        )
    )  # "compare its A and B" asks for both grades side by side: a lookup, not a yes/no


def _over_time(text: str) -> bool:
    return bool(
        re.search(
            r"\bover (?:time|the years|the period)\b|\byear by year\b|"
            r"\bup or down\b|\bacross the (?:apa|csa)? ?years\b|\bsince\b",
            text,
        )
    )


def _yes_no(tokens: list[str], cues: frozenset[str], r: Reading) -> bool:
    text = " ".join(tokens)
    if re.search(r"\b(?:or not|anything|both|same grade|any grade)\b|^any\b", text):
        return True
    verbs = CUES["yesno"] - {"any", "anything", "could", "can"}
    return bool(r.grades or r.order) and any(
        t in verbs and (i == 0 or i == _after_names(r)) for i, t in enumerate(tokens)
    )


def _after_names(r: Reading) -> int:
    """Where the question proper starts after a leading "Surrey 2005," (-1: no such lead)."""
    lead = 0
    for t in r.words:
        if t.isdigit() or any(t in words(s.text) for s in r.sides):
            lead += 1
        else:
            break
    return lead or -1


def _is_topic(r: Reading) -> bool:
    """Whether the words left over are mostly words the letters use (not foreign or unknown)."""
    return bool(r.topic) and len(r.topic) >= TOPIC_SHARE * r.leftover
