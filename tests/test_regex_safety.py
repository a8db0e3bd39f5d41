"""No regular expression in cleaner backtracks catastrophically (see regex_audit.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

AUDIT = Path(__file__).with_name("regex_audit.py")
TIME_LIMIT = 240
ROOT = Path(__file__).resolve().parents[1]


def _audit_env() -> dict[str, str]:
    """The audit imports the cleaner these tests import: this tree (a worktree, not the
    package installed in the venv), unless the installed build is the one under test."""
    if os.environ.get("CLEANER_INSTALLED"):
        return dict(os.environ)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


@pytest.mark.slow
def test_every_pattern_is_linear_on_adversarial_strings():
    try:
        proc = subprocess.run(
            [sys.executable, str(AUDIT)], capture_output=True, text=True, timeout=TIME_LIMIT, env=_audit_env()
        )
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
