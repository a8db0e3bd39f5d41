"""The third walk of the README's paths as a user takes them (docs/user-paths.md, "Third walk"):
files as bytes through the command line, each test named for what the user should see."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cleaner.cli import app

GLUED = "The war ended in a long conflict.President Putin spoke at length today about it.\n"


def run(*args: object, stdin: bytes | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


@pytest.mark.parametrize("where", [["--out", "clean"], ["--in-place"]])
def test_stdin_with_out_or_in_place_says_stdin_goes_to_stdout_not_that_files_were_mixed(tmp_path, where):
    r = run("clean", "-", *where, stdin=GLUED.encode())
    assert r.exit_code == 2 and "mixed with files" not in r.stderr
    assert "stdin) is cleaned to stdout" in r.stderr and "cleaner clean - < FILE" in r.stderr
    assert r.stdout == ""
