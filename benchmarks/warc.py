"""WARC input: throughput against trafilatura, the reader's share, F1 and peak memory.

    python benchmarks/warc.py ../shared/bench/articles [--records 500] [--repeat 1] [--no-memory]

Builds, in a temporary folder, WARC files from the article benchmark's pages (warcio,
gzip per record, a request record before each response, as crawlers write them), and
measures in one run:

* records/s and MB/s (of HTML) of ``cleaner clean X.warc.gz --jsonl OUT`` with 1 and 2
  workers, and of ``trafilatura.extract`` over the same records read by the same reader
  (cleaner.warc, FastWARC), each a process of its own timed from start to end: wall
  time, and CPU time of the process and its children (steadier on a shared machine);
* what reading costs: the same 500 pages cleaned as files (``cleaner clean DIR --out``,
  1 worker) against the WARC, and the CPU time of reading the archive alone;
* F1 of the article benchmark's metric on the 90 pages, from a WARC and from the files
  (both through the CLI), and from a WARC whose HTTP headers give the charset;
* peak resident memory of the CLI (default workers) on the archive and on one ten
  times larger (``--no-memory`` skips it: the large run takes minutes).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from articles import true_bodies
from checkout import ROOT  # (before cleaner: the checkout, or the installed build)
from scoring import score
from throughput import measure_stream
from warcs import Response, article_pages, write_warc


def build(pages: dict[str, bytes], path: Path, records: int, charset: bool = False) -> int:
    """A WARC of ``records`` responses cycling through ``pages``; returns the HTML bytes."""
    content_type = "text/html; charset=utf-8" if charset else "text/html"
    keys = sorted(pages)
    chosen = [keys[i % len(keys)] for i in range(records)]
    write_warc(
        path, [Response(f"https://bench.example/{i}/{k}", pages[k], content_type) for i, k in enumerate(chosen)]
    )
    return sum(len(pages[k]) for k in chosen)


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", "clean", *args, "--quiet"]


def peer(warc: str) -> None:
    """trafilatura.extract on each page of ``warc``, read by cleaner's reader (a process of its own)."""
    import trafilatura

    from cleaner.warc import read_pages

    for page in read_pages(warc, lambda result: None, 1 << 28):
        trafilatura.extract(page.data)


def read_only(warc: Path) -> float:
    """CPU seconds to read every page of ``warc`` (no cleaning)."""
    from cleaner.warc import read_pages

    start = time.process_time()
    for _ in read_pages(str(warc), lambda result: None, 1 << 28):
        pass
    return time.process_time() - start


