"""The fifth walk of the users' paths (docs/user-paths.md, "Fifth walk"), and the fourth's
leftovers: files on disk through the command line, the hooks' entries and the Python API,
each test named for what the user should see."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import typer.completion
from typer.testing import CliRunner

from cleaner.cli import app

ROOT = Path(__file__).resolve().parents[1]
GLUED = "The war ended in a long conflict.President Putin spoke at length today about it.\n"
SPLIT = "The war ended in a long conflict.\n\nPresident Putin spoke at length today about it.\n"


def run(*args: object, stdin: bytes | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


def hook_command(hook_id: str) -> list[str]:
    """A hook's entry as pre-commit runs it: its console script (pyproject's
    ``[project.scripts]``) run by this Python, then the entry's options."""
    yaml = pytest.importorskip("yaml")
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    script, *options = shlex.split(hooks[hook_id]["entry"])
    target = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"][script]
    module, function = target.split(":")
    call = f"import sys; sys.argv[0] = {script!r}; from {module} import {function}; {function}()"
    return [sys.executable, "-c", call, *options]


@pytest.mark.parametrize("hook_id", ["cleaner-check", "cleaner-fix"])
def test_the_hooks_take_a_file_whose_name_starts_with_a_dash(tmp_path, hook_id):
    """pre-commit puts the file names after the hook's ``args``: ``-dirty.txt`` at a
    repository's top was read as ``-d irty.txt`` (an unknown filter, exit 2), so neither
    hook could check or fix any file of that commit."""
    for name in ("-dirty.txt", "a.txt", "--b.txt"):
        (tmp_path / name).write_text(GLUED)
    args = ["--disable", "teasers"]  # a hook's args, as a user writes them
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [*hook_command(hook_id), *args, "a.txt", "-dirty.txt", "--b.txt"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    if hook_id == "cleaner-check":
        assert r.returncode == 1, r.stderr
        assert "-dirty.txt: glued" in r.stdout and "--b.txt: glued" in r.stdout
        assert "3 file(s) would be changed" in r.stderr
    else:
        assert r.returncode == 0, r.stderr
        assert all((tmp_path / n).read_text() == SPLIT for n in ("-dirty.txt", "a.txt", "--b.txt"))


DOCTYPE_PAGE = (
    '<!DOCTYPE html [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;">\n]>\n'
    "<html><head><title>A page about the river</title></head><body>\n"
    "<p>The river flooded the town on Tuesday after three days of heavy rain, officials said.</p>\n"
    "<p>Residents were moved to the school on the hill, where volunteers handed out soup.</p>\n"
    "</body></html>\n"
)


@pytest.mark.parametrize("page", [DOCTYPE_PAGE, DOCTYPE_PAGE.replace("\n<!ENTITY", "<!ENTITY").replace("\n]", "]")])
def test_a_page_cleaned_as_text_loses_its_doctype_with_an_internal_subset(tmp_path, page):
    """``cleaner clean X --kind text`` on a page whose DOCTYPE declares entities left the
    declarations (over several lines) or ``]>`` (on one) at the top of the body."""
    (tmp_path / "page.html").write_text(page)
    r = run("clean", tmp_path / "page.html", "--kind", "text", "--out", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    body = (tmp_path / "out" / "page.txt").read_text()
    assert body.startswith("The river flooded the town"), body
    assert "ENTITY" not in body and "]>" not in body
    r = run("explain", tmp_path / "page.html", "--kind", "text")
    assert "doctype and its internal subset" in r.stdout


def test_a_cleaner_toml_holding_the_readmes_tool_table_says_how_to_write_it(tmp_path, monkeypatch):
    """The README's example is ``[tool.cleaner]``; in a cleaner.toml it was refused as
    ``unknown setting(s): tool`` without saying what to write instead (ruff refuses
    ``[tool.ruff]`` in a ruff.toml likewise: the refusal stays, and teaches)."""
    readme = (ROOT / "README.md").read_text()
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    assert example.startswith("[tool.cleaner]\n")
    (tmp_path / "cleaner.toml").write_text(example)
    (tmp_path / "a.txt").write_text(GLUED)
    monkeypatch.chdir(tmp_path)
    r = run("clean", "a.txt", "--out", "out")
    assert r.exit_code == 2
    message = " ".join(r.stderr.split())
    assert f"[tool.cleaner] in {tmp_path / 'cleaner.toml'} is a pyproject.toml's table" in message
    assert "remove the [tool.cleaner] line, and write [filters.NAME] for [tool.cleaner.filters.NAME]" in message
    top_level = example.replace("[tool.cleaner]\n", "").replace("[tool.cleaner.filters.", "[filters.")
    (tmp_path / "cleaner.toml").write_text(top_level)
    assert run("clean", "a.txt", "--out", "out").exit_code == 0


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_an_empty_jsonl_stream_is_said_to_hold_no_record(tmp_path, content):
    """``cleaner clean empty.jsonl --jsonl out.jsonl`` (a failed download upstream, a typo'd
    part) wrote an empty output, exit 0, and with --quiet said nothing at all."""
    (tmp_path / "part.jsonl").write_bytes(content)
    r = run("clean", tmp_path / "part.jsonl", "--jsonl", tmp_path / "out.jsonl", "--quiet")
    assert r.exit_code == 0
    assert (tmp_path / "out.jsonl").read_bytes() == b""
    message = " ".join(r.stderr.split())
    assert f"warning: no record in {tmp_path / 'part.jsonl'}; {tmp_path / 'out.jsonl'} is empty" in message
    r = run("clean", "-", "--jsonl", "-", "--quiet", stdin=content)
    assert r.exit_code == 0 and "warning: no record in <stdin>; nothing written to stdout" in r.stderr
    (tmp_path / "one.jsonl").write_text('{"text": "A line of text."}\n')
    assert "warning" not in run("clean", tmp_path / "one.jsonl", "--jsonl", tmp_path / "o.jsonl").stderr


def test_explain_takes_a_folder_as_check_does(tmp_path):
    """``cleaner explain crawl/`` was refused, ``crawl: is a folder, not a file``, exit 1,
    where ``check`` and ``clean`` read a folder's files."""
    (tmp_path / "crawl" / "sub").mkdir(parents=True)
    (tmp_path / "crawl" / "a.txt").write_text(GLUED)
    (tmp_path / "crawl" / "sub" / "b.txt").write_text(GLUED)
    (tmp_path / "crawl" / ".hidden.txt").write_text(GLUED)
    r = run("explain", tmp_path / "crawl")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count("metadata:") == 2 and "is a folder" not in r.stderr
    (tmp_path / "empty").mkdir()
    r = run("explain", tmp_path / "empty")
    assert r.exit_code == 0
    assert f"warning: no file in {tmp_path / 'empty'} to explain" in " ".join(r.stderr.split())


NESTED = ["a.txt", "news/b.txt", "news/2024/c.txt", "news/drafts/d.txt", "blog/drafts/e.txt"]


def _nested_corpus(root: Path) -> None:
    for rel in NESTED:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(GLUED)


@pytest.mark.parametrize(
    ("globs", "checked"),
    [
        (["--exclude", "drafts"], ["a.txt", "news/b.txt", "news/2024/c.txt"]),
        (["--exclude", "news/drafts"], ["a.txt", "blog/drafts/e.txt", "news/b.txt", "news/2024/c.txt"]),
        (["--exclude", "news/drafts/"], ["a.txt", "blog/drafts/e.txt", "news/b.txt", "news/2024/c.txt"]),
        (["--include", "news", "--exclude", "2024/"], ["news/b.txt", "news/drafts/d.txt"]),
        (["--include", "blog/"], ["blog/drafts/e.txt"]),
        (["--exclude", "a.txt/"], NESTED),
    ],
)
def test_a_glob_naming_a_folder_picks_the_files_under_it(tmp_path, globs, checked):
    """``--exclude drafts`` or ``--exclude news/drafts`` (the help: "skip files in folders
    matching this glob") excluded nothing: a glob was matched against the file's path and
    name only, never its folders (git, ruff and black exclude a folder so named)."""
    _nested_corpus(tmp_path / "corpus")
    r = run("check", tmp_path / "corpus", *globs)
    named = sorted(line.split(": ")[0] for line in r.stdout.splitlines())
    assert named == sorted(str(tmp_path / "corpus" / rel) for rel in checked)
    out = tmp_path / "out"
    run("clean", tmp_path / "corpus", "--out", out, "-j", 1, *globs)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == sorted(checked)


def test_a_meta_key_naming_the_records_own_field_does_not_replace_it(tmp_path):
    """``--meta-key meta`` on records that have a ``meta`` of their own (The Pile's and
    RedPajama's records do) replaced it with cleaner's metadata without a word, exit 0:
    the records' urls and set names were lost. A record whose field is cleaner's metadata
    (a re-run over cleaned records) still has it replaced."""
    import json

    records = [{"text": GLUED, "meta": {"pile_set_name": "Pile-CC", "url": "https://e.org/1"}}, {"text": GLUED}]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out.jsonl"
    r = run("clean", tmp_path / "in.jsonl", "--jsonl", out, "--meta-key", "meta", "--text-key", "text")
    assert r.exit_code == 1
    message = " ".join(r.stderr.split())
    assert f"{tmp_path / 'in.jsonl'}:1: field 'meta' is the record's own, not cleaner's metadata" in message
    cleaned = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(cleaned) == 1 and cleaned[0]["meta"]["source"] == f"{tmp_path / 'in.jsonl'}:2"
    again = tmp_path / "again.jsonl"
    r = run("clean", out, "--jsonl", again, "--meta-key", "meta")
    assert r.exit_code == 0, r.stderr
    assert json.loads(again.read_text())["meta"]["source"] == f"{out}:1"


def test_the_shell_completes_cleaners_commands_and_options(monkeypatch):
    """``cleaner`` offered no shell completion: its completion classes were never loaded, so
    bash's and zsh's scripts answered ``Shell bash not supported.``; now ``cleaner
    --install-completion`` (or ``--show-completion``, to copy) sets it up."""
    runner = CliRunner()

    def complete(words: str, cword: int) -> list[str]:
        env = {"_CLEANER_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
        r = runner.invoke(app, [], env=env, prog_name="cleaner")
        assert r.exit_code == 0, r.output
        return r.stdout.split()

    assert complete("cleaner cl", 1) == ["clean"]
    assert sorted(complete("cleaner clean --in", 2)) == ["--in-place", "--include"]
    # typer names the shell from the process's parents (shellingham), which under make or CI
    # need not be a shell it knows: the user's bash is stood in for.
    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: "bash")
    r = runner.invoke(app, ["--show-completion"], prog_name="cleaner")
    assert r.exit_code == 0 and "_CLEANER_COMPLETE=complete_bash" in r.stdout


def test_an_out_folder_that_cannot_be_made_is_refused_once(tmp_path):
    """``--out`` under a file, or where the folder cannot be made (``/proc/x``), named every
    input with the same ``cannot write OUT/X.json: Not a directory`` (a line per file of a
    batch of any size), exit 1. Now the run is refused once before anything is cleaned."""
    (tmp_path / "corpus").mkdir()
    for i in range(5):
        (tmp_path / "corpus" / f"{i}.txt").write_text(GLUED)
    (tmp_path / "notes").write_text("a file\n")
    r = run("clean", tmp_path / "corpus", "--out", tmp_path / "notes" / "out", "-j", 1)
    assert r.exit_code == 2
    message = " ".join(r.stderr.split())
    assert message.count("error:") == 1
    assert f"--out {tmp_path / 'notes' / 'out'}: cannot make the folder: Not a directory" in message


@pytest.mark.parametrize("url", [5, float("nan"), b"https://e.org/a"])
def test_clean_refuses_a_url_that_is_not_a_string_by_name(url):
    """``clean(page, url=5)`` (a dataframe's NaN, a number, bytes) printed ``metadata
    shortcut failed (TypeError: expected string or bytes-like object, got 'int'); using the
    library's own code`` and gave a document whose ``source`` was the number."""
    from cleaner import clean

    page = b"<html><body><article><p>" + GLUED.encode() * 3 + b"</p></article></body></html>"
    with pytest.raises(TypeError, match=f"clean\\(\\) takes url as a str, not {type(url).__name__}"):
        clean(page, url=url)
    assert clean(page, url="https://e.org/a").metadata["source"] == "https://e.org/a"


def test_a_gz_name_in_capitals_is_read_and_written_as_gzip(tmp_path):
    """``PAGE.TXT.GZ`` (a crawl saved on Windows) was refused, ``binary file (gzip data:
    decompress it first, or name the file .gz)``, though it is so named; and ``--jsonl
    OUT.JSONL.GZ`` wrote plain JSON under the gzip name (a stream named so is read as gzip)."""
    import gzip
    import json

    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "PAGE.TXT.GZ").write_bytes(gzip.compress(GLUED.encode()))
    r = run("clean", tmp_path / "crawl", "--out", tmp_path / "out", "-j", 1)
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "out" / "PAGE.txt").read_text() == SPLIT
    assert run("check", tmp_path / "crawl" / "PAGE.TXT.GZ").stdout.startswith(
        f"{tmp_path / 'crawl' / 'PAGE.TXT.GZ'}: glued"
    )
    (tmp_path / "in.jsonl").write_text(json.dumps({"text": GLUED}) + "\n")
    r = run("clean", tmp_path / "in.jsonl", "--jsonl", tmp_path / "OUT.JSONL.GZ")
    assert r.exit_code == 0, r.stderr
    assert json.loads(gzip.decompress((tmp_path / "OUT.JSONL.GZ").read_bytes()))["text"] == SPLIT.strip()


def test_check_says_how_many_files_it_found_clean(tmp_path):
    """``cleaner check corpus/`` on clean files said nothing at all, exit 0: a CI log could
    not tell a checked corpus from an empty one (ruff says "All checks passed!", black "N
    files would be left unchanged")."""
    (tmp_path / "corpus").mkdir()
    for i in range(3):
        (tmp_path / "corpus" / f"{i}.txt").write_text(SPLIT)
    r = run("check", tmp_path / "corpus")
    assert r.exit_code == 0 and r.stdout == ""
    assert "3 file(s) checked; cleaning would change none" in r.stderr
    r = run("check", "-", stdin=SPLIT.encode())
    assert r.exit_code == 0 and "1 file(s) checked; cleaning would change none" in r.stderr
