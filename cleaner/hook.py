"""``cleaner-hook``: the pre-commit hooks' command, ``cleaner`` taking any file name.

pre-commit runs a hook's ``entry``, then the hook's ``args``, then the names of the
files it picked. ``cleaner check -dirty.txt`` reads a name that starts with "-" as
options (``-d irty.txt``: an unknown filter), and the entry cannot end the options
with ``--`` itself, since ``args`` come after it. pre-commit passes only files that
exist, and no option of cleaner's names one: so the options end before the first
argument that starts with "-" and names a file (or a link), and the command line is
``cleaner``'s from there. Without such a name it is ``cleaner``'s as it stands.
"""

from __future__ import annotations

import os
import sys

from .cli import app


def file_names_ended(args: list[str]) -> list[str]:
    """``args`` with ``--`` before the first one that starts with "-" and names a file."""
    if "--" in args:
        return args
    for i, arg in enumerate(args):
        if arg.startswith("-") and arg != "-" and os.path.lexists(arg):
            return [*args[:i], "--", *args[i:]]
    return args


def main() -> None:
    app(args=file_names_ended(sys.argv[1:]), prog_name="cleaner-hook")


if __name__ == "__main__":  # pragma: no cover
    main()
