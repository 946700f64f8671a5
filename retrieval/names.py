"""Council names as people type them in a question: the gazetteer the question reader scans.

A letter's title is matched exactly (``store.councils``); a question is not. Each council is
known here by its short, formal and listed names, each with the council-type words dropped
("Surrey CC", "Royal Borough of Kingston"), in the possessive without an apostrophe
("surreys"), with a compass word shortened ("e riding", "cheshire w"), by the initials of an
"X and Y" name ("K&C", "B&NES"), by the nicknames below, and by any part of its name that
no other council shares ("cheshire west", "riding"). A part shared by several ("sussex",
"yorkshire") names all of them, and the reader asks which. A typo is matched by edit
distance, not by a similarity score, so that "leeds" never becomes "needs"-like guesses.
"""

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from store.councils import CouncilDirectory, CouncilRecord

# Names people use that the councils table does not list: city nicknames and the county
# abbreviations it lacks. The table's own aliases (Herts, Notts, Lancs, RBKC, ...) come first.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "Birmingham": ("Brum", "Bham", "Brummies", "Brummie"),
    "Manchester": ("Manc", "Mancs"),
    "Newcastle upon Tyne": ("Toon",),
    "Derbyshire": ("Derbys",),
    "Warwickshire": ("Warks",),
    "Northumberland": ("Northumb",),
    "Hammersmith and Fulham": ("LBHF",),
    "Shropshire": ("Salop", "Shrops"),
    "Gloucestershire": ("Gloucs",),
}
# Words that name a council's type or form, not the council: dropped from every name.
TYPE_WORDS = frozenset(
    "council county city borough district metropolitan royal london corporation the cc bc "
    "mbc lb lbc dc ua la of".split()
)
# Words that never name a council on their own, though they are part of names.
GENERIC = frozenset(
    "and upon on in under east west north south central city great new saint st isle "
    "le with mid".split()
)
# Compass words and their short forms, as people shorten "East Riding" and "Cheshire West".
COMPASS = {"east": "e", "west": "w", "north": "n", "south": "s"}
# Everyday words that are also a council's whole name: they name the council only when the
# question writes them with a capital letter (formats.md lists no others among the 152).
EVERYDAY_NAMES = frozenset({"reading", "bury", "bath", "poole", "sutton", "brent", "wigan"})
MAX_NAME_WORDS = 8  # "Bath and North East Somerset Council" is the longest name typed


def words(text: str) -> list[str]:
    """'Kingston-upon-Thames's' -> ['kingston', 'upon', 'thames']: the reader's word form."""
    text = text.lower().replace("\u2019", "'").replace("&", " and ")
    text = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group(0) == "'s" else "s", text)
    return re.findall(r"[a-z0-9]+", text.replace("'", ""))


@dataclass(frozen=True)
class NameEntry:
    councils: tuple[CouncilRecord, ...]
    partial: bool  # only part of a name: several councils may share it


