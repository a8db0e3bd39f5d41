"""The fourth walk of the README's paths as a user takes them (docs/user-paths.md, "Fourth walk"):
files on disk through the command line and the Python API, each test named for what the user should see."""

from __future__ import annotations

import builtins
import gzip
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app

ROOT = Path(__file__).resolve().parents[1]
GLUED = "The war ended in a long conflict.President Putin spoke at length today about it.\n"
SPLIT = "The war ended in a long conflict.\n\nPresident Putin spoke at length today about it.\n"


def run(*args: object, stdin: bytes | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


def test_in_place_over_a_folder_leaves_a_link_to_a_file_outside_it(tmp_path):
    """``cleaner clean corpus/ --in-place`` rewrote the file a link in the folder names even
    where it lies outside the folder (a shared original, another corpus): a folder's walk
    must not rewrite files outside the folders given."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(GLUED)
    (tmp_path / "shared" / "original.txt").write_text(GLUED)
    (tmp_path / "corpus" / "inside.txt").symlink_to("a.txt")
    (tmp_path / "corpus" / "outside.txt").symlink_to(tmp_path / "shared" / "original.txt")
    r = run("clean", tmp_path / "corpus", "--in-place", "-j", 1)
    assert r.exit_code == 1
    assert (tmp_path / "shared" / "original.txt").read_text() == GLUED
    assert (tmp_path / "corpus" / "outside.txt").is_symlink()
    assert (tmp_path / "corpus" / "a.txt").read_text() == SPLIT  # the link inside the folder: its file once
    outside = tmp_path / "corpus" / "outside.txt"
    assert f"{outside}: a link to a file outside the folders given; left as it is" in r.stderr
    assert "inside.txt" not in r.stderr


def test_in_place_on_a_link_named_on_the_command_line_cleans_the_file_it_names(tmp_path):
    """Named by the user, the link is followed, as editors and formatters write through one."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "original.txt").write_text(GLUED)
    (tmp_path / "link.txt").symlink_to(tmp_path / "shared" / "original.txt")
    r = run("clean", tmp_path / "link.txt", "--in-place", "-j", 1)
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "link.txt").is_symlink() and (tmp_path / "shared" / "original.txt").read_text() == SPLIT


def test_clean_given_a_path_cleans_the_file_as_the_command_line_does(tmp_path):
    """``clean(Path("page.html.gz"))`` was refused (``clean() takes a page as str or bytes, not
    PosixPath``): a path is the file's page, read as ``cleaner clean FILE --out`` reads it."""
    from cleaner import clean

    page = ROOT / "fixtures" / "html" / "article.html"
    (tmp_path / "in").mkdir()
    gz = tmp_path / "in" / "page.html.gz"
    gz.write_bytes(gzip.compress(page.read_bytes()))
    r = run("clean", gz, "--out", tmp_path / "out", "-j", 1)
    assert r.exit_code == 0, r.stderr
    doc = clean(gz)
    assert doc.text and (tmp_path / "out" / "page.txt").read_text() == doc.text + "\n"
    assert doc.text == clean(page.read_bytes()).text
    assert doc.metadata["source"] == str(gz)


def test_clean_given_a_path_it_cannot_read_names_it(tmp_path):
    from cleaner import clean
    from cleaner.inputs import InputError

    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'nope.txt'}: cannot read")):
        clean(tmp_path / "nope.txt")


def test_a_jsonl_record_too_large_is_named_as_a_file_too_large_is(tmp_path):
    """``too large: a record of more than 1000000 bytes``, where a file says
    ``more than 1,000,000 bytes (the max_bytes limit)``: the user is told which setting to raise."""
    (tmp_path / "c.toml").write_text("max_bytes = 1000\n")
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "word " * 400}) + "\n" + json.dumps({"text": GLUED}) + "\n")
    r = run("clean", tmp_path / "a.jsonl", "--jsonl", tmp_path / "o.jsonl", "--config", tmp_path / "c.toml")
    assert r.exit_code == 1
    assert f"{tmp_path / 'a.jsonl'}:1: too large: a record of more than 1,000 bytes (the max_bytes limit)" in r.stderr


@pytest.mark.parametrize(("name", "opens"), [("part-00000", 2), ("a.jsonl.gz", 1)])
def test_a_jsonl_source_is_opened_once_to_check_it_and_once_to_read_it(tmp_path, monkeypatch, name, opens):
    """The check before a run (a WARC file? a page given to --jsonl?) opened a source
    named otherwise than JSONL twice, and the run opened every source twice (a WARC
    file? then its lines); a name that says JSONL needs no check."""
    src = tmp_path / name
    src.write_bytes(gzip.compress((json.dumps({"text": GLUED}) + "\n").encode()))
    opened: list[str] = []
    real_open = builtins.open

    def counting_open(file, *args, **kwargs):
        if str(file) == str(src):
            opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(io, "open", counting_open)
    r = run("clean", src, "--jsonl", tmp_path / "o.jsonl", "-j", 1)
    assert r.exit_code == 0, r.stderr
    assert json.loads((tmp_path / "o.jsonl").read_text())["text"] == SPLIT.strip()
    assert len(opened) == opens


