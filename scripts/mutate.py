"""Mutation testing with mutmut over store/, retrieval/ and bot/, sized for a 2-core machine.

    .venv/bin/python scripts/mutate.py                  modules changed since HEAD~1, or uncommitted
    .venv/bin/python scripts/mutate.py --base main~5    modules changed since that revision
    .venv/bin/python scripts/mutate.py --all            every module (about 45 minutes here)
    .venv/bin/python scripts/mutate.py bot/signing.py   the modules named
    .venv/bin/python scripts/mutate.py retrieval/ranking.py --tests tests/retrieval/test_x.py
                                                        judged by those tests only
    .venv/bin/python scripts/mutate.py --unmeasured --sample 8
                                                        a seeded 8% of each module the ledger
                                                        has no current figure for
    .venv/bin/python scripts/mutate.py --again DIR      a --keep run's survivors, judged again
                                                        by the tests as they are now
    .venv/bin/python scripts/mutate.py --ledger         the whole product's score, from the ledger

Every run records, per module whose mutants were all checked, its score in the ledger
(docs/mutation-ledger.tsv) against the module's git blob: a whole-product run takes hours on two
cores, so the whole score is composed from runs of a few modules each. An entry counts only
while the module's code is still the code that was measured; a changed module is "stale" and
its mutants count as not measured until it is run again.

A module can also be measured by a seeded random sample of its mutants (``--sample PERCENT``):
its ledger row then says how many mutants it has and how many were checked, and ``--ledger``
estimates the whole product's score from exact rows and samples together (a stratified
estimate, each module a stratum), with a 95% interval. A sample never replaces a full figure
for the same code.

The run happens in a copy of the working tree under a temporary folder, so editing while it
runs changes nothing, and nothing is left in the checkout. mutmut runs only the tests that
cover each mutated function (per-test coverage it records first); tests marked ``subprocess``
are left out, as a mutant in another process cannot be seen (pyproject's [tool.mutmut]).

Prints the score (killed / all mutants checked; "no tests" counts as survived), the survivors
by module, and exits 1 when the score is under TARGET.
"""

import argparse
import collections
import json
import math
import random
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
LEDGER_FIELDS = ("module", "blob", "killed", "checked", "mutants", "judges", "date")
Z95 = 1.96  # the normal quantile for a two-sided 95% interval on the sampled estimate
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


def is_sample(entry: dict[str, str]) -> bool:
    return int(entry["checked"]) < int(entry["mutants"])


def current(entry: dict[str, str] | None, module: str) -> bool:
    return entry is not None and entry["blob"] == blob(module)


def write_ledger(entries: dict[str, dict[str, str]]) -> None:
    lines = ["\t".join(LEDGER_FIELDS)]
    lines += ["\t".join(entries[m][f] for f in LEDGER_FIELDS) for m in sorted(entries)]
    LEDGER.write_text("\n".join(lines) + "\n", encoding="utf-8")


def record(
    found: dict[str, str],
    owners: dict[str, list[str]],
    modules: list[str],
    blobs: dict[str, str],
    judges: str,
    sampled: dict[str, list[str]] | None = None,
) -> None:
    """Enter each module whose every mutant (or every sampled mutant) was checked.

    A part-checked module is not entered, and a sample does not replace a full figure for the
    same code."""
    if not found:
        print("mutmut reported no mutants at all; nothing entered in the ledger")
        return
    entries = read_ledger()
    today = subprocess.run(["date", "-u", "+%F"], capture_output=True, text=True).stdout.strip()
    for module in modules:
        mine = {n: found.get(n, "not checked") for n in owners.get(module, [])}
        total = len(mine)
        old = entries.get(module)
        if old is not None and blobs[module] != old["blob"] and current(old, module):
            print(f"{module}: changed since this run began; the ledger keeps the current entry")
            continue
        if sampled is not None:
            mine = {n: mine[n] for n in sampled.get(module, []) if n in mine}
            if old is not None and old["blob"] == blobs[module] and not is_sample(old):
                print(f"{module}: a full figure for this code is held; the sample is not entered")
                continue
        # A module of type definitions alone has no mutants: entered as 0 of 0, measured.
        if (total and not mine) or any(s in NOT_COUNTED for s in mine.values()):
            print(f"{module}: not every mutant was checked; the ledger keeps its old entry")
            continue
        killed = sum(1 for s in mine.values() if s in DETECTED)
        entries[module] = dict(
            module=module,
            blob=blobs[module],
            killed=str(killed),
            checked=str(len(mine)),
            mutants=str(total),
            judges=judges,
            date=today,
        )
    write_ledger(entries)


