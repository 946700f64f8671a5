"""The one vocabulary of the letters: the two regimes and their years, the graded areas with
their labels and loose forms, both grade scales with their wording, and the grade phrase.

Every other module imports these; none spells a regime's years, an area's label or a grade's
wording itself (formats.md, sections 0–2, is the source).
"""

from enum import StrEnum


class LetterKind(StrEnum):
    """Which assessment a letter is: its regime."""

    APA = "apa"  # annual performance assessment, 2005–2008
    CSA = "csa"  # children's services assessment, 2009–2011


FIRST_YEAR, LAST_YEAR = 2005, 2011  # no letters before 2005; none for 2012 (formats.md §0)
REGIME_YEARS: dict[LetterKind, range] = {
    LetterKind.APA: range(FIRST_YEAR, 2009),
    LetterKind.CSA: range(2009, LAST_YEAR + 1),
}
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)
# The APA years that grade the five outcomes one by one (2005-06 letters grade fewer areas).
OUTCOME_YEARS = range(FIRST_YEAR + 2, REGIME_YEARS[LetterKind.APA][-1] + 1)
REGIME_NAMES = {
    LetterKind.APA: "annual performance assessment",
    LetterKind.CSA: "children's services assessment",
}


def span(years: range) -> str:
    """range(2005, 2009) -> "2005-2008"."""
    return f"{years[0]}-{years[-1]}"


ARCHIVE_SPAN = span(YEARS)  # "2005-2011"
# "annual performance assessments 2005-2008, children's services assessments 2009-2011"
REGIMES_IN_WORDS = ", ".join(
    f"{REGIME_NAMES[kind]}s {span(years)}" for kind, years in REGIME_YEARS.items()
)


def regime_of(year: int) -> LetterKind:
    """The regime whose letters carry ``year`` in their title."""
    return LetterKind.CSA if year >= REGIME_YEARS[LetterKind.CSA][0] else LetterKind.APA


# -- areas -----------------------------------------------------------------------------------

# In the order the letters take them, which is the order every listing uses.
AREA_LABELS: dict[str, str] = {
    "overall": "Overall effectiveness",
    "being_healthy": "Being healthy",
    "staying_safe": "Staying safe",
    "enjoying_and_achieving": "Enjoying and achieving",
    "making_a_positive_contribution": "Making a positive contribution",
    "achieving_economic_wellbeing": "Achieving economic well-being",
    "capacity_to_improve": "Capacity to improve",
    "social_care": "Social care",
    "education": "Education",
    "service_management": "Service management",
}
AREA_ORDER = {area: i for i, area in enumerate(AREA_LABELS)}

OUTCOME_AREAS = (
    "being_healthy",
    "staying_safe",
    "enjoying_and_achieving",
    "making_a_positive_contribution",
    "achieving_economic_wellbeing",
)

# Loose forms and abbreviations people type for each area, as whole words (lower case): the
# question reader matches these exactly, so each is a phrase no other area could mean.
AREA_FORMS: dict[str, tuple[str, ...]] = {
    "overall": (
        "overall",
        "overall effectiveness",
        "oe",
        "overall grade",
        "overall rating",
        "children's services",
        "childrens services",
        "children s services",
        "annual rating",
    ),
    "being_healthy": (
        "being healthy",
        "be healthy",
        "healthy",
        "bh",
        "health",
    ),
    "staying_safe": (
        "staying safe",
        "stay safe",
        "stayin safe",
        "ss",
        "safeguarding",
        "safety",
        "keeping children safe",
        "keeping safe",
    ),
    "enjoying_and_achieving": (
        "enjoying and achieving",
        "enjoy and achieve",
        "enjoy n achieve",
        "enjoy & achieve",
        "enjoying & achieving",
        "e&a",
        "e & a",
        "ea",
        "enjoying achieving",
    ),
    "making_a_positive_contribution": (
        "making a positive contribution",
        "make a positive contribution",
        "positive contribution",
        "mpc",
        "pc",
        "making positive contribution",
    ),
    "achieving_economic_wellbeing": (
        "achieving economic well being",
        "achieving economic wellbeing",
        "economic well being",
        "economic wellbeing",
        "econ well being",
        "econ wellbeing",
        "aew",
        "ew",
        "economic",
    ),
    "capacity_to_improve": (
        "capacity to improve",
        "capacity",
        "cap to improve",
        "cti",
        "management",
    ),
    "service_management": ("service management", "management of services"),
    "social_care": ("social care", "childrens social care", "children's social care", "sc"),
    "education": ("education", "education services", "schools"),
}


def graded_as(area: str, kind: LetterKind | str, year: int) -> str:
    """The graded area that answers for ``area`` in a letter: 2007-2008 letters grade service
    management within "capacity to improve, including the management of ..." (formats.md §5)."""
    if area == "service_management" and kind == LetterKind.APA and year >= FIRST_YEAR + 2:
        return "capacity_to_improve"
    return area


def graded_areas(kind: LetterKind | str, year: int) -> tuple[str, ...]:
    """The areas a letter of this kind and year grades (formats.md, section 0)."""
    if kind == LetterKind.CSA:
        return ("overall",)
    if year == FIRST_YEAR:
        return ("overall", "capacity_to_improve", "social_care", "education")
    if year == FIRST_YEAR + 1:
        return ("overall", "capacity_to_improve", "social_care")
    return ("overall", *OUTCOME_AREAS, "capacity_to_improve")


# -- the two scales --------------------------------------------------------------------------

GRADES = (1, 2, 3, 4)  # on both scales 4 is best: the opposite of school inspection grades
APA_LABELS = {4: "outstanding", 3: "good", 2: "adequate", 1: "inadequate"}
CSA_LABELS = {
    4: "performs excellently",
    3: "performs well",
    2: "performs adequately",
    1: "performs poorly",
}
# The word after "Performs" in a CSA rating line.
CSA_WORDS = {"excellently": 4, "well": 3, "adequately": 2, "poorly": 1}
# Words a letter's prose uses for each APA grade ("excellent" in 2005-06, "outstanding" later).
APA_WORDS = {"outstanding": 4, "excellent": 4, "good": 3, "adequate": 2, "inadequate": 1}
# Words a question may use for a grade, on either scale.
GRADE_WORDS = {**APA_WORDS, **CSA_WORDS, "poor": 1}


# What each grade means: the key wording of each scale (formats.md, section 2's table).
APA_MEANINGS = {
    4: "well above minimum requirements",
    3: "consistently above minimum requirements",
    2: "only minimum requirements",
    1: "does not deliver minimum requirements",
}
CSA_MEANINGS = {
    4: "significantly exceeds minimum requirements",
    3: "exceeds minimum requirements",
    2: "meets only minimum requirements",
    1: "does not meet minimum requirements",
}


def grade_meaning(kind: LetterKind | str, grade: int) -> str:
    """ "meets only minimum requirements": what the grade says of the service."""
    return (CSA_MEANINGS if kind == LetterKind.CSA else APA_MEANINGS)[grade]


def grade_label(kind: LetterKind | str, grade: int) -> str:
    """ "adequate" (APA) or "performs poorly" (CSA)."""
    return (CSA_LABELS if kind == LetterKind.CSA else APA_LABELS)[grade]


def grade_phrase(kind: LetterKind | str, grade: int) -> str:
    """The grade as every surface prints it: "Grade 2 (adequate)" or "Performs poorly (1)"."""
    label = grade_label(kind, grade)
    if kind == LetterKind.CSA:
        return f"{label[:1].upper()}{label[1:]} ({grade})"
    return f"Grade {grade} ({label})"
