"""Mutation testing with mutmut over store/, retrieval/ and bot/, sized for a 2-core machine.

    .venv/bin/python scripts/mutate.py                  modules changed since HEAD~1, or uncommitted
    .venv/bin/python scripts/mutate.py --base main~5    modules changed since that revision
    .venv/bin/python scripts/mutate.py --all            every module (about 45 minutes here)
    .venv/bin/python scripts/mutate.py bot/signing.py   the modules named
    .venv/bin/python scripts/mutate.py retrieval/ranking.py --tests tests/retrieval/test_x.py
                                                        judged by those tests only
    .venv/bin/python scripts/mutate.py --ledger         the whole product's score, from the ledger

Every run records, per module whose mutants were all checked, its score in the ledger
(docs/mutation-ledger.tsv) against the module's git blob: a whole-product run takes hours on two
cores, so the whole score is composed from runs of a few modules each. An entry counts only
while the module's code is still the code that was measured; a changed module is "stale" and
its mutants count as not measured until it is run again.

The run happens in a copy of the working tree under a temporary folder, so editing while it
runs changes nothing, and nothing is left in the checkout. mutmut runs only the tests that
cover each mutated function (per-test coverage it records first); tests marked ``subprocess``
are left out, as a mutant in another process cannot be seen (pyproject's [tool.mutmut]).

Prints the score (killed / all mutants checked; "no tests" counts as survived), the survivors
by module, and exits 1 when the score is under TARGET.
"""

import argparse
import collections
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("store", "retrieval", "bot")
TARGET = 0.90  # the house bar: nine mutants in ten are caught by a test a user would notice
LEDGER = ROOT / "docs" / "mutation-ledger.tsv"
LEDGER_FIELDS = ("module", "blob", "killed", "checked", "judges", "date")
DETECTED = {"killed", "timeout", "segfault", "caught by type check"}
NOT_COUNTED = {"skipped", "not checked"}


