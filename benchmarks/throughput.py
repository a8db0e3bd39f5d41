"""Batch throughput with 1 and 2 workers, and peak memory of JSONL streams.

    python benchmarks/throughput.py DATA_DIR [--docs 2000] [--small-mb 200] [--large-mb 1000]

DATA_DIR is the article benchmark folder (``../shared/bench/articles`` from the
project root in a checkout beside shared/).

Builds, in a temporary folder that is removed afterwards, a corpus of ``--docs``
documents (the project's seeds and the benchmark's ``text/*.txt`` pages, repeated),
then measures in one run:

* documents and MB per second cleaning that folder with 1 and with 2 workers (the
  code ``cleaner clean DIR --out OUT`` runs; best of ``--repeat`` runs each, taking turns,
  into a fresh output folder, the pipeline warmed up first, the pool start included);
* peak resident memory of ``cleaner clean big.jsonl --jsonl OUT`` (a separate
  process, default workers) for a ``--small-mb`` and a ``--large-mb`` JSONL stream:
  the largest single process (getrusage) and the sum over the process tree
  (sampled from /proc every 20 ms).

Timings depend on what else the machine runs: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from checkout import ROOT  # (before cleaner: the checkout, or the installed build)

from cleaner import Pipeline, batch
from cleaner.plan import plan


def load_texts(data_dir: Path) -> list[str]:
    pages = sorted((data_dir / "text").glob("*.txt"))
    if not pages:
        sys.exit(f"no .txt pages under {data_dir / 'text'}: give the article benchmark folder")
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")) + pages]


def build_folder(texts: list[str], folder: Path, docs: int) -> int:
    """``docs`` files in 20 subfolders; returns their total size in bytes."""
    size = 0
    for i in range(docs):
        path = folder / f"part{i % 20:02d}" / f"doc{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = texts[i % len(texts)].encode("utf-8")
        path.write_bytes(data)
        size += len(data)
    return size


def build_jsonl(texts: list[str], path: Path, megabytes: int) -> int:
    """A JSONL file of about ``megabytes`` MB: records {id, url, text}; returns the record count."""
    target = megabytes * 1_000_000
    lines = [json.dumps({"id": None, "url": f"https://example.com/{i}", "text": t}) for i, t in enumerate(texts)]
    written = n = 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < target:
            line = lines[n % len(lines)].replace('"id": null', f'"id": {n}', 1) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def time_folder(src: Path, out_root: Path, worker_counts: tuple[int, ...], repeat: int) -> dict[int, float]:
    """Best wall time of cleaning ``src`` for each worker count.

    The counts take turns (1, 2, 1, 2, ...) so that a change in the machine's load
    falls on all of them alike.
    """
    pipeline = Pipeline()
    pipeline.clean("Warm up the language profiles and the filters before timing anything at all.")
    best = {w: float("inf") for w in worker_counts}
    for r in range(repeat):
        for workers in worker_counts:
            tasks, problems = plan([src], pipeline, out_root / f"w{workers}-r{r}")
            assert not problems, problems
            start = time.perf_counter()
            totals = batch.run(tasks, pipeline, workers)
            best[workers] = min(best[workers], time.perf_counter() - start)
            assert not totals.errors and totals.cleaned == len(tasks), totals.errors[:3]
    return best


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (0 for ones that just ended)."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def measure_stream(path: Path, out: str) -> tuple[float, int, int]:
    """(seconds, peak RSS of the largest process, peak RSS summed over the tree) for one stream."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "rc = subprocess.run(sys.argv[1:]).returncode\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, flush=True)\n"
        "sys.exit(rc)\n"
    )
    cmd = [
        sys.executable,
        "-c",
        wrapper,
        sys.executable,
        "-m",
        "cleaner",
        "clean",
        str(path),
        "--jsonl",
        out,
        "--quiet",
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, tree_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"cleaner failed on {path} (exit {proc.returncode})")
    return elapsed, int(stdout.split()[-1]) * 1024, peak_tree


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "data", type=Path, help="the article benchmark folder (its text/ pages, with seeds/, are the corpus)"
    )
    ap.add_argument("--docs", type=int, default=2000, help="documents in the folder corpus (at least 2000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per worker count; the best counts")
    ap.add_argument("--small-mb", type=int, default=200)
    ap.add_argument("--large-mb", type=int, default=1000)
    ap.add_argument("--no-memory", action="store_true", help="skip the JSONL memory runs")
    ap.add_argument("--tmp", type=Path, default=None, help="where to build the corpus (default: the system temp)")
    args = ap.parse_args()

    texts = load_texts(args.data)
    print(
        f"# cleaner throughput, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{os.cpu_count()} cores, load average before: {os.getloadavg()[0]:.2f}"
    )
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-", dir=args.tmp) as tmp:
        tmp_path = Path(tmp)
        size = build_folder(texts, tmp_path / "corpus", args.docs)
        print(f"folder corpus: {args.docs} documents, {size / 1e6:.1f} MB ({len(texts)} distinct pages repeated)")
        rates = {}
        for workers, seconds in time_folder(tmp_path / "corpus", tmp_path / "out", (1, 2), args.repeat).items():
            rates[workers] = args.docs / seconds
            print(
                f"  {workers} worker(s): {seconds:6.2f} s  {args.docs / seconds:8.1f} docs/s  "
                f"{size / 1e6 / seconds:6.2f} MB/s"
            )
        print(f"  (load average after: {os.getloadavg()[0]:.2f})")
        print(f"  scaling, 2 workers over 1: {rates[2] / rates[1]:.2f}x (target >= 1.7x)")
        if args.no_memory:
            return
        peaks = {}
        for mb in (args.small_mb, args.large_mb):
            path = tmp_path / f"stream-{mb}mb.jsonl"
            records = build_jsonl(texts, path, mb)
            seconds, largest, tree = measure_stream(path, os.devnull)
            peaks[mb] = (largest, tree)
            path.unlink()
            print(
                f"JSONL stream {mb} MB ({records} records): {seconds:6.1f} s, "
                f"{mb / seconds:5.2f} MB/s, peak RSS largest process {largest / 2**20:6.1f} MiB, "
                f"process tree {tree / 2**20:6.1f} MiB   (load average {os.getloadavg()[0]:.2f})"
            )
        small, large = peaks[args.small_mb], peaks[args.large_mb]
        print(
            f"  peak memory, {args.large_mb} MB over {args.small_mb} MB stream: "
            f"largest process {large[0] / small[0]:.2f}x, tree {large[1] / small[1]:.2f}x (target <= 1.2x)"
        )


if __name__ == "__main__":
    main()
