"""The CLI over the hostile fixture set, beside good files.

Every good file is cleaned, every bad one is named with its reason, the exit code
is non-zero, nothing hangs, peak memory stays bounded, no input is changed, a second
run gives the same outcome, and an output folder inside the input folder is refused
before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, SEED_PAGES, SEEDS

sys.path.insert(0, str(ROOT / "fixtures" / "hostile"))
import generate  # noqa: E402

TIME_LIMIT = 300  # seconds: a run still going then has hung (a guard, not a speed test)
MEMORY_LIMIT_MB = 1200  # peak resident memory of the CLI process (and its workers)

# Runs the CLI in-process and reports its peak memory (and its children's) on stderr.
WRAPPER = """
import resource, sys
from cleaner.cli import app
try:
    app(sys.argv[1:], prog_name="cleaner")
finally:
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"PEAK_RSS_KB {peak}", file=sys.stderr)
"""


def run_cli(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess, int]:
    """The finished CLI process (killed as hung past TIME_LIMIT) and its peak memory in MB."""
    env = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", WRAPPER, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        stdin=subprocess.DEVNULL,
    )
    peak = next((int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("PEAK_RSS_KB")), 0)
    return proc, peak // 1024


def snapshot(folder: Path, skip: Path) -> dict[str, str]:
    out = {}
    for dirpath, _dirnames, filenames in os.walk(folder):
        if Path(dirpath) == skip or skip in Path(dirpath).parents:
            continue
        for name in filenames:
            p = Path(dirpath) / name
            if p.is_file() and not p.is_symlink():
                out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def outputs_by_source(out: Path) -> dict[str, str]:
    """Input path (as recorded in each metadata file) -> cleaned body."""
    found = {}
    for meta_path in out.rglob("*.json"):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        source = meta.get("source") or meta.get("metadata", {}).get("source")
        body = meta_path.with_suffix(".txt")
        if source and body.exists():
            found[os.path.normpath(source)] = body.read_text(encoding="utf-8")
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("hostile")
    src = root / "in"
    for part in ("good", "bad", "clash"):
        shutil.copytree(ROOT / "fixtures" / "hostile" / part, src / part)
    expected = generate.generate(src, large=True, special=True)
    shutil.copytree(SEEDS, src / "seeds")
    for seed in SEED_PAGES:
        expected[f"seeds/{seed.name}"] = ("ok", ())
    return src, expected


def test_committed_small_fixtures_match_the_generator():
    for name, data in generate.small_cases().items():
        assert (ROOT / "fixtures" / "hostile" / name).read_bytes() == data, name


@pytest.mark.slow
def test_cli_over_hostile_and_good_files(corpus):
    src, expected = corpus
    out = src.parent / "out"
    before = snapshot(src, out)
    proc, peak_mb = run_cli("clean", "in", "--out", "out", "--workers", "2", cwd=src.parent)
    assert proc.returncode == 1, "bad inputs must make the exit code non-zero"
    assert peak_mb < MEMORY_LIMIT_MB, f"peak memory {peak_mb} MB"
    errors = [line for line in proc.stderr.splitlines() if "error" in line.lower()]
    bodies = outputs_by_source(out)
    for name, (outcome, words) in expected.items():
        source = os.path.normpath(f"in/{name}")
        if outcome == "ok":
            assert source in bodies, f"{name} was not cleaned: {[e for e in errors if name in e]}"
            for word in words:
                assert word in bodies[source], f"{name}: {word!r} missing from the body"
        else:
            assert source not in bodies, f"{name} should have been refused"
            lines = [e for e in errors if name in e]
            assert lines, f"{name} is not named in the errors:\n" + "\n".join(errors)
            for word in words:
                assert any(word.lower() in line.lower() for line in lines), f"{name}: no {word!r} in {lines}"
    assert snapshot(src, out) == before, "an input was changed"
    outputs = snapshot(out, out / "none")

    # a second run: the same outcome, nothing rewritten
    proc2, _ = run_cli("clean", "in", "--out", "out", "--workers", "2", cwd=src.parent)
    assert proc2.returncode == 1
    assert snapshot(out, out / "none") == outputs
    assert snapshot(src, out) == before

    # an output folder inside the input folder is refused before anything is written
    proc3, _ = run_cli("clean", "in", "--out", "in/out", cwd=src.parent)
    assert proc3.returncode == 2 and "inside the input folder" in proc3.stderr
    assert not (src / "out").exists()
