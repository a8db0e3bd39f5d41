"""The fourth walk of the README's paths as a user takes them (docs/user-paths.md, "Fourth walk"):
files on disk through the command line and the Python API, each test named for what the user should see."""

from __future__ import annotations

from pathlib import Path

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
