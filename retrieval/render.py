"""Terminal text and JSON renderings of an ``Answer`` (Slack's lives in ``bot.blocks``)."""

import csv
import io
import json
import textwrap
from dataclasses import asdict

from retrieval.answer import Answer, Cited, Finding, Graded, Source
from store.vocabulary import AREA_LABELS, YEARS, LetterKind, grade_phrase, graded_areas


def source_dict(s: Source) -> dict:
    return {
        "title": s.title,
        "date": s.date,
        "section": s.section,
        "page": s.page,
        "file": s.file,
        "url": s.url,
    }


def finding_dict(f: Finding) -> dict:
    return {
        "authority": f.authority,
        "year": f.year,
        "kind": f.kind,
        "area": f.area,
        "area_label": f.area_label,
        "grade": f.grade,
        "grade_label": f.grade_label,
        "grade_text": f.grade_text,
        "quote": f.quote,
        "source": source_dict(f.source),
    }


def passage_dict(p: Cited) -> dict:
    return {
        "text": p.text,
        "score": round(p.score, 4),
        "authority": p.authority,
        "year": p.year,
        "kind": p.kind,
        "section": p.section,
        "source": source_dict(p.source),
        "same_in": list(p.same_in),
    }


def to_dict(answer: Answer) -> dict:
    return {
        "kind": answer.kind,
        "question": answer.question,
        "message": answer.message,
        "judgements": [finding_dict(f) for f in answer.judgements],
        "passages": [passage_dict(p) for p in answer.passages],
        "options": list(answer.options),
        "choices": list(answer.choices),
        "more": answer.more,
        "read_as": answer.read_as,
        "verdict": answer.verdict,
        "direction": answer.direction,
    }


def to_json(answer: Answer) -> str:
    return json.dumps(to_dict(answer), ensure_ascii=False)


def cite(s: Source) -> str:
    kind = "APA" if s.kind == LetterKind.APA else "CSA"
    date = f", {s.date}" if s.date else ""
    page = f", p. {s.page}" if s.page else ""
    where = f"{s.file}, {s.url}" if s.url else s.file
    return f"{s.title} ({kind} {s.year}{date}), section \u201c{s.section}\u201d{page} [{where}]"


def same_text(p: Cited) -> str:
    """ "… and 6 other letters say the same" (naming up to three)."""
    named = ", ".join(p.same_in[:3]) + (", …" if len(p.same_in) > 3 else "")
    n = len(p.same_in)
    verb = "letters say" if n > 1 else "letter says"
    return f"\u2026 and {n} other {verb} the same ({named})"


def to_text(answer: Answer, width: int = 88) -> str:
    out = [textwrap.fill(answer.message, width)]
    if answer.read_as:
        out.append(textwrap.fill(f"({answer.read_as})", width))
    for f in answer.judgements:
        out += [
            "",
            f"{f.authority} {f.year} \u2014 {f.area_label}: {f.phrase}",
            textwrap.fill(
                f"\u201c{f.quote}\u201d", width, initial_indent="  ", subsequent_indent="  "
            ),
            textwrap.fill(
                cite(f.source), width, initial_indent="  \u2014 ", subsequent_indent="    "
            ),
        ]
    for rank, p in enumerate(answer.passages, start=answer.offset + 1):
        out += [
            "",
            f"{rank}. {p.authority} {p.year} \u2014 {p.section}"
            + (f" (score {p.score:.2f})" if p.score else ""),
            textwrap.fill(
                f"\u201c{p.text}\u201d", width, initial_indent="   ", subsequent_indent="   "
            ),
            textwrap.fill(
                cite(p.source), width, initial_indent="   \u2014 ", subsequent_indent="     "
            ),
        ]
        if p.same_in:
            out.append(textwrap.fill(f"   {same_text(p)}", width, subsequent_indent="     "))
    if answer.options:
        out += ["", "Try: " + " | ".join(answer.options)]
    return "\n".join(out)


GRADE_COLUMNS = (
    "authority",
    "year",
    "kind",
    "area",
    "grade",
    "grade_label",
    "quote",
    "title",
    "date",
    "section",
    "file",
    "page",
    "url",
)


