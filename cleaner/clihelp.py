"""Command help as a person reads it: arguments and options by their metavars.

Typer shows each parameter's Python type (``<list[str]>``, ``<bool>``) and puts a
required argument in braces (``{sources}...``); its rich panels keep the line
breaks of a docstring (breaking sentences mid-line) and read ``[dask]`` as markup.
The app uses click's plain formatter (``rich_markup_mode=None``), which rewraps
paragraphs, and commands made with ``cls=Command`` list their parameters here.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand


def _argument_name(param: Any) -> str:
    name = param.metavar or param.name.upper()
    return name + ("..." if param.nargs != 1 else "")


class Command(TyperCommand):
    """A command whose help shows metavars (``SOURCE...``, ``DIR``), never type names."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [_argument_name(p) for p in self.get_params(ctx) if p.param_type_name == "argument"]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                arguments.append((_argument_name(param), getattr(param, "help", None) or ""))
            elif param.param_type_name == "option" and (record := param.get_help_record(ctx)):
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
