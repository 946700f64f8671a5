"""The vocabulary of judgements: area keys, their labels, and the two grade scales."""

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

OUTCOME_AREAS = (
    "being_healthy",
    "staying_safe",
    "enjoying_and_achieving",
    "making_a_positive_contribution",
    "achieving_economic_wellbeing",
)

APA_LABELS = {4: "outstanding", 3: "good", 2: "adequate", 1: "inadequate"}
CSA_LABELS = {
    4: "performs excellently",
    3: "performs well",
    2: "performs adequately",
    1: "performs poorly",
}
CSA_WORDS = {"excellently": 4, "well": 3, "adequately": 2, "poorly": 1}
# Words a letter's prose uses for each APA grade ("excellent" in 2005-06, "outstanding" later).
APA_WORDS = {"outstanding": 4, "excellent": 4, "good": 3, "adequate": 2, "inadequate": 1}

KINDS = {"apa": "annual performance assessment", "csa": "children's services assessment"}
YEARS = {"apa": range(2005, 2009), "csa": range(2009, 2012)}


def grade_label(kind: str, grade: int) -> str:
    return (CSA_LABELS if kind == "csa" else APA_LABELS)[grade]


def graded_areas(kind: str, year: int) -> tuple[str, ...]:
    """The areas a letter of this kind and year grades (formats.md, section 0)."""
    if kind == "csa":
        return ("overall",)
    if year == 2005:
        return ("overall", "capacity_to_improve", "social_care", "education")
    if year == 2006:
        return ("overall", "capacity_to_improve", "social_care")
    return ("overall", *OUTCOME_AREAS, "capacity_to_improve")
