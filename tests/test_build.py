"""The build as `pip install .` runs it (setup.py, buildsys/backend.py): compiled when it
can be, pure Python when the compiler fails, never compiled when asked not to be. The
compiled path itself is `make compiled`'s (and `make test-compiled` tests what it builds)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

#: What a copy of the project for building leaves out: venvs, git, earlier builds, tests.
NOT_BUILT = shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "tests", "fixtures", "out")


def build_wheel(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """pip's wheel build of a copy of the project (so that no build/ is shared), with ``env``
    over this one; the run and the names in the wheel (none if it failed)."""
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=NOT_BUILT)
    environ = {k: v for k, v in os.environ.items() if k != "CLEANER_COMPILE"}
    environ |= {"PIP_CONSTRAINT": str(ROOT / "constraints.txt"), **env}
    command = [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-cache-dir", "-w", str(tmp_path), "."]
    run = subprocess.run(command, cwd=source, env=environ, capture_output=True, text=True, timeout=600)
    wheels = list(tmp_path.glob("cleaner-*.whl"))
    return run, zipfile.ZipFile(wheels[0]).namelist() if wheels else []


def compiled(names: list[str]) -> list[str]:
    return [n for n in names if n.endswith((".so", ".pyd"))]


def test_the_build_asked_not_to_compile_is_a_pure_wheel(tmp_path: Path) -> None:
    run, names = build_wheel(tmp_path, CLEANER_COMPILE="0")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "cleaner/filters/content/run.py" in names
    assert not compiled(names)
    assert any(n.endswith("-py3-none-any.whl") for n in os.listdir(tmp_path))


def test_a_compiler_that_fails_gives_a_pure_wheel_and_says_why(tmp_path: Path) -> None:
    run, names = build_wheel(tmp_path, CC="false")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "cleaner/filters/content/run.py" in names
    assert not compiled(names)  # none left behind: a partly compiled package would not import
    assert "cleaner: building pure Python, not compiled" in run.stdout + run.stderr


def test_a_compile_asked_for_fails_when_the_compiler_fails(tmp_path: Path) -> None:
    run, names = build_wheel(tmp_path, CLEANER_COMPILE="1", CC="false")
    assert run.returncode != 0
    assert not names
