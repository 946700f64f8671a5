"""``python -m bench``: the performance benchmark on a SYNTHETIC archive (see bench/README.md).

One run, one corpus, one set of queries: generate the letters (bench/synth.py), ingest them
through ``store.ingest.ingest_paths`` into a fresh store, build the engine's snapshot, time a
cold start in a fresh process, time grade / trend / table questions and unscoped passage
search, then run the same searches through exhaustive rank-bm25 scoring, bm25s and SQLite
FTS5. Prints a table and writes this scale's section of bench/results.md.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from bench import queries as Q
from bench import report, synth

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# A fresh process: open the engine on the store, answer one question (or run one search),
# then optionally a mixed batch, reporting wall-clock stamps and peak RSS.
COLD_CHILD = r"""
import json, re, sys, time
start = time.time()


def peak_kb():  # VmHWM: ru_maxrss would carry the parent's peak over fork and exec
    with open("/proc/self/status") as status:
        return int(re.search(r"VmHWM:\s+(\d+)", status.read()).group(1))


from store.db import make_engine
from retrieval.answerer import Answerer
imported = time.time()
engine = Answerer.open(make_engine(sys.argv[1]))
opened = time.time()
if sys.argv[2] == "search":
    answer = engine.search(sys.argv[3], k=10)
else:
    answer = engine.answer(sys.argv[3])
answered = time.time()
first_rss = peak_kb()
if len(sys.argv) > 4:  # then a mixed batch, for the serving process's peak RSS
    for kind, text in json.load(open(sys.argv[4])):
        engine.search(text, k=10) if kind == "search" else engine.answer(text)
print(json.dumps({"start": start, "imported": imported, "opened": opened,
                  "answered": answered, "kind": answer.kind, "message": answer.message,
                  "first_rss_kb": first_rss,
                  "rss_kb": peak_kb()}))
