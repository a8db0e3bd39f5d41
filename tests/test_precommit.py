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
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from helpers import CLEAN, GLUED, MULTILINGUAL, SPLIT, needs_multilingual

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


#: The environment without git's own variables (set when tests run inside a git hook).
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=CLEAN_ENV).stdout


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def corpus_repo(repo: Path, files: dict[str, bytes], pre_commit_home: Path) -> Callable[..., CompletedProcess]:
    """A git repository holding ``files`` and a .pre-commit-config.yaml using this
    project's hooks at HEAD, installed; returns a runner of ``pre-commit run``."""
    rev = git("rev-parse", "HEAD", cwd=ROOT).strip()
    repo.mkdir()
    git("init", "-q", cwd=repo)
    for name, data in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_bytes(data)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: cleaner-check\n      - id: cleaner-fix\n"
    )
    git("add", "-A", cwd=repo)
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "corpus", cwd=repo)
    env = dict(CLEAN_ENV, PRE_COMMIT_HOME=str(pre_commit_home), PRE_COMMIT_COLOR="never")

    def pre_commit(*args: str) -> CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", *args, "--all-files"],
            cwd=repo,
            env=env,
            capture_output=True,
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
    return pre_commit


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_check_and_fix_hooks_in_a_corpus_repo(tmp_path, pre_commit_home):
    repo = tmp_path / "corpus"
    files = {
        "articles/one.txt": GLUED,
        "articles/two.txt": GLUED.replace("war", "storm"),
        "articles/fine.txt": CLEAN,
        "-dirty.txt": GLUED,  # after the hooks' options: a file name, not an option
        "README.md": "A corpus.President of nothing; markdown is not checked.\n",
    }
    pre_commit = corpus_repo(repo, {k: v.encode() for k, v in files.items()}, pre_commit_home)

    check = pre_commit("cleaner-check")
    assert check.returncode == 1, check.stdout
    assert b"articles/one.txt: glued" in check.stdout
    assert b"articles/two.txt: glued" in check.stdout
    assert b"-dirty.txt: glued" in check.stdout
    assert b"fine.txt" not in check.stdout and b"README" not in check.stdout

    fix = pre_commit("cleaner-fix")
    assert fix.returncode == 1, fix.stdout
    assert b"files were modified by this hook" in fix.stdout
    assert (repo / "articles" / "one.txt").read_text() == SPLIT
    assert (repo / "articles" / "fine.txt").read_text() == CLEAN
    assert not list(repo.rglob("*.cleaner.json"))

    again = pre_commit()  # both hooks: the fixed files are clean now
    assert again.returncode == 0, again.stdout
    assert git("status", "--porcelain", "--untracked-files=all", cwd=repo).split() == [
        "M",
        "-dirty.txt",
        "M",
        "articles/one.txt",
        "M",
        "articles/two.txt",
    ]


@pytest.mark.slow
@needs_multilingual
@pytest.mark.timeout(1200)
def test_hooks_on_real_pages_flattened_to_text(tmp_path, pre_commit_home):
    """Real pages' text in several encodings, and a page saved whole as .txt: the check
    names them, the fix rewrites the text files in UTF-8 with nothing that was not in
    them, leaves the page and what would be emptied alone, and a second fix changes nothing."""
    import gzip
    import json

    import html_text

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from multilingual import decode_like_a_browser
    from realpath import foreign_characters

    truth = json.loads((MULTILINGUAL / "truth.json").read_text(encoding="utf-8"))
    chosen = [e["file"] for e in truth.values()]
    chosen = sorted(chosen)[::60] + ["html/bummfilm.de.über.html.gz", "html/landwirt.com.sensortechnik.html.gz"]
    files: dict[str, bytes] = {}
    texts: dict[str, str] = {}
    for i, name in enumerate(chosen):
        raw = gzip.decompress((MULTILINGUAL / name).read_bytes())
        stem = Path(name).name.removesuffix(".html.gz")
        if i == 0:  # a page saved whole under a .txt name
            files[f"pages/{stem}.txt"] = raw
            continue
        text = html_text.extract_text(decode_like_a_browser(raw))
        texts[f"pages/{stem}.txt"] = text
        files[f"pages/{stem}.txt"] = text.encode("cp1252" if i % 2 else "utf-8", "replace")
    page = next(name for name in files if name not in texts)
    repo = tmp_path / "corpus"
    pre_commit = corpus_repo(repo, files, pre_commit_home)

    check = pre_commit("cleaner-check")
    assert check.returncode == 1 and f"{page}: html extracts the article".encode() in check.stdout, check.stdout

    fix = pre_commit("cleaner-fix")
    assert fix.returncode == 1 and b"HTML is not cleaned in place" in fix.stdout
    assert (repo / page).read_bytes() == files[page]
    after = {name: (repo / name).read_bytes() for name in files}
    for name, text in texts.items():
        if after[name] == files[name]:  # left as it was: cleaning would keep nothing of it
            assert f"{name}: cleaning keeps nothing of it".encode() in fix.stdout, name
            continue
        body = after[name].decode("utf-8")
        assert body.strip() and not foreign_characters(body, text + "\ufffd"), name

    again = pre_commit("cleaner-fix")
    assert {name: (repo / name).read_bytes() for name in files} == after
    assert b"files were modified" not in again.stdout