def stratum(killed: int, checked: int, mutants: int) -> tuple[float, float]:
    """A sampled module's estimated kills and the variance of that estimate.

    The variance uses (killed + 1) / (checked + 2) for the rate, so a sample with no survivors
    still carries the doubt a small sample leaves, instead of claiming none."""
    if checked >= mutants:
        return float(killed), 0.0
    doubt = (killed + 1) / (checked + 2)
    finite = 1 - checked / mutants  # sampling without replacement from a finite module
    variance = mutants**2 * finite * doubt * (1 - doubt) / max(checked - 1, 1)
    return mutants * killed / checked, variance


def ledger_report() -> float:
    """The whole product's score from the ledger's current entries, and what it leaves out.

    Returns the exact score when every current entry is a full run, else the stratified
    estimate; 0 while any module has no current entry, full or sampled."""
    entries = read_ledger()
    killed = checked = 0
    estimated = variance = 0.0
    population = 0
    missing = 0
    for module in product_modules():
        entry = entries.get(module)
        if entry is None:
            state = "never measured"
        elif not current(entry, module):
            state = f"stale (measured {entry['date']}, changed since)"
        else:
            k, c, n = int(entry["killed"]), int(entry["checked"]), int(entry["mutants"])
            kills, var = stratum(k, c, n)
            estimated += kills
            variance += var
            population += n
            share = k / max(c, 1)
            if n == 0:
                state = "no mutants (nothing mutmut can change)"
            elif is_sample(entry):
                state = f"sample {k}/{c} of {n} mutants = {share:.1%}"
            else:
                killed += k
                checked += c
                state = f"{k}/{c} = {share:.1%}"
        if entry is None or not current(entry, module):
            missing += 1
        print(f"{module:32} {state}")
    exact = killed / checked if checked else 0.0
    print(f"modules measured in full on their current code: {killed}/{checked} = {exact:.1%}")
    if population > checked:
        score = estimated / population
        margin = Z95 * math.sqrt(variance) / population
        print(
            f"whole product, full runs and samples together: about {score:.1%} "
            f"(95% interval {score - margin:.1%} to {score + margin:.1%}) of {population} mutants"
        )
    else:
        score = exact
    if missing:
        print(f"{missing} module(s) have no current figure; the whole product is not measured")
        return 0.0
    return score


