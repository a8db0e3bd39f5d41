"""No regular expression in cleaner backtracks catastrophically (see regex_audit.py)."""

import subprocess
import sys
from pathlib import Path

import pytest

AUDIT = Path(__file__).with_name("regex_audit.py")
TIME_LIMIT = 240


@pytest.mark.slow
def test_every_pattern_is_linear_on_adversarial_strings():
    try:
        proc = subprocess.run([sys.executable, str(AUDIT)], capture_output=True, text=True, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired as exc:
        lines = (
            (exc.stdout or b"").decode(errors="replace").splitlines()
            if isinstance(exc.stdout, bytes)
            else (exc.stdout or "").splitlines()
        )
        last = next((line for line in reversed(lines) if line.startswith("START ")), "START ?")
        raise AssertionError(f"regex audit hung (over {TIME_LIMIT}s) on {last[6:]}") from None
    bad = [line for line in proc.stdout.splitlines() if line.startswith("BAD ")]
    assert not bad, "patterns that backtrack catastrophically:\n" + "\n".join(bad)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "AUDITED" in proc.stdout
