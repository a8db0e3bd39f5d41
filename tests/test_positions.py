"""Where removed text stood: each removal and each paragraph of the body names its input line."""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES, run
from typer.testing import CliRunner

from cleaner import inputs, pipeline
from cleaner.cli import app

PAGES = sorted((FIXTURES / "pages").glob("*[!d].txt")) + sorted((FIXTURES / "seeds").glob("*.txt"))


def placed(doc) -> list[tuple[int, str]]:
    """The body's paragraphs and the lines the block filters removed, in input line order
    (the markup filter's records stand on lines whose text stays)."""
    kept = list(zip(doc.lines, doc.text.split("\n\n"), strict=True))
    return sorted(kept + [(r.line, r.text) for r in doc.removed if r.filter != "markup"])


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_body_and_removals_put_back_by_line_give_the_input_lines(path):
    text = path.read_text(encoding="utf-8")
    doc = run(text)
    lines = {n: line.strip() for n, line in enumerate(text.splitlines(), 1) if line.strip()}
    assert [number for number, _ in placed(doc)] == list(lines)
    for number, piece in placed(doc):
        if "<" not in lines[number] and "&" not in lines[number]:
            assert piece == " ".join(lines[number].split())
    markup = [r.line for r in doc.removed if r.filter == "markup"]
    assert all("<" in lines[n] or "&" in lines[n] for n in markup)


def test_a_split_paragraph_keeps_the_line_it_came_from():
    doc = run("Menu\n\nThe war ended in a long conflict.President Putin spoke at length today about it.\n")
    assert doc.text.count("\n\n") == 1 and doc.lines == [3, 3]


def test_markup_removals_name_the_input_line_and_later_lines_keep_theirs():
    text = (
        "An opening paragraph that tells the reader what happened in the town this week.\n"
        "<script>var a = 1;\nvar b = 2;</script>After the script<br>and a break\n"
        "\n"
        "A closing paragraph that says what the council will decide about it next month.\n"
    )
    doc = run(text)
    markup = [(r.text, r.line) for r in doc.removed if r.filter == "markup"]
    assert markup == [("<script>var a = 1;\nvar b = 2;</script>", 2), ("<br>", 3)]
    assert doc.text.split("\n\n")[1:3] == ["After the script", "and a break"]
    assert doc.lines == [1, 3, 3, 5]


def test_a_batch_records_where_each_paragraph_and_removal_stood(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    page = (FIXTURES / "seeds").glob("*.txt").__next__()
    (src / "page.txt").write_bytes(page.read_bytes())
    result = CliRunner().invoke(app, ["clean", str(src), "--out", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.stderr
    meta = json.loads((tmp_path / "out" / "page.json").read_text(encoding="utf-8"))
    body = (tmp_path / "out" / "page.txt").read_text(encoding="utf-8")
    assert len(meta["body_lines"]) == body.count("\n\n") + 1
    assert all(isinstance(r["line"], int) for r in meta["removed"])
    assert meta["kind"] == "text" and meta["chars_in"] == len(page.read_text(encoding="utf-8"))
    assert meta["config"]["disable"] == [] and meta["config"]["language"] == "auto"


def test_a_batch_measures_a_page_in_a_legacy_encoding_by_the_text_it_decodes_once(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    text = "Le café était fermé ce matin-là, et la crème brûlée aussi, dit la propriétaire.\n" * 3
    (src / "page.txt").write_bytes(text.encode("cp1252"))
    decodes = []
    real = inputs.decode_utf8
    for module in (inputs, pipeline):  # (the pipeline's own name for it, and the one as_input calls)
        monkeypatch.setattr(module, "decode_utf8", lambda *a, **k: decodes.append(str(a[1])) or real(*a, **k))
    result = CliRunner().invoke(app, ["clean", str(src), "--out", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.stderr
    meta = json.loads((tmp_path / "out" / "page.json").read_text(encoding="utf-8"))
    assert meta["chars_in"] == len(text)
    assert decodes == [str(src / "page.txt")]
