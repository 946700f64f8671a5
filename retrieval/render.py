"""Terminal text and JSON renderings of an ``Answer`` (Slack's lives in ``bot.blocks``)."""

import json
import textwrap

from retrieval.answer import Answer, Cited, Finding, Source


def source_dict(s: Source) -> dict:
    return {"title": s.title, "date": s.date, "section": s.section, "file": s.file}


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
    }


def to_dict(answer: Answer) -> dict:
    return {
        "kind": answer.kind,
        "question": answer.question,
        "message": answer.message,
        "judgements": [finding_dict(f) for f in answer.judgements],
        "passages": [passage_dict(p) for p in answer.passages],
        "options": list(answer.options),
        "more": answer.more,
    }


def to_json(answer: Answer) -> str:
    return json.dumps(to_dict(answer), ensure_ascii=False)


def grade_line(f: Finding) -> str:
    if f.kind == "csa":
        return f"{f.grade_label.capitalize()} ({f.grade})"
    return f"Grade {f.grade} ({f.grade_label})"


def cite(s: Source) -> str:
    kind = "APA" if s.kind == "apa" else "CSA"
    date = f", {s.date}" if s.date else ""
    return f"{s.title} ({kind} {s.year}{date}), section \u201c{s.section}\u201d [{s.file}]"


def to_text(answer: Answer, width: int = 88) -> str:
    out = [textwrap.fill(answer.message, width)]
    for f in answer.judgements:
        out += [
            "",
            f"{f.authority} {f.year} \u2014 {f.area_label}: {grade_line(f)}",
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
    if answer.options:
        out += ["", "Try: " + " | ".join(answer.options)]
    return "\n".join(out)