def generate(workdir: Path) -> dict[str, list[str]]:
    """Every mutant's name, by module, without running a test: mutmut's own generation step."""
    code = (
        "import os, mutmut.__main__ as m\n"
        "os.makedirs('mutants', exist_ok=True)\n"
        "m.set_mutant_under_test('mutant_generation')\n"
        "m.copy_src_dir(); m.copy_also_copy_files(); m.setup_source_paths()\n"
        "m.store_lines_covered_by_tests(); m.create_mutants(2)\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=workdir, check=True, capture_output=True)
    return mutant_names(workdir)


def mutant_names(workdir: Path) -> dict[str, list[str]]:
    """Each module's mutants, from mutmut's own record of them.

    A package's ``__init__`` names its mutants like its submodules' (``bot.listeners.x_f``
    beside ``bot.listeners.actions.x_g``), so a name's prefix cannot tell whose it is."""
    names: dict[str, list[str]] = {}
    for meta in sorted((workdir / "mutants").rglob("*.py.meta")):
        module = str(meta.relative_to(workdir / "mutants")).removesuffix(".meta")
        keys = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        names[module] = sorted(keys)
    return names


def sample(names: dict[str, list[str]], modules: list[str], percent: float, seed: int):
    """A seeded share of each module's mutants, at least one from each module that has any."""
    rng = random.Random(seed)
    chosen = {}
    for module in modules:
        mine = names.get(module, [])
        if mine:
            size = max(1, round(len(mine) * percent / 100))
            chosen[module] = sorted(rng.sample(mine, size))
    return chosen


def report(found: dict[str, str], names: set[str]) -> float:
    wanted = {
        name: status
        for name, status in found.items()
        if status not in NOT_COUNTED and name in names
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
    parser.add_argument(
        "--unmeasured",
        action="store_true",
        help="the modules the ledger has no current figure for (full or sampled)",
    )
    parser.add_argument(
        "--sample",
        type=float,
        metavar="PERCENT",
        default=None,
        help="check only this seeded share of each module's mutants",
    )
    parser.add_argument("--seed", type=int, default=0, help="the sample's seed")
    parser.add_argument(
        "--again",
        metavar="DIR",
        default=None,
        help="in a folder a --keep run left: copy the checkout's tests in and run that run's "
        "survivors again (the product code must be unchanged); --tests there replaces the judges",
    )
    args = parser.parse_args()
    if args.ledger:
        return 0 if ledger_report() >= TARGET else 1
    if args.again:
        return again(Path(args.again), args.tests, args.max_children)
    if args.unmeasured:
        entries = read_ledger()
        args.modules = [m for m in product_modules() if not current(entries.get(m), m)]
    modules = None if args.all else (args.modules or changed_modules(args.base))
    if modules == []:
        print(f"no product module changed since {args.base}")
        return 0
    patterns = [pattern(m) for m in modules] if modules else None
    measured = modules or product_modules()
    with tempfile.TemporaryDirectory(prefix="letters-mutate-") as tmp:
        workdir = Path(args.keep) if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=bool(not args.keep))
        copy_tree(workdir)
        if args.tests:
            select_tests(workdir / "pyproject.toml", args.tests)
        print(f"mutating {', '.join(modules) if modules else 'store/, retrieval/, bot/'}")
        chosen = None
        names = patterns or []
        if args.sample is not None:
            chosen = sample(generate(workdir), measured, args.sample, args.seed)
            names = [n for module in chosen.values() for n in module]
            print(f"a {args.sample:g}% sample (seed {args.seed}): {len(names)} mutants")
        judges = " ".join(args.tests) if args.tests else "tests/"
        if chosen is not None:
            judges += f" (sample {args.sample:g}%, seed {args.seed})"
        run = dict(modules=measured, chosen=chosen, judges=judges)
        (workdir / RUN_FILE).write_text(json.dumps(run, indent=1), encoding="utf-8")
        return measure(workdir, run, names, args.max_children)


RUN_FILE = "mutate-run.json"  # what a kept folder's run measured, for --again


def measure(workdir: Path, run: dict, names: list[str], max_children: str) -> int:
    """Run mutmut on ``names`` in ``workdir``, report the run's mutants and enter the ledger.

    Each mutant's status is kept in the run file too: mutmut forgets every result when the
    tests change, and ``--again`` needs the earlier ones."""
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    subprocess.run(
        [mutmut, "run", "--max-children", max_children, *names],
        cwd=workdir,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    found = {**run.get("statuses", {}), **fresh(results(workdir, mutmut), names)}
    owners = mutant_names(workdir)
    measured, chosen = run["modules"], run["chosen"]
    asked = chosen if chosen is not None else owners
    wanted = {n for m in measured for n in asked.get(m, [])}
    run["statuses"] = {n: found[n] for n in sorted(wanted) if n in found}
    (workdir / RUN_FILE).write_text(json.dumps(run, indent=1), encoding="utf-8")
    score = report(found, wanted)
    blobs = {m: blob(str(workdir / m)) for m in measured}
    record(found, owners, measured, blobs, run["judges"], chosen)
    return 0 if score >= TARGET else 1


def fresh(found: dict[str, str], names: list[str]) -> dict[str, str]:
    """This run's results: every mutant when none were named, else the ones named."""
    if not names or not all(n in found for n in names):  # patterns, not names
        return found
    return {n: found[n] for n in names}


def again(workdir: Path, tests: list[str] | None, max_children: str) -> int:
    """A kept run's survivors, judged again by the checkout's tests as they are now. A mutant
    killed before stays killed: the tests that killed it are still there."""
    run = json.loads((workdir / RUN_FILE).read_text(encoding="utf-8"))
    changed = [m for m in run["modules"] if blob(str(workdir / m)) != blob(m)]
    if changed:  # their old mutants are not the code's now: those modules need a run of their own
        print(f"changed since, left out (run them anew): {', '.join(changed)}")
        run["modules"] = [m for m in run["modules"] if m not in changed]
    if not run["modules"]:
        return 2
    shutil.rmtree(workdir / "tests")
    shutil.copytree(ROOT / "tests", workdir / "tests")
    if tests:
        select_tests(workdir / "pyproject.toml", tests)
        run["judges"] += f"; survivors re-run with {' '.join(tests)}"
    else:
        run["judges"] += "; survivors re-run with the tests of the day"
    before = run.get("statuses", {})
    asked = run["chosen"] if run["chosen"] is not None else mutant_names(workdir)
    names = [
        n
        for m in run["modules"]
        for n in asked.get(m, [])
        if before.get(n, "not checked") not in DETECTED
    ]
    print(f"{len(names)} survivors to run again")
    return measure(workdir, run, names, max_children) if names else 0


if __name__ == "__main__":
    sys.exit(main())
