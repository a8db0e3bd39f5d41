"""The small faults found walking the CLI as a new user, each driven as that user would."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cleaner.cli import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "html"
GLUED = "The war ended in a long conflict.President Putin spoke at length today about it.\n"
CLEAN = "A calm paragraph that needs no cleaning at all, written in plain English prose.\n"


def run(*args: object, stdin: bytes | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


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