def _runtime_pins() -> dict[str, str]:
    """constraints.txt's pins of what cleaning stands on (its groups before the benchmarks' peers),
    and mypy_extensions (a run-time dependency)."""
    text = (ROOT / "constraints.txt").read_text()
    runtime = text.split("# The benchmarks' peers")[0]
    pins = dict(line.split("==") for line in runtime.splitlines() if "==" in line and not line.startswith("#"))
    mypyc = re.search(r"^mypy_extensions==(\S+)$", text, re.M)
    assert mypyc and "trafilatura" in pins and "lxml" in pins
    return pins | {"mypy_extensions": mypyc.group(1)}


def test_the_hooks_install_the_versions_cleaner_was_benchmarked_against():
    """pre-commit builds the hooks' environment with ``pip install .``: unpinned, it took the
    newest libraries (lxml 6.2.1 where 6.2.0 is pinned), and the hooks could clean as a later
    trafilatura does."""
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    wanted = sorted(f"{name}=={version}" for name, version in _runtime_pins().items())
    for hook in hooks:
        assert sorted(hook.get("additional_dependencies", [])) == wanted, hook["id"]


def test_check_on_a_folder_no_file_of_which_passes_the_globs_says_so(tmp_path):
    """``cleaner check corpus/ --include '*.TXT'`` (a typo in CI) checked nothing and passed,
    exit 0, without a word, where ``cleaner clean`` warns that nothing there passes."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(GLUED)
    r = run("check", tmp_path / "corpus", "--include", "*.TXT")
    assert r.exit_code == 0
    assert f"warning: no file in {tmp_path / 'corpus'} passes --include '*.TXT'; nothing there to check" in r.stderr


@pytest.mark.parametrize("command", [["check"], ["clean", "--out", "OUT"]])
def test_a_folder_with_no_file_to_clean_is_said_to_be_empty(tmp_path, command):
    """A folder holding nothing cleaner takes (a typo'd path to an empty folder, or only
    hidden files) gave an empty summary, or nothing at all, and exit 0."""
    (tmp_path / "corpus" / ".git").mkdir(parents=True)
    (tmp_path / "corpus" / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    args = [str(tmp_path / a) if a == "OUT" else a for a in command]
    r = run(*args[:1], tmp_path / "corpus", *args[1:])
    assert r.exit_code == 0
    verb = args[0]
    assert f"warning: no file in {tmp_path / 'corpus'} to {verb} (hidden files" in r.stderr


def test_comments_separate_on_stdin_is_refused_not_passed_over(tmp_path):
    """``cleaner clean - --comments separate`` wrote the body alone: the comments, put in the
    metadata, which stdin's output does not carry, were lost without a word."""
    page = (ROOT / "fixtures" / "html" / "blog-comments.html").read_bytes()
    r = run("clean", "-", "--comments", "separate", stdin=page)
    assert r.exit_code == 2 and r.stdout == ""
    assert "--comments separate puts readers' comments in the metadata" in r.stderr
    assert run("clean", "-", "--comments", "keep", stdin=page).exit_code == 0


def test_check_names_a_file_given_twice_once(tmp_path, monkeypatch):
    """``cleaner check corpus corpus/a.txt ./corpus/a.txt`` named a.txt three times and counted
    3 files to change, where ``cleaner clean`` cleans the same file once."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(GLUED)
    monkeypatch.chdir(tmp_path)
    r = run("check", "corpus", "corpus/a.txt", "./corpus/a.txt", "-j", 1)
    assert r.exit_code == 1
    assert r.stdout.count("a.txt:") == 1 and "1 file(s) would be changed" in r.stderr


def test_a_quiet_stream_counts_its_failed_records_as_records(tmp_path):
    """``--jsonl OUT --quiet`` ended on ``1 input(s) failed`` for one bad line of one input."""
    (tmp_path / "a.jsonl").write_text('{"text": 5}\n' + json.dumps({"text": GLUED}) + "\n")
    r = run("clean", tmp_path / "a.jsonl", "--jsonl", tmp_path / "o.jsonl", "--quiet")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == "1 record(s) failed"


def test_clean_given_the_path_of_a_stream_of_records_refuses_it_as_the_command_line_does(tmp_path):
    """``clean(Path("corpus.jsonl"))`` gave one body of JSON text, where ``cleaner clean FILE``
    names a stream of records and cleans none of it as a page."""
    from cleaner import clean
    from cleaner.inputs import InputError

    (tmp_path / "corpus.jsonl").write_text(json.dumps({"text": GLUED}) + "\n")
    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'corpus.jsonl'}: a stream of records")):
        clean(tmp_path / "corpus.jsonl")


@pytest.mark.parametrize("closed", [0, 1])
def test_a_closed_stdin_or_stdout_is_named_not_a_traceback(tmp_path, closed):
    """``cleaner clean - <&-`` (a daemon's closed standard input) and ``cleaner clean - >&-``
    stopped on a traceback (``'NoneType' object has no attribute 'isatty'``)."""
    import os
    import subprocess
    import sys

    given = {"stdin": subprocess.DEVNULL} if closed == 0 else {"input": GLUED.encode()}
    r = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "-"],
        preexec_fn=lambda: os.close(closed),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        **given,
    )
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    assert (b"standard input, which is closed" if closed == 0 else b"standard output, which is closed") in r.stderr
