"""The small faults found walking the CLI as a new user, each driven as that user would."""

from __future__ import annotations

import errno
import gzip
import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import CLEAN, GLUED
from helpers import invoke as run

from cleaner import Pipeline, outputs

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "html"


# -- cleaner check -------------------------------------------------------------------


def test_check_on_html_says_the_extraction_drops_the_page_around_the_article():
    r = run("check", FIXTURES / "article.html", "-j", "1")
    assert r.exit_code == 1
    line = r.stdout.strip()
    assert "html extracts the article" in line and "characters kept" in line
    assert "layout" not in line


# -- cleaner explain -----------------------------------------------------------------


def test_explain_shows_markup_like_text_as_it_is(tmp_path):
    (tmp_path / "odd [").mkdir()
    path = tmp_path / "odd [" / "] name [red]x[red].txt"
    path.write_text("Subscribe to our newsletter [/] [red]x[/red]\n\n" + CLEAN, encoding="utf-8")
    env = {**os.environ, "COLUMNS": "300"}
    cmd = [sys.executable, "-m", "cleaner", "explain", str(path)]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert "Subscribe to our newsletter [/] [red]x[/red]" in r.stdout and "odd [/] name [red]x[red].txt" in r.stdout


def test_explain_of_a_missing_file_exits_1_and_explains_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Subscribe to our newsletter\n\n" + CLEAN)
    r = run("explain", tmp_path / "missing.txt", good)
    assert r.exit_code == 1 and "missing.txt" in r.stderr
    assert "Subscribe to our newsletter" in r.stdout


def test_help_reads_as_prose_without_type_names():
    r = run("clean", "--help")
    assert r.exit_code == 0
    assert "cleaner[dask]" in r.stdout
    for internal in ("<bool>", "<list[str]>", "<str>", "<path>", "{sources}", "<int"):
        assert internal not in r.stdout
    assert " clean [OPTIONS] SOURCE...\n" in r.stdout
    # paragraphs are rewrapped, not broken where the docstring's lines end
    assert "writes\n  OUT/a/b.txt" in r.stdout or "writes OUT/a/b.txt" in r.stdout.replace("\n  ", " ")
    assert "(the\n" not in r.stdout


# -- configuration -------------------------------------------------------------------


