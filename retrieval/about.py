"""Answers about the scheme itself: the scales, the terms, the regimes, what the store holds.

Every fact comes from ``store.vocabulary`` (or the snapshot, for what is held). Each topic is
a set of cue words and the sentences that answer it; a question gets the topics whose cues it
shares most, so a new phrasing of a known question finds its topic by its words.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from retrieval.answer import Answer, AnswerKind
from retrieval.reading import GRADE_WORDS, Reading
from retrieval.snapshot import Snapshot
from store.vocabulary import (
    APA_LABELS,
    AREA_LABELS,
    CSA_LABELS,
    FIRST_YEAR,
    GRADES,
    LAST_YEAR,
    OUTCOME_AREAS,
    OUTCOME_YEARS,
    REGIME_NAMES,
    REGIME_YEARS,
    LetterKind,
    grade_meaning,
    grade_phrase,
    graded_areas,
    span,
)

CSA_FIRST = REGIME_YEARS[LetterKind.CSA][0]
MAX_TOPICS = 2  # a question gets its best topic, and a second only when it scores as well
MIN_SCORE = 0.3  # a topic must share at least a word with the question (weighed, below)
MIN_SCORE_WITH_MEANING = 1.5  # beside a grade's meaning, a topic needs two telling words
TIE = 0.01  # topics scoring within this of the best are answered together

APA, CSA = LetterKind.APA, LetterKind.CSA
DIRECTION = (
    "On both scales 4 is best and 1 is worst: the opposite of school inspection grades, where "
    "1 is outstanding."
)


def _scale(kind: LetterKind) -> str:
    years = span(REGIME_YEARS[kind])
    steps = "; ".join(
        f"{grade_phrase(kind, g)}: {grade_meaning(kind, g)}" for g in sorted(GRADES, reverse=True)
    )
    name = REGIME_NAMES[kind]
    return f"The {name} ({kind.upper()}, {years}) scale has 4 points: {steps}."


def _grade(grade: int) -> str:
    apa, csa = APA_LABELS[grade], CSA_LABELS[grade]
    text = (
        f"Grade {grade} is {apa} in an APA letter ({grade_meaning(APA, grade)}) and "
        f"\u201c{csa[:1].upper()}{csa[1:]} ({grade})\u201d in a CSA letter "
        f"({grade_meaning(CSA, grade)})."
    )
    if grade == max(GRADES):
        text += (
            " It is the top grade; it does not mean a service is perfect: letters graded 4 "
            "still name areas for improvement."
        )
    return text + " " + DIRECTION


def _areas_by_year(r: Reading) -> str:
    years = [y for y in r.years if FIRST_YEAR <= y <= LAST_YEAR] or list(
        range(FIRST_YEAR, LAST_YEAR + 1)
    )
    outside = [y for y in r.years if not FIRST_YEAR <= y <= LAST_YEAR]
    parts = [f"There are no {', '.join(map(str, outside))} letters"] if outside else []
    for year in years:
        kind = APA if year in REGIME_YEARS[APA] else CSA
        labels = ", ".join(AREA_LABELS[a].lower() for a in graded_areas(kind, year))
        parts.append(f"{year} letters grade {labels}")
    return "; ".join(parts) + "."


ECM = (
    "The five Every Child Matters outcomes are "
    + ", ".join(AREA_LABELS[a].lower() for a in OUTCOME_AREAS)
    + f". APA letters graded each of them in {span(OUTCOME_YEARS)}."
)
NO_AREAS = (
    f"From 2009 the children's services assessment ({span(REGIME_YEARS[CSA])}) gives a single "
    "overall rating, with strengths and areas for improvement in prose: no per-area grades. "
    f"Per-area grades exist only in the APA letters of {span(OUTCOME_YEARS)}."
)
CAPACITY = (
    "Capacity to improve is the APA judgement of whether a council can make its services "
    f"better: in {span(OUTCOME_YEARS)} \u201ccapacity to improve, including the management "
    "of services for children and young people\u201d, so service management is graded within "
    "it, not separately "
    f"({FIRST_YEAR}-{FIRST_YEAR + 1} letters discuss service management in prose). It is "
    "graded 1-4 like the rest."
)
YEARS = (
    f"The letters run from {FIRST_YEAR} to {LAST_YEAR}: APA letters {span(REGIME_YEARS[APA])}, "
    f"CSA letters {span(REGIME_YEARS[CSA])}. There was no {LAST_YEAR + 1} assessment (the duty, "
    f"section 138 of the Education and Inspections Act 2006, was repealed in {LAST_YEAR + 1}) "
    f"and none before {FIRST_YEAR}."
)
NAMES = {
    APA: f"APA stands for annual performance assessment, Ofsted's yearly judgement of a "
    f"council's children's services in {span(REGIME_YEARS[APA])}, graded 1-4.",
    CSA: f"CSA stands for children's services assessment, the single yearly rating of "
    f"{span(REGIME_YEARS[CSA])}; in {CSA_FIRST} it was called the annual rating.",
}
ISSUER = (
    "Ofsted issued the letters (jointly with CSCI, the Commission for Social Care Inspection, "
    f"in {FIRST_YEAR}-{FIRST_YEAR + 1})."
)
JAR = (
    "JAR is a joint area review: an inspection of all a council's children's services by "
    f"several inspectorates, with its own grades. In {FIRST_YEAR + 1} councils with a JAR had no "
    "APA letter; "
    "JAR grades are not APA grades."
)
SECTION_138 = (
    "Section 138 of the Education and Inspections Act 2006 required Ofsted's annual assessment "
    f"of each council's children's services; it was repealed in {LAST_YEAR + 1}."
)
DATING = (
    "A letter counts for the year in its title, not the date it was signed: a "
    f"{LAST_YEAR} assessment dated January {LAST_YEAR + 1} is a {LAST_YEAR} letter."
)
DIFFERENT = (
    "An APA grade and a CSA rating are different assessments: both use 1-4 with 4 best, but "
    "they judge different things, so compare them with care."
)
NAME_2009 = (
    f"In {CSA_FIRST} the assessment was called the annual rating of council children's "
    f"services; from {CSA_FIRST + 1} it was called the children's services assessment."
)


@dataclass(frozen=True)
class Topic:
    cues: frozenset[str]
    say: Callable[[Reading, Snapshot], str]


def _cues(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _held(_r: Reading, snap: Snapshot) -> str:
    names = ", ".join(sorted(snap.held))
    letters = sum(len(v) for v in snap.held.values())
    return f"The store holds {letters} letters for {len(snap.held)} councils: {names}."


TOPICS = (
    Topic(
        _cues("scale scales differ difference apa csa compare between"),
        lambda r, s: f"{_scale(APA)} {_scale(CSA)} {DIRECTION}",
    ),
    Topic(_cues("every child matters ecm outcomes five"), lambda r, s: ECM),
    Topic(
        _cues(f"why after {CSA_FIRST - 1} {CSA_FIRST} per area grades anymore single"),
        lambda r, s: NO_AREAS,
    ),
    Topic(_cues("capacity improve service management"), lambda r, s: CAPACITY),
    Topic(
        _cues(f"years cover covered {LAST_YEAR + 1} {FIRST_YEAR - 1} store span range there"),
        lambda r, s: YEARS,
    ),
    Topic(_cues("apa stand stands annual performance assessment acronym"), lambda r, s: NAMES[APA]),
    Topic(_cues("csa stand stands meaning services assessment"), lambda r, s: NAMES[CSA]),
    Topic(
        _cues("who issued issues issue wrote published publishes sent csci"), lambda r, s: ISSUER
    ),
    Topic(_cues("jar joint area review reviews"), lambda r, s: JAR),
    Topic(_cues("section 138 act law"), lambda r, s: SECTION_138),
    Topic(_cues("dated date january signed count counts"), lambda r, s: DATING),
    Topic(_cues("councils have hold held"), _held),
    Topic(_cues(f"called name annual rating {CSA_FIRST}"), lambda r, s: NAME_2009),
    Topic(_cues("can compare apa csa different same"), lambda r, s: DIFFERENT),
    Topic(
        _cues("best worst top lowest highest school schools like opposite points 1 4"),
        lambda r, s: DIRECTION,
    ),
    Topic(_cues("areas graded got letters outcomes"), lambda r, s: _areas_by_year(r)),
)


def about(question: str, r: Reading, snap: Snapshot) -> Answer:
    words = set(re.findall(r"[a-z0-9]+", r.text.lower()))
    # The grades asked about: numbers and the scales' wording first ("is 4 good or bad?" asks
    # about 4, not "good"); grade words only when the question names neither.
    digits = {int(d) for d in re.findall(r"(?<![\d-])\b([1-4])\b", r.text)}
    words_named = {g for w, g in GRADE_WORDS.items() if w in words}
    grades = sorted(digits or set(r.grades) or words_named)
    meaning = " ".join(_grade(g) for g in grades)
    scored = sorted(
        ((_score(t, words), i) for i, t in enumerate(TOPICS)), key=lambda x: (-x[0], x[1])
    )
    best = scored[0][0]
    floor = MIN_SCORE_WITH_MEANING if grades else MIN_SCORE
    chosen = [
        TOPICS[i] for score, i in scored[:MAX_TOPICS] if best - score < TIE and score >= floor
    ]
    parts = [meaning] + [t.say(r, snap) for t in chosen]
    message = _once(" ".join(p for p in parts if p)) or (f"{_scale(APA)} {_scale(CSA)} {DIRECTION}")
    return Answer(AnswerKind.ABOUT, question, message)


def _score(topic: Topic, words: set[str]) -> float:
    """Shared cue words, each weighed by how few topics have it: "stand" tells the APA and CSA
    names apart from the scales, which share "apa" and "csa" with them."""
    return sum(1 / CUE_TOPICS[w] for w in topic.cues & words)


def _once(text: str) -> str:
    """Each sentence once: two topics may both say which end of the scale is best."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(dict.fromkeys(x for x in sentences if x))


CUE_TOPICS = {w: sum(1 for t in TOPICS if w in t.cues) for t in TOPICS for w in t.cues}