def changed_modules(base: str) -> list[str]:
    """Product modules changed since ``base``, committed or not, that still exist."""
    diff = subprocess.run(
        ["git", "diff", "--name-only", base, "--", *PACKAGES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    untracked = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "--", *PACKAGES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return sorted({p for p in diff + untracked if p.endswith(".py") and (ROOT / p).is_file()})


def pattern(module_path: str) -> str:
    """bot/signing.py -> "bot.signing.*", the names mutmut gives that module's mutants."""
    dotted = module_path.removesuffix(".py").replace("/", ".").removesuffix(".__init__")
    return f"{dotted}.*"


def copy_tree(to: Path) -> None:
    """The working tree as git sees it (tracked and new files, not ignored ones)."""
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in files:
        source = ROOT / name
        if source.is_file():
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, to / name)


def results(workdir: Path, mutmut: str) -> dict[str, str]:
    out = subprocess.run(
        [mutmut, "results", "--all", "true"],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = {}
    for line in out.splitlines():
        name, _, status = line.strip().partition(": ")
        if name and status:
            found[name] = status
    return found


def select_tests(pyproject: Path, tests: list[str]) -> None:
    """Point mutmut's test selection in the copy at ``tests`` instead of the whole suite."""
    text = pyproject.read_text(encoding="utf-8")
    listed = ", ".join(f'"{t}"' for t in tests)
    text = re.sub(
        r"^pytest_add_cli_args_test_selection = .*$",
        f"pytest_add_cli_args_test_selection = [{listed}]",
        text,
        flags=re.M,
    )
    pyproject.write_text(text, encoding="utf-8")


def blob(module_path: str) -> str:
    """The git blob of a module as it is on disk: the same code gives the same blob."""
    return subprocess.run(
        ["git", "hash-object", module_path], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def product_modules() -> list[str]:
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *PACKAGES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    # An empty __init__.py has nothing to mutate, and is not listed.
    return sorted(
        f for f in files if f.endswith(".py") and (ROOT / f).is_file() and (ROOT / f).stat().st_size
    )


def read_ledger() -> dict[str, dict[str, str]]:
    if not LEDGER.is_file():
        return {}
    rows = [line.split("\t") for line in LEDGER.read_text(encoding="utf-8").splitlines()[1:]]
    return {row[0]: dict(zip(LEDGER_FIELDS, row, strict=True)) for row in rows if row}


def write_ledger(entries: dict[str, dict[str, str]]) -> None:
    lines = ["\t".join(LEDGER_FIELDS)]
    lines += ["\t".join(entries[m][f] for f in LEDGER_FIELDS) for m in sorted(entries)]
    LEDGER.write_text("\n".join(lines) + "\n", encoding="utf-8")


def record(found: dict[str, str], modules: list[str], blobs: dict[str, str], judges: str) -> None:
    """Enter each module whose every mutant was checked; a part-checked module is not entered."""
    if not found:
        print("mutmut reported no mutants at all; nothing entered in the ledger")
        return
    entries = read_ledger()
    today = subprocess.run(["date", "-u", "+%F"], capture_output=True, text=True).stdout.strip()
    for module in modules:
        prefix = pattern(module)[:-1]
        mine = {n: s for n, s in found.items() if n.startswith(prefix)}
        if any(s in NOT_COUNTED for s in mine.values()):
            print(f"{module}: not every mutant was checked; the ledger keeps its old entry")
            continue
        killed = sum(1 for s in mine.values() if s in DETECTED)
        entries[module] = dict(
            module=module,
            blob=blobs[module],
            killed=str(killed),
            checked=str(len(mine)),
            judges=judges,
            date=today,
        )
    write_ledger(entries)


def ledger_report() -> float:
    """The whole product's score from the ledger's current entries, and what it leaves out."""
    entries = read_ledger()
    killed = checked = 0
    for module in product_modules():
        entry = entries.get(module)
        if entry is None:
            state = "never measured"
        elif entry["blob"] != blob(module):
            state = f"stale (measured {entry['date']}, changed since)"
        else:
            killed += int(entry["killed"])
            checked += int(entry["checked"])
            share = int(entry["killed"]) / max(int(entry["checked"]), 1)
            state = f"{entry['killed']}/{entry['checked']} = {share:.1%}"
        print(f"{module:32} {state}")
    score = killed / checked if checked else 0.0
    print(
        f"whole product, modules measured on their current code: {killed}/{checked} = {score:.1%}"
    )
    return score


def report(found: dict[str, str], patterns: list[str] | None) -> float:
    wanted = {
        name: status
        for name, status in found.items()
        if status not in NOT_COUNTED
        and (patterns is None or any(name.startswith(p[:-1]) for p in patterns))
    }
    killed = sum(1 for status in wanted.values() if status in DETECTED)
    score = killed / len(wanted) if wanted else 1.0
    survivors = collections.defaultdict(list)
    for name, status in sorted(wanted.items()):
        if status not in DETECTED:
            survivors[name.rsplit(".", 1)[0]].append(f"{name.rsplit('.', 1)[1]} ({status})")
    for module, names in survivors.items():
        print(f"{module}: {len(names)} survived")
        for name in names:
            print(f"    {name}")
    print(f"mutation score: {killed}/{len(wanted)} = {score:.1%} (target {TARGET:.0%})")
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="module files, e.g. bot/signing.py")
    parser.add_argument(
        "--all", action="store_true", help="every module of store/, retrieval/, bot/"
    )
    parser.add_argument("--base", default="HEAD~1", help="with neither: changed since this rev")
    # One at a time by default: with two workers, mutants that one worker kills came out
    # "survived" (docs/mutation.md); a slower score that is true beats a quicker one that is not.
    parser.add_argument("--max-children", default="1", help="mutants run at once")
    parser.add_argument(
        "--tests",
        nargs="+",
        default=None,
        help="only these test files judge the mutants (a quicker, stricter run: a mutant "
        "they miss survives even when another test would catch it)",
    )
    parser.add_argument(
        "--keep",
        metavar="DIR",
        default=None,
        help="run in this new folder and leave it, to read survivors with `mutmut show` there",
    )
    parser.add_argument(
        "--ledger", action="store_true", help="print the whole product's score from the ledger"
    )
    args = parser.parse_args()
    if args.ledger:
        return 0 if ledger_report() >= TARGET else 1
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    modules = None if args.all else (args.modules or changed_modules(args.base))
    if modules == []:
        print(f"no product module changed since {args.base}")
        return 0
    patterns = [pattern(m) for m in modules] if modules else None
    measured = modules or product_modules()
    blobs = {m: blob(m) for m in measured}
    with tempfile.TemporaryDirectory(prefix="letters-mutate-") as tmp:
        workdir = Path(args.keep) if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=bool(not args.keep))
        copy_tree(workdir)
        if args.tests:
            select_tests(workdir / "pyproject.toml", args.tests)
        print(f"mutating {', '.join(modules) if modules else 'store/, retrieval/, bot/'}")
        subprocess.run(
            [mutmut, "run", "--max-children", args.max_children, *(patterns or [])],
            cwd=workdir,
            check=False,
            stdout=subprocess.DEVNULL,
        )
        found = results(workdir, mutmut)
        score = report(found, patterns)
        record(found, measured, blobs, " ".join(args.tests) if args.tests else "tests/")
    return 0 if score >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
