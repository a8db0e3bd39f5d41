"""What does sending a batch to Dask cost, against the local ``--workers`` pool?

    python benchmarks/dask_overhead.py ../shared/bench/articles [--docs 3000] [--repeat 2]

Builds one corpus from ``DATA_DIR/text/*.txt`` and ``seeds/*.txt``, copied into
sub-folders until it holds ``--docs`` files, then times on that same corpus:

* ``local``:  ``cleaner clean CORPUS --out A --workers 2`` (the process pool);
* ``dask``:   ``cleaner clean CORPUS --out B --scheduler ADDRESS`` against a
  ``LocalCluster`` of 2 worker processes (1 thread each) started beforehand, as a
  running scheduler would be (its start-up is reported, not counted);
* ``api``:    ``cleaner.dask.clean_files(CORPUS).compute()`` on the same cluster
  (records come back to the client; nothing is written).

Each command runs as a fresh process (``python -m cleaner``), as a user types it;
the paths alternate and the best of ``--repeat`` runs of each counts. The overhead per document is
``(dask - local) / docs``. The two output folders are compared byte for byte.
Timings on a shared machine are noisy: compare within one run, and note the load.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(data_dir: Path, folder: Path, docs: int) -> int:
    sources = sorted((data_dir / "text").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    if not sources:
        sys.exit(f"no text files under {data_dir / 'text'} or seeds/")
    texts = [(p.name, p.read_bytes()) for p in sources]
    for i in range(docs):
        name, data = texts[i % len(texts)]
        sub = folder / f"r{i // len(texts):03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / name).write_bytes(data)
    return docs


def timed(cmd: list[str], out: Path) -> float:
    """Seconds one run of ``cmd`` takes, into a fresh ``out`` folder."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    return elapsed


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return False
    return all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path, help="the article benchmark folder (with text/)")
    parser.add_argument("--docs", type=int, default=3000, help="documents in the corpus (default 3000)")
    parser.add_argument("--workers", type=int, default=2, help="local processes and Dask workers (default 2)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per path; the best counts (default 1)")
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    from cleaner.dask import clean_files

    with tempfile.TemporaryDirectory(prefix="cleaner-dask-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        n = build_corpus(args.data_dir, corpus, args.docs)
        size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
        cli = [sys.executable, "-m", "cleaner", "clean", str(corpus), "--quiet", "--force"]

        t0 = time.perf_counter()
        with (
            LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,
        ):
            client.wait_for_workers(args.workers)
            startup = time.perf_counter() - t0
            address = cluster.scheduler_address

            local = dask = api = float("inf")
            for _ in range(args.repeat):  # alternate the paths, so load changes hit both
                local = min(
                    local, timed(cli + ["--out", str(work / "local"), "--workers", str(args.workers)], work / "local")
                )
                dask = min(dask, timed(cli + ["--out", str(work / "dask"), "--scheduler", address], work / "dask"))
                start = time.perf_counter()
                records = clean_files(str(corpus)).compute()
                api = min(api, time.perf_counter() - start)
                assert len(records) == n
        identical = same_tree(work / "local", work / "dask")

    load = os.getloadavg()
    print(time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    print(f"corpus: {n} documents, {size / 1e6:.1f} MB; {args.workers} workers; best of {args.repeat}")
    print(f"load average before the summary: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"LocalCluster start-up (not counted): {startup:.2f} s")
    print(f"{'path':<34} {'seconds':>8} {'docs/s':>8} {'ms/doc':>8}")
    for name, secs in (
        ("local  --workers", local),
        ("dask   --scheduler (CLI)", dask),
        ("dask   clean_files().compute()", api),
    ):
        print(f"{name:<34} {secs:>8.2f} {n / secs:>8.0f} {1000 * secs / n:>8.3f}")
    print(
        f"overhead of the Dask CLI path: {1000 * (dask - local) / n:+.3f} ms per document "
        f"({100 * (dask - local) / local:+.0f}%)"
    )
    print(f"output folders identical: {'yes' if identical else 'NO'}")


if __name__ == "__main__":
    main()
