"""Terminal tables of answer rows (rich is imported by the command line alone).

Cells wrap, and are never cut: a quote keeps its hedges. A column is at least as
wide as its longest id (such as
``russia-accepts-us-article-5-like-guarantee``), up to :data:`MAX_WORD`, so ids
never break mid-word.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.table import Table

    from graph.ask.results import Rows

__all__ = ["MAX_WORD", "STACK_BELOW", "rows_table"]

MAX_WORD = 48
"""Ids longer than this may still fold, so that one long token cannot squeeze the rest."""
STACK_BELOW = 100
"""Terminal width under which rows are stacked rather than laid out in columns."""
_SHORT = {"according to (speaker, venue, date, mode: quote)": "according to"}
# short columns that should give their room to the quotes in a narrow terminal
_NARROW = {"status": 14, "mode": 13, "date": 10, "start": 10, "stance": 12}
_SLUG = re.compile(r"\[?[a-z0-9]+(?:[-_][a-z0-9]+)+\]?[,.]?")


def rows_table(rows: Rows[Any], title: str | None = None, width: int | None = None) -> Table:
    """A rich table of the rows' main columns; cells are plain text, never rich markup.

    Narrower than :data:`STACK_BELOW` columns, each row is stacked instead (one line
    per column: header, then cell), so that long ids and quotes keep a wide column.
    """
    from rich.table import Table
    from rich.text import Text

    cells = list(rows.cells())
    headers = rows.headers()
    if width is not None and width < STACK_BELOW:
        table = Table(title=title, show_header=False, show_lines=False)
        table.add_column("", style="bold", overflow="fold", max_width=14)
        table.add_column("", overflow="fold")
        for n, row in enumerate(cells):
            if n:
                table.add_section()
            for header, cell in zip(headers, row, strict=True):
                table.add_row(Text(_SHORT.get(header, header)), Text(cell))
        return table
    table = Table(title=title, show_lines=True)
    for i, header in enumerate(headers):
        ids = [w for row in cells for w in row[i].split() if _SLUG.fullmatch(w)]
        longest = max(map(len, ids), default=0)
        table.add_column(
            header,
            overflow="fold",
            min_width=min(longest, MAX_WORD) or None,
            max_width=_NARROW.get(header),
        )
    for row in cells:
        # plain Text: data is never read as rich markup ("[/]" in a quote)
        table.add_row(*(Text(cell) for cell in row))
    return table
