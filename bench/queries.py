"""The benchmark's question sets, drawn with a fixed seed from the manifest and the store.

* grade   "what was X's staying safe grade in 2007?" and variants; one council-year letter each,
          mostly an area that letter grades (so the answer can be checked against the
          manifest), sometimes one it does not (the engine answers "not graded", which runs a
          scoped passage search).
* trend   "how has X's overall rating changed since 2005?" and variants.
* table   "which councils performed poorly in 2010?" and variants.
* search  2-5 content words taken in order from a random passage (so common words are drawn
          as often as they occur), run unscoped through ``Answerer.search``.
"""

import random
import re
from dataclasses import dataclass, field

from retrieval.tokenize import STOPWORDS

AREA_PHRASES = {
    "overall": ("overall rating", "overall grade", "overall effectiveness"),
    "being_healthy": ("being healthy", "Being Healthy"),
    "staying_safe": ("staying safe", "Staying Safe", "safeguarding"),
    "enjoying_and_achieving": ("enjoying and achieving",),
    "making_a_positive_contribution": ("making a positive contribution", "positive contribution"),
    "achieving_economic_wellbeing": ("economic well-being", "achieving economic wellbeing"),
    "capacity_to_improve": ("capacity to improve", "capacity"),
    "social_care": ("social care",),
    "education": ("education",),
}
GRADE_FORMS = (
    "what was {name}'s {area} grade in {year}?",
    "What grade did {name} get for {area} in {year}?",
    "{name} {area} {year}",
    "how did {name} do on {area} in {year}?",
    "{name}'s {area} in {year}?",
)
TREND_FORMS = (
    "how has {name}'s {area} changed since {year}?",
    "How has {name}'s {area} changed from {year} to {end}?",
    "{name} {area} trend",
    "{name}'s {area} over the years",
)
TABLE_FORMS = (
    ("which councils performed {csa_word} in {csa_year}?", "csa"),
    ("Which councils were rated {apa_word} for {area} in {apa_year}?", "apa"),
    ("which authorities got grade {grade} for {area} in {apa_year}?", "apa"),
    ("which councils performed {csa_word} in {csa_year}", "csa"),
)
CSA_WORDS = ("poorly", "well", "adequately", "excellently")
APA_WORDS = ("inadequate", "outstanding", "adequate", "good")


@dataclass(frozen=True)
class GradeQuestion:
    text: str
    council: str
    year: int
    area: str
    expected: int | None  # the manifest grade, or None when the letter does not grade the area


@dataclass(frozen=True)
class QuestionSets:
    grade: list[GradeQuestion]
    trend: list[str]
    table: list[str]
    search: list[str]
    # One list per operation of the question reader, to time every answer kind.
    by_op: dict[str, list[str]] = field(default_factory=dict)


COMPARE_FORMS = (
    "{a} vs {b} {year}",
    "{a} or {b}: who did better on {area}?",
    "how does {a}'s {area} compare with {b}'s",
)
YESNO_FORMS = (
    "did {a} get anything outstanding in {apa_year}?",
    "anything below adequate for {a} in {apa_year}?",
    "was {a} rated good in {year}?",
)
COUNT_FORMS = (
    "how many councils performed {csa_word} in {csa_year}?",
    "how many areas were graded adequate in {a}'s {apa_year} letter",
    "how many councils got outstanding for anything in {apa_year}",
)
RANK_FORMS = (
    "best overall council in {year}",
    "{area} league table, best first",
    "which councils were rated good or better in {apa_year}",
    "worst performer {csa_year}",
)
REASON_FORMS = ("{a} {apa_year} weakest area", "where was {a} strongest in {apa_year}")
ABOUT_FORMS = (
    "what does performs {csa_word} mean",
    "is grade {grade} good?",
    "how do the APA and CSA scales differ",
    "what are the five every child matters outcomes",
)


def build(manifest: dict, passages: list[str], n: int, seed: int) -> QuestionSets:
    rng = random.Random(f"{seed}:questions")
    letters = manifest["letters"]
    grade = [_grade_question(rng, rng.choice(letters)) for _ in range(n)]
    trend, table = [], []
    councils = sorted({item["council"] for item in letters})
    for i in range(n):
        if i % 2 == 0:
            trend.append(_trend_question(rng, rng.choice(councils)))
        else:
            table.append(_table_question(rng))
    search = [_search_text(rng, passages) for _ in range(n)]
    by_op = {
        name: [_filled(rng, forms, councils) for _ in range(n)]
        for name, forms in (
            ("compare", COMPARE_FORMS),
            ("yesno", YESNO_FORMS),
            ("count", COUNT_FORMS),
            ("rank", RANK_FORMS),
            ("reason", REASON_FORMS),
            ("about", ABOUT_FORMS),
        )
    }
    return QuestionSets(grade, trend, table, search, by_op)


def _filled(rng: random.Random, forms: tuple[str, ...], councils: list[str]) -> str:
    a, b = rng.sample(councils, 2)
    return rng.choice(forms).format(
        a=a,
        b=b,
        year=rng.randint(2005, 2011),
        apa_year=rng.randint(2005, 2008),
        csa_year=rng.randint(2009, 2011),
        csa_word=rng.choice(CSA_WORDS),
        area=rng.choice(AREA_PHRASES[rng.choice(("overall", "staying_safe", "being_healthy"))]),
        grade=rng.randint(1, 4),
    )


def _grade_question(rng: random.Random, letter: dict) -> GradeQuestion:
    graded = list(letter["grades"])
    if rng.random() < 0.8:
        area = rng.choice(graded)
    else:
        area = rng.choice(list(AREA_PHRASES))
    text = rng.choice(GRADE_FORMS).format(
        name=letter["council"], area=rng.choice(AREA_PHRASES[area]), year=letter["year"]
    )
    return GradeQuestion(text, letter["council"], letter["year"], area, letter["grades"].get(area))


def _trend_question(rng: random.Random, council: str) -> str:
    area = (
        "overall"
        if rng.random() < 0.7
        else rng.choice(("staying_safe", "being_healthy", "capacity_to_improve"))
    )
    start = rng.randint(2005, 2009)
    return rng.choice(TREND_FORMS).format(
        name=council,
        area=rng.choice(AREA_PHRASES[area]),
        year=start,
        end=rng.randint(start + 1, 2011),
    )


def _table_question(rng: random.Random) -> str:
    form, _kind = rng.choice(TABLE_FORMS)
    area = rng.choice(
        ("staying safe", "being healthy", "enjoying and achieving", "capacity to improve")
    )
    return form.format(
        csa_word=rng.choice(CSA_WORDS),
        csa_year=rng.randint(2009, 2011),
        apa_word=rng.choice(APA_WORDS),
        apa_year=rng.choice((2007, 2008)),
        area=area,
        grade=rng.randint(1, 4),
    )


def _search_text(rng: random.Random, passages: list[str]) -> str:
    for _ in range(100):
        words = [
            w
            for w in re.findall(r"[A-Za-z][a-z]{2,}", rng.choice(passages))
            if w.lower() not in STOPWORDS
        ]
        unique = list(dict.fromkeys(w.lower() for w in words))
        if len(unique) >= 2:
            count = min(len(unique), rng.randint(2, 5))
            start = rng.randint(0, len(unique) - count)
            return " ".join(unique[start : start + count])
    raise ValueError("no passage with two content words")