"""


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.keep:
        corpus = HERE / "corpus" / f"x{args.scale}"
        out = HERE / "out"
        shutil.rmtree(corpus, ignore_errors=True)
        out.mkdir(parents=True, exist_ok=True)
        store_file = out / f"bench-x{args.scale}.sqlite3"
        for stale in out.glob(f"{store_file.name}*"):
            stale.unlink()
        return run(args, corpus, store_file)
    with tempfile.TemporaryDirectory(prefix="letters-bench-") as tmp:
        return run(args, Path(tmp) / "corpus", Path(tmp) / "store.sqlite3")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--scale",
        type=int,
        default=1,
        choices=(1, 5),
        help="1: ~1,050 letters, ~43k passages; 5: the same letters ~5x longer",
    )
    p.add_argument(
        "--queries", type=int, default=300, metavar="N", help="questions per class (default 300)"
    )
    p.add_argument(
        "--reference",
        type=int,
        default=None,
        metavar="N",
        help="search queries also scored exhaustively by rank-bm25, for overlap "
        "(default: all of them at 1x, 60 at 5x: it is slow)",
    )
    p.add_argument("--seed", type=int, default=2005)
    p.add_argument(
        "--councils",
        type=int,
        default=None,
        metavar="N",
        help="only N councils (a smoke test; results.md is then not written)",
    )
    p.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help="store URL (must hold no letters); default a fresh SQLite file",
    )
    p.add_argument(
        "--keep",
        action="store_true",
        help="keep the corpus (bench/corpus/) and store (bench/out/), both ignored",
    )
    p.add_argument(
        "--cold-runs",
        type=int,
        default=None,
        help="fresh-process cold starts to time (default 3 at 1x, 1 at 5x)",
    )
    p.add_argument(
        "--no-breakdown", action="store_true", help="skip timing the index build's steps separately"
    )
    p.add_argument("--no-write", action="store_true", help="do not update bench/results.md")
    p.add_argument(
        "--no-pdf", action="store_true", help="skip rendering the archive as PDFs and their ingest"
    )
    return p.parse_args(argv)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KB


def stats(times: list[float]) -> dict:
    a = np.asarray(times)
    return {
        "n": len(a),
        "p50": float(np.percentile(a, 50)),
        "p95": float(np.percentile(a, 95)),
        "max": float(a.max()),
        "mean": float(a.mean()),
    }


KIND_P95_MS = 5  # issue 11: every answer kind answers within 5 ms at the 95th percentile


def _by_answer_kind(engine, qs) -> dict[str, dict]:
    """Every question set through ``Answerer.answer``, each answer timed and filed under the
    kind it came back as (so a kind is timed however it was asked)."""
    questions = [q.text for q in qs.grade] + qs.trend + qs.table + qs.search
    questions += [q for group in qs.by_op.values() for q in group]
    for q in questions[:20]:
        engine.answer(q)  # warm: the index, the gazetteer, the caches
    times: dict[str, list[float]] = {}
    for q in questions:
        t = time.perf_counter()
        kind = engine.answer(q).kind
        times.setdefault(str(kind), []).append(time.perf_counter() - t)
    return {kind: stats(ts) for kind, ts in times.items()}


def timed(fn: Callable, items: Sequence, warm: int = 10) -> tuple[dict, list]:
    for item in items[:warm]:
        fn(item)
    times, results = [], []
    for item in items:
        t = time.perf_counter()
        results.append(fn(item))
        times.append(time.perf_counter() - t)
    return stats(times), results


def run(args: argparse.Namespace, corpus: Path, store_file: Path) -> int:
    cache = store_file.parent / "index-cache"
    os.environ["XDG_CACHE_HOME"] = str(cache)  # never the user's own cache
    from retrieval.answerer import Answerer
    from retrieval.index import Params
    from retrieval.snapshot import Snapshot
    from retrieval.tokenize import tokenize
    from store import queries
    from store.db import create_schema, make_engine, open_session
    from store.ingest import ingest_paths
    from store.queries import judgements

    r: dict = {
        "scale": args.scale,
        "seed": args.seed,
        "queries": args.queries,
        "date": report.stamp(),
        "machine": report.machine(),
        "notes": [],
        "load_start": os.getloadavg(),
    }

    # 1. The synthetic archive
    log(f"generating the synthetic archive (scale {args.scale}, seed {args.seed}) in {corpus}")
    t = time.perf_counter()
    paths = synth.generate(corpus, scale=args.scale, seed=args.seed, councils=args.councils)
    r["generate_s"] = time.perf_counter() - t
    manifest = synth.load_manifest(corpus)
    r["letters"] = len(paths)
    r["corpus_mb"] = sum(p.stat().st_size for p in paths) / 1e6
    r["scale_note"] = (
        "one letter per council and year (APA 2005-2008, CSA 2009-2011)."
        if args.scale == 1
        else f"the same {len(paths):,} letters as 1x, each ~{args.scale}x longer "
        "(more paragraphs and bullets per section): the store keys letters by "
        "council, kind and year, so more letters per council-year cannot be "
        "stored."
    )

    # 2. Ingest through the real path
    url = args.database or f"sqlite:///{store_file}"
    sql = make_engine(url)
    create_schema(sql)
    r["database"] = (
        "a fresh SQLite file store"
        if not args.database
        else f"{sql.dialect.name} store given by --database"
    )
    with open_session(sql) as session:
        if judgements(session):
            print(
                "bench: the store given by --database already holds letters; give an empty one",
                file=sys.stderr,
            )
            return 2
    log(f"ingesting {len(paths):,} letters into {sql.url.render_as_string(hide_password=True)}")
    done = [0]

    def progress(_path: Path) -> None:
        done[0] += 1
        if done[0] % 200 == 0:
            log(f"  {done[0]:,}/{len(paths):,} ingested")

    t = time.perf_counter()
    outcome = ingest_paths(sql, [corpus], progress=progress)
    r["ingest_s"] = time.perf_counter() - t
    counts = Counter(o.status for o in outcome.outcomes)
    r["ingest_counts"] = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    r["ingest_rate"] = counts["loaded"] / r["ingest_s"]
    for failure in outcome.failed[:10]:
        log(f"  FAILED {Path(failure.path).name}: {failure.reason}")

    # 2b. The same archive as realistic PDFs (bench/pdfs.py), ingested into a second store
    if not args.no_pdf:
        r.update(pdf_ingest(paths, store_file.parent, manifest))

    # 3. Did the parser recover every grade?
    with open_session(sql) as session:
        stored = {(j.letter.authority, j.letter.year, j.area): j.grade for j in judgements(session)}
    r["recovery"] = recovery(manifest, stored)
    rec = r["recovery"]
    log(f"grade recovery: {rec['ok']}/{rec['total']} ({rec['rate'] * 100:.2f}%)")
    for line in rec["examples"]:
        log(f"  {line}")

    # 4. Snapshot and index build (the engine's own code, on an empty index cache)
    params = Params()
    t = time.perf_counter()
    snap = Snapshot.load(sql, params)
    r["snapshot_s"] = time.perf_counter() - t
    t = time.perf_counter()
    built = snap.index  # tokenize, fit rank_bm25, postings, save the cache
    r["build_s"] = time.perf_counter() - t
    r["rss_after_build_mb"] = rss_mb()
    r["passages"] = len(built.ids)
    r["ingest_passages_rate"] = r["passages"] / r["ingest_s"]
    r["vocabulary"] = len(built.postings)
    # The serving index keeps no rank_bm25 model; the reference ranking fits its own.
    reference_index = snap.reference_index()
    r["tokens"] = int(np.sum(reference_index.model.doc_len))
    t = time.perf_counter()
    again = Snapshot.load(sql, params)
    cached = again.index  # loaded from the cache just written
    r["cache_load_s"] = time.perf_counter() - t
    r["cache_mb"] = sum(f.stat().st_size for f in cache.rglob("*.npz")) / 1e6
    r["cache_hit"] = cached.model is None  # a cached index carries no rank_bm25 model
    del again, cached
    log(
        f"snapshot {r['snapshot_s']:.2f} s; index of {r['passages']:,} passages built in "
        f"{r['build_s']:.2f} s, loaded from cache in {r['cache_load_s']:.2f} s; "
        f"peak RSS {r['rss_after_build_mb']:.0f} MB"
    )
    engine = Answerer.open(sql)
    serving = engine.snapshot()
    index = serving.index  # waits for the background warm-up (a cache load) to finish

    # 5. Questions
    n = args.queries
    with open_session(sql) as session:
        texts = queries.passage_texts(session)
    qs = Q.build(manifest, texts, n, args.seed)
    del texts

    # 6. Cold starts in fresh processes: no index cache (the first start after an ingest,
    # which changes the store version) and with it (a restart of an unchanged store)
    first = cold_question(manifest, args.seed)
    batch_file = store_file.parent / "serving-batch.json"
    batch = (
        [("answer", q.text) for q in qs.grade[:100]]
        + [("answer", q) for q in (qs.trend + qs.table)[:100]]
        + [("search", q) for q in qs.search[:100]]
    )
    batch_file.parent.mkdir(parents=True, exist_ok=True)
    batch_file.write_text(json.dumps(batch), encoding="utf-8")
    runs = args.cold_runs or (3 if args.scale == 1 else 1)
    cold = {}
    for label, with_cache in (("no index cache", False), ("index cache", True)):
        for mode, text in (("answer", first), ("search", qs.search[0])):
            cold[(label, mode)] = cold_start(
                url, mode, text, batch_file, runs, cache if with_cache else None
            )
            log(
                f"cold start, {label}, first {mode}: {cold[(label, mode)]['median']:.2f} s "
                f"({cold[(label, mode)]['split']})"
            )
    r["cold_question"] = first
    r["cold_all"] = {f"{label}|{mode}": v for (label, mode), v in cold.items()}
    r["cold"] = cold[("no index cache", "answer")]
    r["rss_serving_mb"] = max(v["rss_mb"] for v in cold.values())
    r["rss_cold_mb"] = r["cold"]["first_rss_mb"]

    # 7. Latency of each class through the engine
    lat: dict[str, dict] = {}
    s, answers = timed(lambda q: engine.answer(q.text), qs.grade)
    right = sum(1 for q, a in zip(qs.grade, answers, strict=True) if grade_ok(q, a))
    kinds = Counter(a.kind for a in answers)
    lat["grade"] = {
        "label": "grade question (`Answerer.answer`)",
        **s,
        "note": f"{right}/{len(answers)} answered as the manifest says; kinds " + _kinds(kinds),
    }
    s_t, trend_answers = timed(engine.answer, qs.trend)
    s_b, table_answers = timed(engine.answer, qs.table)
    s_tt, _ = timed(engine.answer, qs.trend + qs.table, warm=0)
    lat["trend_table"] = {
        "label": "trend + table questions (`Answerer.answer`)",
        **s_tt,
        "note": "kinds " + _kinds(Counter(a.kind for a in trend_answers + table_answers)),
    }
    lat["trend"] = {"label": "&nbsp;&nbsp;trend only", **s_t}
    lat["table"] = {"label": "&nbsp;&nbsp;table only", **s_b}
    s, _ = timed(lambda text: engine.search(text, k=10), qs.search)
    lat["search_engine"] = {
        "label": "unscoped passage search (`Answerer.search`, k=10)",
        **s,
        "note": "question text in, composed Answer out (passage rows fetched from the store)",
    }
    tokens = [tokenize(text) for text in qs.search]
    s, fast = timed(lambda text: index.search(tokenize(text), 10), qs.search)
    lat["search_index"] = {
        "label": "&nbsp;&nbsp;tokenize + `PassageIndex.search` (fast path)",
        **s,
        "note": "tokens -> top-10 ids, as the rivals below",
    }
    by_kind = _by_answer_kind(engine, qs)
    for kind, stats_of in sorted(by_kind.items()):
        lat[f"kind_{kind}"] = {"label": f"&nbsp;&nbsp;answers of kind `{kind}`", **stats_of}
    r["kind_p95_ms"] = {k: round(v["p95"] * 1000, 3) for k, v in sorted(by_kind.items())}
    log(
        "p95 by answer kind: "
        + ", ".join(f"{k} {v:.2f} ms" for k, v in r["kind_p95_ms"].items())
        + f" (target {KIND_P95_MS} ms)"
    )
    for name in ("grade", "trend_table", "search_engine", "search_index"):
        log(f"{name}: p50 {lat[name]['p50'] * 1000:.2f} ms, p95 {lat[name]['p95'] * 1000:.2f} ms")

    # 8. Exhaustive rank-bm25 on a subset: the reference ranking
    ref_n = min(n, args.reference if args.reference is not None else (n if args.scale == 1 else 60))
    log(f"exhaustive rank-bm25 scoring of {ref_n} queries (slow)")
    s, reference = timed(
        lambda toks: reference_index.reference_search(toks, 10), tokens[:ref_n], warm=1
    )
    lat["reference"] = {
        "label": "exhaustive rank-bm25 `get_scores` (`reference_search`)",
        **s,
        "note": f"first {ref_n} search queries",
    }
    ref_ids = [[h.passage_id for h in hits] for hits in reference]
    fast_ids = [[h.passage_id for h in hits] for hits in fast[:ref_n]]
    r["parity"] = {"n": ref_n, "exact": sum(a == b for a, b in zip(fast_ids, ref_ids, strict=True))}
    mismatches = [
        (qs.search[i], fast_ids[i], ref_ids[i]) for i in range(ref_n) if fast_ids[i] != ref_ids[i]
    ]
    for text, got, want in mismatches[:5]:
        r["notes"].append(
            f"fast path differs from exhaustive scoring for '{text}': {got} vs {want}"
        )
    side = [
        {
            **lat["search_index"],
            "label": "ours: tokenize + `PassageIndex.search` (fast path)",
            "overlap": overlap(fast_ids, ref_ids),
            "exact": f"{r['parity']['exact']}/{ref_n}",
        },
        {
            **lat["reference"],
            "label": "exhaustive rank-bm25 `get_scores` (reference)",
            "overlap": 1.0,
            "exact": f"{ref_n}/{ref_n}",
        },
    ]

    # 9. The rivals, on the same passages and tokens
    ids = [int(i) for i in built.ids]
    with open_session(sql) as session:
        docs = [tokenize(text) for text in queries.passage_texts(session)]
    try:
        from bench.rivals import Bm25sIndex

        t = time.perf_counter()
        bm = Bm25sIndex(ids, docs, params)
        r["bm25s_build_s"] = time.perf_counter() - t
        s, got = timed(lambda text: bm.search(tokenize(text), 10), qs.search)
        lat["bm25s"] = {"label": f"bm25s ({bm.method}, numpy backend)", **s}
        side.append(
            {
                "label": f"bm25s {_version('bm25s')} ({bm.method}, same k1/b/delta)",
                **s,
                "overlap": overlap(got[:ref_n], ref_ids),
                "exact": f"{sum(a == b for a, b in zip(got, ref_ids, strict=False))}/{ref_n}",
            }
        )
        bm = None  # free it before the next one
    except ImportError:
        r["notes"].append("bm25s is not installed (pip install -e '.[bench]'): no bm25s row")
    from bench.rivals import Fts5Index

    t = time.perf_counter()
    fts = Fts5Index(ids, docs)
    r["fts5_build_s"] = time.perf_counter() - t
    s, got = timed(lambda text: fts.search(tokenize(text), 10), qs.search)
    lat["fts5"] = {"label": "SQLite FTS5 (in memory, MATCH OR, ORDER BY rank)", **s}
    side.append(
        {
            "label": "SQLite FTS5 bm25() (Okapi, k1=1.2, b=0.75)",
            **s,
            "overlap": overlap(got[:ref_n], ref_ids),
            "exact": f"{sum(a == b for a, b in zip(got, ref_ids, strict=False))}/{ref_n}",
        }
    )
    fts = docs = None
    r["side_by_side"] = side
    r["latency"] = lat
    r["rss_end_mb"] = rss_mb()
    r["load_end"] = os.getloadavg()

    # 10. Where the index build's time goes
    built = snap = reference_index = None  # free the reference model before a second build
    if not args.no_breakdown:
        r["build_breakdown"] = build_breakdown(sql, params)

    r["notes"] += [
        "Cold start: `python -c` in a fresh process opens the engine on the same store and "
        "answers one grade question (or runs one search); wall time from just before the "
        "process is spawned to the answer (interpreter start and imports included), with an "
        "empty index cache (the first start after an ingest, which changes the store version) "
        "and with the cache the benchmark wrote (a restart). The OS page cache is warm.",
        "The index is built right after the ingest, in the same process and cache folder, as "
        "`letters ingest` does once it has loaded letters: the 'index cache' cold starts are "
        "the first start after `letters ingest` (or any restart); 'no index cache' is a store "
        "changed some other way (e.g. `ingest_paths` called from code) or a lost cache.",
        "Max latencies far above p95 are full (generation 2) garbage collections over the "
        "long-lived snapshot objects: `gc.freeze()` after loading removes them (measured "
        "separately at 1x: max 59 ms -> 7 ms, p95 unchanged).",
        "Serving RSS: the fresh process's peak RSS (`VmHWM`; `ru_maxrss` would include the "
        f"parent's, as Linux keeps it across fork and exec) after its first answer and "
        f"{len(batch)} more mixed questions and searches.",
        "Load average (1, 5, 15 min) at the start: "
        + ", ".join(f"{x:.2f}" for x in r["load_start"])
        + "; after the latency runs: "
        + ", ".join(f"{x:.2f}" for x in r["load_end"])
        + f" (on {r['machine']['nproc']} "
        "CPUs; above ~1 means other work shared the machine and timings are pessimistic).",
        "bm25s and FTS5 are given the passages already tokenized by `retrieval.tokenize`; "
        "their latency is tokenize + top-10, like the fast-path row.",
    ]
    print_summary(r)
    raw = HERE / "out" / f"last-x{args.scale}.json"  # bench/out/ is git-ignored
    raw.parent.mkdir(parents=True, exist_ok=True)
    raw.write_text(json.dumps(r, indent=1, default=str), encoding="utf-8")
    if not args.no_write and args.councils is None:
        path = report.write_results(r)
        log(f"wrote {path.relative_to(ROOT)}")
    return 0 if rec["rate"] == 1 else 1


def _version(package: str) -> str:
    return report._version(package)


def _kinds(kinds: Counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in kinds.most_common())


def grade_ok(q: Q.GradeQuestion, answer) -> bool:
    if q.expected is None:
        return answer.kind == "no_grade"
    return (
        answer.kind == "grade"
        and len(answer.judgements) == 1
        and answer.judgements[0].grade == q.expected
        and answer.judgements[0].authority == q.council
        and answer.judgements[0].year == q.year
    )


def overlap(got: list[list[int]], want: list[list[int]]) -> float:
    shares = [
        len(set(a[:10]) & set(b[:10])) / len(b[:10]) for a, b in zip(got, want, strict=False) if b
    ]
    return float(np.mean(shares)) if shares else 1.0


def recovery(manifest: dict, stored: dict[tuple[str, int, str], int]) -> dict:
    total = ok = 0
    failed: Counter = Counter()
    examples = []
    expected_keys = set()
    for item in manifest["letters"]:
        for area, grade in item["grades"].items():
            key = (item["council"], item["year"], area)
            expected_keys.add(key)
            total += 1
            if stored.get(key) == grade:
                ok += 1
            else:
                failed[item["layout"]] += 1
                if len(examples) < 10:
                    examples.append(
                        f"{item['file']}: {area} expected {grade}, got {stored.get(key)}"
                    )
    extra = [k for k in stored if k not in expected_keys]  # a grade the letter does not give
    for key in extra[:5]:
        examples.append(f"unexpected grade {key} = {stored[key]}")
    rate = ok / (total + len(extra)) if total else 0.0
    return {
        "total": total,
        "ok": ok,
        "rate": rate,
        "extra": len(extra),
        "failed_layouts": dict(failed),
        "examples": examples,
    }


def cold_question(manifest: dict, seed: int) -> str:
    """The issue's example form, for a council the archive holds a 2007 letter for."""
    import random

    held = sorted(i["council"] for i in manifest["letters"] if i["year"] == 2007)
    return f"what was {random.Random(f'{seed}:cold').choice(held)}'s staying safe grade in 2007?"