def best(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [timed(cmd) for _ in range(repeat)]
    return min(w for w, _ in runs), min(c for _, c in runs)


def throughput(warc: Path, folder: Path, out: Path, records: int, size: int, repeat: int) -> None:
    """The table of speeds, then what reading costs."""
    runs = {
        "cleaner, 1 worker": cli(str(warc), "--jsonl", str(out / "w1.jsonl"), "-j", "1"),
        "cleaner, 2 workers": cli(str(warc), "--jsonl", str(out / "w2.jsonl"), "-j", "2"),
        "trafilatura.extract, 1 process": [sys.executable, __file__, "--peer", str(warc)],
        "cleaner on the same pages as files, 1 worker": cli(str(folder), "--out", str(out / "files"), "-j", "1"),
    }
    print(f"| {records} records, {size / 1e6:.1f} MB of HTML | wall s | records/s | MB/s | CPU s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    times = {}
    for name, cmd in runs.items():
        wall, cpu = times[name] = best(cmd, repeat)
        print(f"| {name} | {wall:.1f} | {records / wall:.1f} | {size / 1e6 / wall:.2f} | {cpu:.1f} |")
        if "files" in name:
            subprocess.run(["rm", "-rf", str(out / "files")], check=True)
    one, peer_run = times["cleaner, 1 worker"], times["trafilatura.extract, 1 process"]
    files = times["cleaner on the same pages as files, 1 worker"]
    reading = read_only(warc)
    print(
        f"\ncleaner (1 worker) over trafilatura: {peer_run[0] / one[0]:.2f}x its speed (wall), "
        f"{peer_run[1] / one[1]:.2f}x (CPU)"
    )
    print(f"2 workers over 1: {one[0] / times['cleaner, 2 workers'][0]:.2f}x")
    print(f"WARC over files, 1 worker: wall {one[0] / files[0]:.3f}x, CPU {one[1] / files[1]:.3f}x (target < 1.10x)")
    print(f"reading the archive alone: {reading:.2f} s CPU, {reading / one[1]:.1%} of the CPU time cleaning it takes")


def f1_from(records: Path, truth: dict[str, str]) -> float:
    bodies = {}
    for line in records.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        bodies[record["url"].rsplit("/", 1)[1]] = record["text"]
    return score([(truth[k], bodies.get(k, "")) for k in truth]).f1


def f1_files(data: Path, out: Path, truth: dict[str, str]) -> float:
    subprocess.run(cli(str(data / "html"), "--out", str(out)), check=True, cwd=ROOT)
    return score([(truth[k], (out / f"{k}.txt").read_text(encoding="utf-8")) for k in truth]).f1


def f1_table(data: Path, pages: dict[str, bytes], tmp: Path) -> None:
    truth = true_bodies(data)
    print(f"\n| {len(truth)} benchmark pages, through the CLI | F1 |")
    print("| --- | ---: |")
    print(f"| the files (html/KEY.html.gz) | {f1_files(data, tmp / 'f1-files', truth):.4f} |")
    for charset in (False, True):
        warc = tmp / f"f1-{charset}.warc.gz"
        build(pages, warc, len(pages), charset)
        subprocess.run(cli(str(warc), "--jsonl", str(tmp / "f1.jsonl")), check=True, cwd=ROOT)
        label = "a WARC, Content-Type: text/html" + ("; charset=utf-8" if charset else "")
        print(f"| {label} | {f1_from(tmp / 'f1.jsonl', truth):.4f} |")


def memory(pages: dict[str, bytes], tmp: Path, records: int) -> None:
    peaks = []
    for n in (records, 10 * records):
        warc = tmp / f"mem-{n}.warc.gz"
        build(pages, warc, n)
        seconds, largest, tree = measure_stream(warc, os.devnull)
        peaks.append((largest, tree))
        print(
            f"{n} records ({warc.stat().st_size / 1e6:.0f} MB gzip): {seconds:.0f} s, peak RSS largest process "
            f"{largest / 2**20:.0f} MiB, process tree {tree / 2**20:.0f} MiB"
        )
        warc.unlink()
    print(
        f"10x archive over 1x: largest process {peaks[1][0] / peaks[0][0]:.2f}x, tree {peaks[1][1] / peaks[0][1]:.2f}x"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, nargs="?", help="the article benchmark folder")
    ap.add_argument("--records", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=1, help="timed runs of each command; the fastest counts")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    ap.add_argument("--peer", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer:
        return peer(args.peer)
    if args.data is None:
        ap.error("give the article benchmark folder")
    pages = article_pages(args.data)
    print(f"# WARC input, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="cleaner-warc-") as name:
        tmp = Path(name)
        size = build(pages, tmp / "bench.warc.gz", args.records)
        folder = tmp / "pages"
        folder.mkdir()
        keys = sorted(pages)
        for i in range(args.records):
            (folder / f"{i:05d}-{keys[i % len(keys)]}.html.gz").write_bytes(gzip.compress(pages[keys[i % len(keys)]]))
        throughput(tmp / "bench.warc.gz", folder, tmp, args.records, size, args.repeat)
        f1_table(args.data, pages, tmp)
        if not args.no_memory:
            memory(pages, tmp, args.records)
    print(f"(load average after: {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
