"""Terminal tables of answer rows (rich is imported by the command line alone)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.table import Table

    from graph.ask.results import Rows

__all__ = ["rows_table"]


def rows_table(rows: Rows[Any], title: str | None = None) -> Table:
    """A rich table of the rows' main columns; cells are plain text, never rich markup."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=True)
    for header in rows.headers():
        table.add_column(header, overflow="fold")
    for cells in rows.cells():
        # plain Text: data is never read as rich markup ("[/]" in a quote)
        table.add_row(*(Text(cell) for cell in cells))
    return table
