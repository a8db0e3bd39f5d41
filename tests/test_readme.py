"""The README tells users what the code does: its filter table is the pipeline's."""

from __future__ import annotations

import re

from helpers import ROOT
from typer.testing import CliRunner

from cleaner.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_filters() -> list[str]:
    """The filter names of the README's table under "## Filters", top to bottom."""
    section = README.split("\n## Filters\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| *\d+ *\| *`(\w+)` *\|", section, re.MULTILINE)


def _printed_filters() -> list[str]:
    """The names ``cleaner filters`` prints, in its order (rows that start with a number)."""
    out = CliRunner().invoke(app, ["filters"], env={"COLUMNS": "300", "NO_COLOR": "1"}).output
    rows = [[cell.strip() for cell in line.split("│")] for line in out.splitlines() if line.startswith("│")]
    return [row[2] for row in rows if row[1].isdigit()]


def test_the_readme_filter_table_lists_what_cleaner_filters_prints_in_order() -> None:
    printed = _printed_filters()
    assert len(printed) >= 20
    assert _readme_filters() == printed


def test_the_readme_stays_short() -> None:
    # what it does, install, use, configure, filters, one benchmark table, bad input
    assert len(README.splitlines()) <= 250, "the README is for users: history goes to CHANGELOG.md and docs/"
