"""A short run of the atheris fuzz target (fuzz/fuzz_clean.py) finds nothing."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
SECONDS = 15


@pytest.mark.slow
def test_short_fuzz_run_finds_nothing(tmp_path):
    pytest.importorskip("atheris", reason="atheris is not installed (pip install -e '.[test]')")
    corpus = tmp_path / "corpus"
    shutil.copytree(FUZZ / "seeds", corpus)
    proc = subprocess.run(
        [
            sys.executable,
            str(FUZZ / "fuzz_clean.py"),
            f"-max_total_time={SECONDS}",
            "-seed=1",
            "-timeout=10",
            "-rss_limit_mb=2048",
            "-max_len=4096",
            str(corpus),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=SECONDS + 120,
    )
    crashes = [p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-", "leak-"))]
    assert proc.returncode == 0 and not crashes, (crashes, proc.stderr[-3000:])
    assert "Done" in proc.stderr