def cold_start(
    url: str, mode: str, text: str, batch_file: Path, runs: int, cache: Path | None
) -> dict:
    """Median wall time from spawning a fresh process to its first answer. With ``cache``
    None each run gets an empty index cache; otherwise the cache the benchmark wrote."""
    results = []
    for i in range(runs):
        with tempfile.TemporaryDirectory(prefix="letters-bench-cache-") as empty:
            env = dict(
                os.environ,
                PYTHONDONTWRITEBYTECODE="1",
                XDG_CACHE_HOME=str(cache if cache is not None else empty),
            )
            spawned = time.time()
            done = subprocess.run(
                [sys.executable, "-c", COLD_CHILD, url, mode, text]
                + ([str(batch_file)] if i == 0 else []),
                capture_output=True,
                text=True,
                cwd=ROOT,
                env=env,
                check=False,
            )
        if done.returncode:
            raise RuntimeError(f"cold-start process failed: {done.stderr[-2000:]}")
        child = json.loads(done.stdout.strip().splitlines()[-1])
        child["spawned"] = spawned
        results.append(child)
    walls = [c["answered"] - c["spawned"] for c in results]
    mid = results[int(np.argsort(walls)[len(walls) // 2])]
    split = (
        f"interpreter {mid['start'] - mid['spawned']:.2f} s, imports "
        f"{mid['imported'] - mid['start']:.2f} s, Answerer.open "
        f"{mid['opened'] - mid['imported']:.2f} s, first {mode} (snapshot + answer) "
        f"{mid['answered'] - mid['opened']:.2f} s; answer kind '{mid['kind']}'"
    )
    return {
        "runs": walls,
        "median": float(np.median(walls)),
        "split": split,
        "first_rss_mb": results[0]["first_rss_kb"] / 1024,
        "rss_mb": results[0]["rss_kb"] / 1024,
    }


def build_breakdown(sql, params) -> dict[str, float]:
    """Snapshot.load's steps timed one by one (a second build, after everything else)."""
    from retrieval import index as idx
    from retrieval.tokenize import tokenize
    from store import queries
    from store.db import open_session

    steps: dict[str, float] = {}
    t = time.perf_counter()
    with open_session(sql) as session:
        texts = queries.passage_texts(session)
    steps["read passage texts from the store"] = time.perf_counter() - t
    t = time.perf_counter()
    docs = [tokenize(text) for text in texts]
    steps["tokenize passages"] = time.perf_counter() - t
    kwargs = {"k1": params.k1, "b": params.b}
    kwargs.update(
        {"epsilon": params.epsilon} if params.variant == "okapi" else {"delta": params.delta}
    )
    t = time.perf_counter()
    model = idx.VARIANTS[params.variant](docs, **kwargs)
    steps["rank_bm25 fit (doc_freqs, idf)"] = time.perf_counter() - t
    postings = getattr(idx, "_postings", None)
    if postings is not None:
        t = time.perf_counter()
        table = postings(model, params)
        steps["postings (per-term contributions)"] = time.perf_counter() - t
        index = idx.PassageIndex(list(range(len(docs))), model, table, params)
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            index.save(Path(tmp) / "index.npz")
            steps["save the cache (.npz)"] = time.perf_counter() - t
    return steps


def pdf_ingest(texts: list[Path], work: Path, manifest: dict) -> dict:
    """Render every letter as a realistic PDF (not timed), ingest them into a fresh store
    (timed: extraction in worker processes, as ``letters ingest`` does), and count the grades
    recovered against the manifest."""
    from bench.pdfs import archive_pdfs
    from store import queries
    from store.db import create_schema, make_engine, open_session
    from store.ingest import ingest_paths

    folder = work / "pdf-corpus"
    log(f"rendering {len(texts):,} letters as PDFs in {folder}")
    t = time.perf_counter()
    archive_pdfs([(p.name, p.read_text(encoding="utf-8")) for p in texts], folder)
    rendered = time.perf_counter() - t
    sql = make_engine(f"sqlite:///{work / 'pdf-store.sqlite3'}")
    create_schema(sql)
    log(f"ingesting {len(texts):,} PDFs")
    t = time.perf_counter()
    outcome = ingest_paths(sql, [folder])
    took = time.perf_counter() - t
    counts = Counter(o.status for o in outcome.outcomes)
    with open_session(sql) as session:
        stored = {
            (j.letter.authority, j.letter.year, j.area): j.grade
            for j in queries.judgements(session)
        }
    return {
        "pdf_render_s": rendered,
        "pdf_ingest_s": took,
        "pdf_ingest_rate": counts["loaded"] / took,
        "pdf_ingest_counts": ", ".join(f"{n} {s}" for s, n in sorted(counts.items())),
        "pdf_recovery": recovery(manifest, stored),
    }


def print_summary(r: dict) -> None:
    w = sys.stdout.write
    w(
        f"\nletters benchmark, scale {r['scale']}x, seed {r['seed']} (SYNTHETIC corpus: "
        f"{r['letters']:,} letters, {r['passages']:,} passages)\n"
    )
    m = r["machine"]
    w(f"machine: {m['nproc']} CPUs, {m['cpu']}, {m['ram']} RAM, {m['python']}\n\n")
    w(f"  ingest             {r['ingest_rate']:8.1f} letters/s ({r['ingest_s']:.1f} s)\n")
    if "pdf_ingest_rate" in r:
        rec = r["pdf_recovery"]
        w(
            f"  ingest as PDFs     {r['pdf_ingest_rate']:8.1f} letters/s "
            f"({r['pdf_ingest_s']:.1f} s; {r['pdf_ingest_counts']}; grades "
            f"{rec['ok']}/{rec['total']}; target: the archive in 120 s)\n"
        )
    w(
        f"  grade recovery     {r['recovery']['ok']}/{r['recovery']['total']} "
        f"({r['recovery']['rate'] * 100:.2f}%)\n"
    )
    w(f"  Snapshot.load      {r['snapshot_s']:8.2f} s (light: judgements, passage keys)\n")
    w(
        f"  index build        {r['build_s']:8.2f} s (empty cache); load from cache "
        f"{r['cache_load_s']:.2f} s\n"
    )
    for k, v in r.get("build_breakdown", {}).items():
        w(f"    {k:<48} {v:6.2f} s\n")
    for key, v in r.get("cold_all", {}).items():
        w(f"  cold start         {v['median']:8.2f} s to first answer ({key.replace('|', ', ')})\n")
    w(
        f"  peak RSS           {r['rss_serving_mb']:8.0f} MB serving process, "
        f"{r['rss_after_build_mb']:.0f} MB benchmark after build\n\n"
    )
    w(f"  {'latency':<62} {'n':>5} {'p50':>10} {'p95':>10} {'max':>10}\n")
    for row in r["latency"].values():
        label = row["label"].replace("&nbsp;", " ").replace("`", "")
        w(
            f"  {label:<62} {row['n']:>5} {row['p50'] * 1000:>8.2f}ms {row['p95'] * 1000:>8.2f}ms "
            f"{row['max'] * 1000:>8.2f}ms\n"
        )
        if row.get("note") and "manifest" in row["note"]:
            w(f"      {row['note']}\n")
    w(f"\n  {'top-10 vs exhaustive rank-bm25':<62} {'overlap':>8} {'exact':>10}\n")
    for row in r["side_by_side"]:
        label = row["label"].replace("&nbsp;", " ").replace("`", "")
        w(f"  {label:<62} {row['overlap'] * 10:>6.2f}/10 {row['exact']:>10}\n")
    w("\n  targets\n")
    for name, limit, value, verdict in report.target_rows(r):
        w(f"    {name:<66} {limit:>14} {value:>12}  {verdict}\n")
    w("\n")


if __name__ == "__main__":
    sys.exit(main())
