"""Hand-built answers of every kind, for the renderer's golden files (independent of the engine)."""

from dataclasses import replace

from retrieval.answer import Answer, Cited, Context, Finding, Source, Verdict
from store.vocabulary import LetterKind, grade_label, grade_phrase

APA = Source(
    "Birmingham",
    LetterKind.APA,
    2007,
    "2007 ANNUAL PERFORMANCE ASSESSMENT … BIRMINGHAM",
    "2007-11-26",
    "Staying Safe Grade 2",
    "001.txt",
)
CSA = Source(
    "Birmingham",
    LetterKind.CSA,
    2011,
    "Birmingham City Council children’s services assessment",
    None,
    "Children's services assessment",
    "000.txt",
)


def finding(
    area: str,
    label: str,
    grade: int,
    source: Source = APA,
    council: str = "Birmingham",
    quote: str = "The contribution of the council's services … in this aspect is adequate.",
) -> Finding:
    """A finding cited to its own council's letter and, in an APA letter, its own section."""
    section = label if source.kind == LetterKind.APA else source.section
    source = replace(source, authority=council, section=section)
    if council != "Birmingham":
        source = replace(source, title=source.title.replace("Birmingham", council))
    grade_text = (
        grade_phrase(source.kind, grade) if source.kind == LetterKind.CSA else (f"Grade {grade}")
    )
    return Finding(
        council,
        source.year,
        source.kind,
        area,
        label,
        grade,
        grade_label(source.kind, grade),
        grade_text,
        quote,
        source,
    )


def cited(pid: int, text: str, source: Source = APA) -> Cited:
    return Cited(
        pid, text, 3.25, source.authority, source.year, source.kind, source.section, source
    )


SAFE = finding("staying_safe", "Staying safe", 2)
POOR = finding(
    "overall",
    "Overall effectiveness",
    1,
    CSA,
    quote="Children’s services in Birmingham City Council perform poorly.",
)
TRICKY = (
    "Partners <!channel> & <@U0SOMEONE> agree: @here the <b>rate</b> of re-referrals "
    "is > 20% & falling <#C0GENERAL|general> <https://evil.example|click>."
)

ANSWERS: dict[str, Answer] = {
    "grade": Answer(
        "grade",
        "what was Birmingham's staying safe grade in 2007?",
        "Birmingham's Staying safe grade in its 2007 annual performance assessment "
        "letter was Grade 2 (adequate).",
        (SAFE,),
        context=Context("Birmingham", (2007,), "staying_safe", "grade"),
    ),
    "grades": Answer(
        "grades",
        "Birmingham 2007 grades",
        "Birmingham: 2007 annual performance assessment: 3 graded area(s).",
        (
            finding("overall", "Overall effectiveness", 3, quote="Good overall."),
            finding("being_healthy", "Being healthy", 2, quote="Adequate health."),
            SAFE,
        ),
        context=Context("Birmingham", (2007,), None, "grades"),
    ),
    "trend": Answer(
        "trend",
        "How has Birmingham's overall rating changed?",
        "Birmingham, Overall effectiveness: 2007: Grade 3 (good); 2011: Performs poorly (1).",
        (finding("overall", "Overall effectiveness", 3, quote="Good overall."), POOR),
        context=Context("Birmingham", (), "overall", "trend"),
    ),
    "table": Answer(
        "table",
        "Which councils performed poorly in 2011?",
        "2 council(s) graded 1 for Overall effectiveness in 2011.",
        (
            POOR,
            finding(
                "overall",
                "Overall effectiveness",
                1,
                CSA,
                "Doncaster & Co",
                quote="Perform poorly.",
            ),
        ),
        context=Context(None, (2011,), None, "table"),
    ),
    "passages": Answer(
        "passages",
        "privately fostered <!here> children",
        "Passages that best match 'privately fostered children', ranked by BM25.",
        passages=(
            cited(
                11,
                "Arrangements for privately fostered children are "
                "adequate.\nThey are reviewed yearly.",
            ),
            cited(12, TRICKY, CSA),
        ),
        context=Context(None, (), None, "search", "privately fostered children"),
        offset=5,
        more=True,
    ),
    "not_found": Answer(
        "not_found",
        "Birmingam 2007 grades",
        "No English children's services authority is called 'Birmingam'. Did you mean Birmingham?",
        options=("Birmingham",),
        context=Context(None, (2007,), None, "grades"),
    ),
    "no_grade": Answer(
        "no_grade",
        "Birmingham staying safe 2011",
        "Birmingham's 2011 letter does not grade Staying safe: children's "
        "services assessments (2009-2011) give a single overall rating. Its "
        "overall rating was Performs poorly (1).",
        (POOR,),
        (cited(40, "Safeguarding services are inadequate.", CSA),),
        context=Context("Birmingham", (2011,), "staying_safe", "grade"),
    ),
    "clarify": Answer(
        "clarify",
        "Bedford 2008",
        "Bedford was not a children's services authority in 2008. Which did you mean?",
        options=("Bedfordshire", "Bedford"),
        choices=("Bedfordshire 2008", "Bedford 2008"),
    ),
    "help": Answer(
        "help",
        "help",
        "I answer questions about Ofsted's letters on councils' children's services, 2005-2011.",
        options=(
            "what was Birmingham's Staying Safe grade in 2007?",
            "privately fostered children",
        ),
    ),
    "compare": Answer(
        "compare",
        "birmingham 2007 vs 2011 overall",
        "Overall effectiveness: Birmingham 2007: Grade 3 (good); Birmingham 2011: Performs "
        "poorly (1). These are different assessments: APA grades (2005-2008) and CSA ratings "
        "(2009-2011) judge different things, though 4 is best on both.",
        (finding("overall", "Overall effectiveness", 3, quote="Good overall."), POOR),
        context=Context("Birmingham", (2007, 2011), "overall", "grades"),
        read_as="Read as: Birmingham · overall effectiveness · 2007, 2011 · compare",
        verdict=Verdict.DIFFERENT,
    ),
    "yesno": Answer(
        "yesno",
        "anything below adequate for birmingham 2007?",
        "No: Birmingham's 2007 letter gives Being healthy Grade 2 (adequate); Staying safe "
        "Grade 2 (adequate).",
        (finding("being_healthy", "Being healthy", 2, quote="Adequate health."), SAFE),
        context=Context("Birmingham", (2007,), None, "grades"),
        read_as="Read as: Birmingham · any area · grade 1 · 2007 · yesno",
    ),
    "count": Answer(
        "count",
        "how many councils performed poorly in 2011",
        "2 of the 2 councils held for 2011 were graded 1 for Overall effectiveness.",
        (POOR,),
        context=Context(None, (2011,), None, "table"),
        read_as="Read as: grade 1 · 2011 · CSA letters · count",
    ),
    "about": Answer(
        "about",
        "is grade 4 good?",
        "Grade 4 is outstanding in an APA letter (well above minimum requirements) and "
        "\u201cPerforms excellently (4)\u201d in a CSA letter.",
        read_as="Read as: grade 4 · about",
    ),
}