def findings_csv(findings) -> str:
    """Findings as CSV, one row a judgement, with its quote and where it is in the letter."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(GRADE_COLUMNS)
    for f in findings:
        r = finding_dict(f)
        writer.writerow([{**r, **r["source"]}[column] for column in GRADE_COLUMNS])
    return out.getvalue()


def grades_as(held: Graded, fmt: str) -> str:
    """``letters grades``: the judgements as a table, CSV (one row a judgement) or JSON."""
    rows = [finding_dict(f) for f in held.findings]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return findings_csv(held.findings)
    if not rows:
        return f"No judgements held for {held.council or 'any council'}" + (
            f" in {held.year}." if held.year else "."
        )
    return "\n".join(
        f"{r['authority']:<22} {r['year']} {r['kind'].upper()} "
        f"{r['area_label']:<32} {r['grade']} {r['grade_label']}"
        for r in rows
    )


def coverage_text(table: dict[str, dict[int, tuple[str, int]]], years=YEARS) -> str:
    """``letters coverage``: council by year, each cell the letter's kind and graded areas."""
    lines = [f"{'council':<28}" + "".join(f"{y:>7}" for y in years)]
    for council in sorted(table):
        cells = "".join(f"{_cell(table[council].get(y), y):>7}" for y in years)
        lines.append(f"{council[:27]:<28}{cells}")
    letters = sum(len(v) for v in table.values())
    short = sum(1 for v in table.values() for y, e in v.items() if _short(e, y))
    lines.append(f"\n{letters} letter(s) for {len(table)} council(s). Cell: kind/graded areas.")
    if short:
        lines.append(
            f"{short} letter(s) marked ! hold fewer graded areas than that year's letters "
            "grade: check those files."
        )
    return "\n".join(lines)


def _cell(entry: tuple[str, int] | None, year: int) -> str:
    if not entry:
        return "-"
    return f"{entry[0].upper()}/{entry[1]}{'!' if _short(entry, year) else ''}"


def _short(entry: tuple[str, int], year: int) -> bool:
    return entry[1] < len(graded_areas(entry[0], year))


AUDIT_COLUMNS = (
    "year",
    "kind",
    "check",
    "council",
    "area",
    "grades",
    "published",
    "held",
    "note",
)


def audit_as(audits, fmt: str) -> str:
    """``letters audit``: each year held against what was published, as a table, CSV or JSON."""
    if fmt == "json":
        return json.dumps([asdict(a) for a in audits], ensure_ascii=False, indent=2)
    rows = [row for a in audits for row in _audit_rows(a)]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, AUDIT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    return "\n".join(_audit_text(a) for a in audits)


def _grades(kind: str, grades: tuple[int, ...]) -> str:
    return " or ".join(grade_phrase(kind, g) for g in sorted(grades, reverse=True))


def _audit_rows(a) -> list[dict]:
    base = {"year": a.year, "kind": a.kind.upper()}
    published = a.letters_published if a.letters_published is not None else a.letters_note
    rows = [{**base, "check": "letters", "published": published, "held": a.letters_held}]
    rows += [
        {
            **base,
            "check": "distribution",
            "area": AREA_LABELS[f.area],
            "grades": _grades(a.kind, f.grades),
            "published": f.published,
            "held": f.held,
        }
        for f in a.figures
    ]
    rows += [
        {
            **base,
            "check": "disagreement",
            "council": d.council,
            "area": AREA_LABELS[d.area],
            "grades": grade_phrase(a.kind, d.published_grade),
            "published": grade_phrase(a.kind, d.published_grade),
            "held": grade_phrase(a.kind, d.held_grade) if d.held_grade else "",
            "note": d.note,
        }
        for d in a.disagreements
    ]
    rows += [
        {
            **base,
            "check": "not held",
            "council": council,
            "area": AREA_LABELS[m.area],
            "grades": grade_phrase(a.kind, m.grade),
            "published": grade_phrase(a.kind, m.grade),
            "note": "named in a published list; no letter held",
        }
        for m in a.missing
        for council in m.councils
    ]
    return rows


def _audit_text(a) -> str:
    published = (
        f"{a.letters_published} published"
        if a.letters_published is not None
        else "count not published"
    )
    note = f" ({a.letters_note})" if a.letters_note else ""
    lines = [f"{a.year} {a.kind.upper()} — letters: {published}{note}; {a.letters_held} held"]
    for f in a.figures:
        what = f"{AREA_LABELS[f.area]}, {_grades(a.kind, f.grades)}"
        lines.append(f"  {what:<62} published {f.published:<11} held {f.held}")
    if a.disagreements:
        lines.append("  Held grades that disagree with a published list:")
        lines += [f"    {d.council}, {AREA_LABELS[d.area]}: {d.note}" for d in a.disagreements]
    else:
        lines.append("  No held grade disagrees with a published list.")
    for m in a.missing:
        lines.append(
            f"  Published {grade_phrase(a.kind, m.grade)} for {AREA_LABELS[m.area]}, no letter "
            f"held: {', '.join(m.councils)}"
        )
    lines.append("  Published figures from: " + "; ".join(a.sources))
    return "\n".join(lines) + "\n"
