"""Data tables from data/tables: as pandas frames for charts, and as sortable HTML for readers."""

import pandas as pd

from .citations import cite_list
from .loader import workbook
from .render import escape, show_html


def table_frame(name: str) -> pd.DataFrame:
    """A data table as a DataFrame; the 'references' column keeps each row's sources."""
    table = workbook().tables[name]
    rows = [{**(row.model_extra or {}), "references": list(row.references)} for row in table.rows]
    return pd.DataFrame(rows, columns=[*table.columns, "references"])


def data_table(name: str, *, caption: str | None = None) -> None:
    """Show a data table with its sources per row. On the site, headers sort and a box filters."""
    table = workbook().tables[name]
    head = "".join(f'<th scope="col">{escape(label)}</th>' for label in table.columns.values())
    body = []
    for row in table.rows:
        values = row.model_extra or {}
        # data-label: on a phone each row is shown as a card, every cell under its column name.
        cells = "".join(
            f'<td data-label="{escape(label)}">{escape(values[column])}</td>'
            for column, label in table.columns.items()
        )
        body.append(f'<tr>{cells}<td data-label="Sources">{cite_list(row.references)}</td></tr>')
    title = escape(caption or table.title)
    markup = (
        f'<div class="tb-table" data-table="{escape(name)}">'
        f'<table><caption>{title}</caption><thead><tr>{head}<th scope="col">Sources</th></tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table></div>"
    )
    show_html(markup, table_frame(name).drop(columns="references").to_string(index=False))
