"""The table of councils (from shared/local_authorities.tsv) and name resolution.

Exact matching only: a letter's title names its council formally, so a fuzzy guess there
would put grades on the wrong council. Fuzzy matching of users' questions lives in retrieval.
"""

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from store.vocabulary import FIRST_YEAR, LAST_YEAR

# Words that vary between a council's formal, press and DfE names (formats.md, section 3).
_NOISE = re.compile(
    r"\b(?:london borough of|royal borough of|metropolitan borough|city of|council|county|"
    r"borough|district|the|mbc|lb|corporation of)\b"
)


@dataclass(frozen=True)
class CouncilRecord:
    short_name: str
    formal_name: str
    aliases: tuple[str, ...]
    first_year: int
    last_year: int
    la_type: str
    dfe_code: str

    def exists_in(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    @property
    def names(self) -> tuple[str, ...]:
        return (self.short_name, self.formal_name, *self.aliases)


def name_key(name: str) -> str:
    """'Kingston-upon-Thames', 'BRIGHTON & HOVE CITY COUNCIL S' -> 'kingston upon thames', ..."""
    text = name.lower().replace("\u2019", "'").replace("&", " and ")
    text = re.sub(r"['`]\s*s\b|\bs\b(?=\s*$)", "", text)  # possessive, also "COUNCIL S"
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = _NOISE.sub(" ", text)
    text = re.sub(r"^\s*of\b|\bcity\s*$", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def parse_councils(tsv_text: str) -> tuple[CouncilRecord, ...]:
    rows = csv.DictReader(tsv_text.splitlines(), delimiter="\t")
    return tuple(
        CouncilRecord(
            short_name=row["short_name"].strip(),
            formal_name=row["formal_name"].strip(),
            aliases=tuple(a.strip() for a in (row["alt_names"] or "").split(";") if a.strip()),
            first_year=int(row["first_year"] or FIRST_YEAR),
            last_year=int(row["last_year"] or LAST_YEAR),
            la_type=row["la_type"].strip(),
            dfe_code=(row["dfe_la_code"] or "").strip(),
        )
        for row in rows
        if row.get("short_name")
    )


class CouncilDirectory:
    """Councils by normalised name; several councils may share a key ('bedford' is not one)."""

    def __init__(self, councils: tuple[CouncilRecord, ...]) -> None:
        self.councils = councils
        self.by_short = {c.short_name: c for c in councils}
        self._by_key: dict[str, list[CouncilRecord]] = {}
        for council in councils:
            for name in council.names:
                bucket = self._by_key.setdefault(name_key(name), [])
                if council not in bucket:
                    bucket.append(council)

    def keys(self) -> list[str]:
        return list(self._by_key)

    def lookup(self, name: str, year: int | None = None) -> list[CouncilRecord]:
        found = self._by_key.get(name_key(name), [])
        if year is not None:
            found = [c for c in found if c.exists_in(year)]
        return list(found)

    def get(self, short_name: str) -> CouncilRecord | None:
        return self.by_short.get(short_name)


@cache
def directory() -> CouncilDirectory:
    text = resources.files("store").joinpath("data/councils.tsv").read_text(encoding="utf-8")
    return CouncilDirectory(parse_councils(text))