class Gazetteer:
    """Council name phrases (tuples of words) and the councils each may mean."""

    def __init__(self, councils: CouncilDirectory) -> None:
        self.councils = councils
        exact: dict[tuple[str, ...], list[CouncilRecord]] = {}
        partial: dict[tuple[str, ...], list[CouncilRecord]] = {}
        for council in councils.councils:
            for name in _names(council):
                for form in _forms(name):
                    _add(exact, form, council)
            for part in _parts(council):
                _add(partial, part, council)
        self.entries: dict[tuple[str, ...], NameEntry] = {
            k: NameEntry(tuple(v), True) for k, v in partial.items() if k not in exact
        }
        self.entries.update({k: NameEntry(tuple(v), False) for k, v in exact.items()})
        # Typos are matched against whole names and the parts only one council has.
        self.typo_keys: dict[str, list[str]] = {}  # by first letter: a typo keeps it
        for key in sorted({" ".join(k) for k, e in self.entries.items() if len(e.councils) == 1}):
            self.typo_keys.setdefault(key[0], []).append(key)

    def match(self, tokens: list[str], start: int) -> tuple[int, NameEntry] | None:
        """The longest name starting at ``tokens[start]``: (words used, entry)."""
        for n in range(min(MAX_NAME_WORDS, len(tokens) - start), 0, -1):
            entry = self.entries.get(tuple(tokens[start : start + n]))
            if entry is not None:
                return n, entry
        return None

    def fuzzy(self, phrase: str) -> tuple[CouncilRecord, ...]:
        """Councils a typed-wrong name means: one typo in five to seven letters, two in
        eight or more, the same first letter (people rarely mistype the first)."""
        allowed = 1 if len(phrase) < 8 else 2
        if len(phrase) < 5:
            return ()
        found: dict[str, CouncilRecord] = {}
        for key in self.typo_keys.get(phrase[0], ()):
            if abs(len(key) - len(phrase)) <= allowed:
                if typo(key, phrase, allowed):
                    for c in self.entries[tuple(key.split())].councils:
                        found[c.short_name] = c
        return tuple(found.values())

    def nearest(self, phrase: str, limit: int = 3) -> list[str]:
        """Up to ``limit`` short names like a name matched by nothing (WRatio 60 or more)."""
        names = {c.short_name: c.short_name for c in self.councils.councils}
        found = process.extract(phrase, names, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
        return [m[0] for m in found]


SHORT_NAME = 7  # below this, one changed letter more often makes another word than a typo


def typo(key: str, phrase: str, allowed: int) -> bool:
    """Within ``allowed`` edits; in a short word, a letter missing, added or swapped, not one
    letter replaced by another ("surry", "slouhg", but not "store" for "stoke")."""
    if OSA.distance(key, phrase, score_cutoff=allowed) > allowed:
        return False
    return len(phrase) >= SHORT_NAME or len(key) != len(phrase) or sorted(key) == sorted(phrase)


def _names(council: CouncilRecord) -> list[str]:
    return [*council.names, *NICKNAMES.get(council.short_name, ())]


def _forms(name: str) -> set[tuple[str, ...]]:
    """A name, without type words, possessive, compass words shortened, and its initials."""
    full = words(name)
    bare = [w for w in full if w not in TYPE_WORDS] or full
    forms = {tuple(full), tuple(bare)}
    for form in list(forms):
        forms.add(tuple(COMPASS.get(w, w) for w in form))
        forms.add(tuple(w.replace("yorkshire", "yorks") for w in form))
    for form in list(forms):
        if form and not form[-1].endswith("s"):
            forms.add((*form[:-1], form[-1] + "s"))  # "surreys", "east ridings"
    if "and" in bare and len(bare) > 2:
        i = bare.index("and")
        initials = "".join(w[0] for w in bare[:i]) + "and" + "".join(w[0] for w in bare[i + 1 :])
        forms.add(tuple(initials.replace("and", " and ").split()))  # "k and c" from "K&C"
        forms.add((initials.replace("and", ""),))  # "kc"
    return {f for f in forms if f}


def _parts(council: CouncilRecord) -> set[tuple[str, ...]]:
    """Every run of words in the short name that is not only generic words."""
    name = [w for w in words(council.short_name) if w not in TYPE_WORDS]
    parts = set()
    for i in range(len(name)):
        for j in range(i + 1, len(name) + 1):
            run = tuple(name[i:j])
            if any(w not in GENERIC for w in run) and run != tuple(name):
                parts.add(run)
                parts.add(tuple(COMPASS.get(w, w) for w in run))
    return parts


def _add(table: dict, key: tuple[str, ...], council: CouncilRecord) -> None:
    bucket = table.setdefault(key, [])
    if council not in bucket:
        bucket.append(council)


@cache
def gazetteer(councils: CouncilDirectory) -> Gazetteer:
    return Gazetteer(councils)
