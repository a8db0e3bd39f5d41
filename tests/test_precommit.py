"""The real pre-commit tool, in a corpus repository that uses this project's hooks.

The corpus repo's .pre-commit-config.yaml is the one a user would write, with
``repo:`` pointing at this project (its local path) and ``rev:`` its HEAD commit, so
the hooks tested are those committed at HEAD. pre-commit installs the hook
environment (this project and its dependencies, from the package index) once, into a
PRE_COMMIT_HOME private to the test session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GLUED = "The war ended in a long conflict.President Putin spoke at length today about it.\n"
SPLIT = "The war ended in a long conflict.\n\nPresident Putin spoke at length today about it.\n"
CLEAN = "A calm paragraph that needs no cleaning at all, written in plain English prose.\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


#: The environment without git's own variables (set when tests run inside a git hook).
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=CLEAN_ENV).stdout


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_check_and_fix_hooks_in_a_corpus_repo(tmp_path, pre_commit_home):
    rev = git("rev-parse", "HEAD", cwd=ROOT).strip()
    repo = tmp_path / "corpus"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    (repo / "articles").mkdir()
    (repo / "articles" / "one.txt").write_text(GLUED)
    (repo / "articles" / "two.txt").write_text(GLUED.replace("war", "storm"))
    (repo / "articles" / "fine.txt").write_text(CLEAN)
    (repo / "README.md").write_text("A corpus.President of nothing; markdown is not checked.\n")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: cleaner-check\n      - id: cleaner-fix\n"
    )
    git("add", "-A", cwd=repo)
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "corpus", cwd=repo)
    env = dict(CLEAN_ENV, PRE_COMMIT_HOME=str(pre_commit_home), PRE_COMMIT_COLOR="never")

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", *args, "--all-files"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=1100,
        )

    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install-hooks"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=1100,
    )
    assert install.returncode == 0, install.stdout + install.stderr

    check = pre_commit("cleaner-check")
    assert check.returncode == 1, check.stdout
    assert "articles/one.txt: glued" in check.stdout
    assert "articles/two.txt: glued" in check.stdout
    assert "fine.txt" not in check.stdout and "README" not in check.stdout

    fix = pre_commit("cleaner-fix")
    assert fix.returncode == 1, fix.stdout
    assert "files were modified by this hook" in fix.stdout
    assert (repo / "articles" / "one.txt").read_text() == SPLIT
    assert (repo / "articles" / "fine.txt").read_text() == CLEAN
    assert not list(repo.rglob("*.cleaner.json"))

    again = pre_commit()  # both hooks: the fixed files are clean now
    assert again.returncode == 0, again.stdout
    assert git("status", "--porcelain", "--untracked-files=all", cwd=repo).split() == [
        "M",
        "articles/one.txt",
        "M",
        "articles/two.txt",
    ]