def test_a_malformed_pyproject_toml_is_an_error_not_ignored(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\ndisable = ["glued"\n')
    (tmp_path / "a.txt").write_text(GLUED)
    monkeypatch.chdir(tmp_path)
    r = run("clean", "a.txt", "--out", "out")
    assert r.exit_code == 2 and "pyproject.toml" in r.stderr
    assert not (tmp_path / "out").exists()


def test_an_unknown_language_code_is_refused(tmp_path):
    config = tmp_path / "cleaner.toml"
    config.write_text('language = "xx"\n')
    (tmp_path / "a.txt").write_text(GLUED)
    r = run("clean", tmp_path / "a.txt", "--out", tmp_path / "out", "--config", config)
    assert r.exit_code == 2 and "'xx'" in r.stderr
    config.write_text('language = "pl"\n')
    assert run("clean", tmp_path / "a.txt", "--out", tmp_path / "out", "--config", config).exit_code == 0


# -- folders and globs ---------------------------------------------------------------


def test_two_folders_are_mirrored_each_under_its_own_name(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "same.txt").write_text(GLUED)
    r = run("clean", tmp_path / "a", tmp_path / "b", "--out", tmp_path / "out", "-j", "1")
    assert r.exit_code == 0, r.stderr
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.txt")) == [
        "a/same.txt",
        "b/same.txt",
    ]


def test_an_include_that_matches_nothing_is_said(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GLUED)
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out", "--include", "*.htm")
    said = " ".join(r.stderr.split())  # rich wraps at the console's width
    assert "no file in" in said and "--include '*.htm'" in said


# -- interruptions and a full disk ---------------------------------------------------


def ctrl_c_at(name: str, monkeypatch) -> Callable:
    """Make cleaning ``name`` raise KeyboardInterrupt, as Ctrl-C would; the real ``clean``."""
    clean = Pipeline.clean

    def interrupted(self, raw, **kwargs):
        if str(kwargs.get("source", "")).endswith(name):
            raise KeyboardInterrupt
        return clean(self, raw, **kwargs)

    monkeypatch.setattr(Pipeline, "clean", interrupted)
    return clean


def test_ctrl_c_says_what_was_done_and_that_a_rerun_resumes(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    for name in "abcd":
        (tmp_path / "in" / f"{name}.txt").write_text(GLUED)
    clean = ctrl_c_at("c.txt", monkeypatch)
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out", "-j", "1")
    assert r.exit_code == 130
    assert "interrupted: 2 input(s) done" in r.stderr and "resume" in r.stderr
    monkeypatch.setattr(Pipeline, "clean", clean)
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out", "-j", "1")
    assert r.exit_code == 0 and "skipped" in r.stderr


def test_ctrl_c_counts_inputs_done_after_the_last_one_reported(tmp_path, monkeypatch):
    # with workers, inputs after the last result reported may be done already: the
    # count is what a re-run would skip (here d.txt, cleaned by an earlier run)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "d.txt").write_text(GLUED)
    assert run("clean", tmp_path / "in", "--out", tmp_path / "out", "-j", "1").exit_code == 0
    for name in "abc":
        (tmp_path / "in" / f"{name}.txt").write_text(GLUED)
    ctrl_c_at("c.txt", monkeypatch)
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out", "-j", "1")
    assert r.exit_code == 130
    assert "interrupted: 3 input(s) done" in r.stderr


def test_a_full_disk_stops_the_batch_and_leaves_no_body_without_metadata(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    for name in "abcdef":
        (tmp_path / "in" / f"{name}.txt").write_text(GLUED)
    written = []
    real = outputs.atomic_write

    def filling(path, data, mode=None):
        if len(written) >= 3:  # a's body and metadata, then b's body: then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(path)
        real(path, data, mode)

    monkeypatch.setattr(outputs, "atomic_write", filling)
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out", "-j", "1")
    assert r.exit_code == 1
    assert r.stderr.count("No space left on device") <= 2  # named once, and in the closing line
    assert "stopped" in r.stderr and "free some space" in r.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "a.txt"]  # b.txt was taken back


# -- stdin ---------------------------------------------------------------------------


def test_gzip_on_stdin_is_decompressed():
    r = run("clean", "-", stdin=gzip.compress(GLUED.encode()))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == GLUED.replace("conflict.President", "conflict.\n\nPresident")


# -- the summary and the extraction step ---------------------------------------------


def test_the_summary_adds_up_and_counts_characters_not_bytes(tmp_path):
    page = (FIXTURES / "latin1.htm").read_bytes()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.htm").write_bytes(page)
    (tmp_path / "in" / "text.txt").write_text(GLUED)
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out", "-j", "1")
    assert r.exit_code == 0
    numbers = {}
    for line in r.stderr.splitlines():
        cells = [c.strip() for c in line.strip("│ ").split("│")]
        if len(cells) == 3 and cells[2].replace(",", "").lstrip("-").isdigit():
            numbers[cells[0]] = int(cells[2].replace(",", ""))
    chars = len(page.decode("cp1252")) + len(GLUED)
    assert numbers["documents"] == chars
    assert numbers["kept"] + numbers["removed"] + numbers.get("layout (spacing, blank lines, repairs)", 0) == chars
    assert numbers["by html"] > 0


def test_the_extraction_step_is_listed_and_can_be_switched_off(tmp_path):
    listed = run("filters")
    assert listed.stdout.split("\n")[3].split("│")[2].strip() == "html"
    r = run("clean", FIXTURES / "article.html", "--out", tmp_path, "--disable", "html")
    assert r.exit_code == 0, r.stderr
    meta = json.loads((tmp_path / "article.json").read_text())
    assert "otters are breeding" in (tmp_path / "article.txt").read_text()
    assert not any(r["filter"] == "html" for r in meta["removed"]) and "url" not in meta


# -- packaging and file modes --------------------------------------------------------


def test_the_license_is_an_spdx_expression():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o002, 0o664)])
def test_outputs_are_created_as_an_ordinary_write_would(tmp_path, umask, expected):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GLUED)
    code = (
        f"import os, sys; os.umask({umask}); from cleaner.cli import app; "
        f"sys.argv = ['cleaner', 'clean', {str(tmp_path / 'in')!r}, '--out', {str(tmp_path / 'out')!r}, '-q']; app()"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    for name in ("a.txt", "a.json"):
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == expected, name


def test_in_place_refuses_an_html_page_even_forced_to_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes((FIXTURES / "article.html").read_bytes())
    r = run("clean", page, "--in-place", "--kind", "text")
    assert r.exit_code == 1 and "HTML is not cleaned in place" in r.stderr
    assert page.read_bytes() == (FIXTURES / "article.html").read_bytes()
