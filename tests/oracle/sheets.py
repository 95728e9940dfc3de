"""A workbook the tool wrote, read with openpyxl (installed on first use),
against the CSV it wrote of the same rows, read with Python's csv module:
the same header, the same rows, each cell of the right kind. Written apart
from the tool; `tests/integration/sheets.rs` runs it.

    python3 tests/oracle/sheets.py FILE.xlsx FILE.csv

Prints a JSON object: the sheet's name, whether it is right to left, the
rows compared, the kinds of cell found per column, and every difference
(an empty list when the two agree).
"""
import csv, json, os, sys
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vendored  # noqa: E402



def openpyxl_module():
    return vendored.module("openpyxl", "openpyxl==3.1.5")


def kind(value):
    if value is None:
        return "empty"
    if isinstance(value, datetime):
        return "date"
    if isinstance(value, (int, float)):
        return "number"
    return "text"


def same(cell, text):
    """Whether a workbook cell holds what the CSV cell says."""
    if cell is None:
        return text == ""
    if isinstance(cell, datetime):
        return cell.strftime("%Y-%m-%dT%H:%M") == text
    if isinstance(cell, (int, float)):
        return text != "" and abs(float(text) - cell) <= 1e-9 * max(1.0, abs(cell))
    # A CSV cell that would start a formula carries a leading apostrophe.
    return cell == text or "'" + cell == text


def main(xlsx, csv_path):
    raw = open(csv_path, "rb").read()
    differences = []
    if not raw.startswith(b"\xef\xbb\xbf"):
        differences.append("the CSV has no byte-order mark")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    book = openpyxl_module().load_workbook(xlsx)
    sheet = book.worksheets[0]
    cells = [list(r) for r in sheet.iter_rows(values_only=True)]
    if len(book.worksheets) != 1:
        differences.append(f"{len(book.worksheets)} worksheets")
    if cells[0] != rows[0]:
        differences.append(f"header {cells[0]} against {rows[0]}")
    if len(cells) != len(rows):
        differences.append(f"{len(cells)} rows against {len(rows)}")
    kinds = {name: set() for name in rows[0]}
    for n, (got, want) in enumerate(zip(cells[1:], rows[1:]), start=2):
        for name, cell, text in zip(rows[0], got, want):
            kinds[name].add(kind(cell))
            if not same(cell, text):
                differences.append(f"row {n} {name}: {cell!r} against {text!r}")
    print(json.dumps({
        "name": sheet.title,
        "right_to_left": bool(sheet.sheet_view.rightToLeft),
        "frozen": sheet.freeze_panes,
        "rows": len(cells) - 1,
        "kinds": {k: sorted(v) for k, v in kinds.items()},
        "differences": differences[:20],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:3])
