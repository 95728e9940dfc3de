"""Independent oracle for the ad exports in tests/ads/: per file,
the campaign rows, the total rows set aside, the spend added up and its
currency, written with Python's csv, codecs, zipfile and xml modules only
(no code shared with the tool).

    python3 tests/oracle/ads.py tests/ads   # prints JSON
"""
import csv
import io
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def xlsx_rows(path):
    """The first sheet's rows as text, from the workbook's XML."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        first = book.find("m:sheets/m:sheet", NS)
        rid = first.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        target = next(r.get("Target") for r in rels if r.get("Id") == rid)
        target = target.lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        sheet = ET.fromstring(z.read(target))
        rows = []
        for row in sheet.iter("{%s}row" % NS["m"]):
            cells = {}
            for c in row.findall("m:c", NS):
                ref = re.match(r"([A-Z]+)", c.get("r")).group(1)
                col = 0
                for ch in ref:
                    col = col * 26 + ord(ch) - 64
                kind = c.get("t")
                v = c.find("m:v", NS)
                if kind == "s":
                    value = shared[int(v.text)]
                elif kind == "inlineStr":
                    value = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                else:
                    value = v.text if v is not None else ""
                cells[col - 1] = value or ""
            width = max(cells) + 1 if cells else 0
            rows.append([cells.get(i, "") for i in range(width)])
        return rows


def text_rows(path):
    raw = path.read_bytes()
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp932")
    head = "".join(text.splitlines()[:5])
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return [[re.sub(r'^="(.*)"$', r"\1", c.strip()) for c in row] for row in rows]


SPEND = ["amount spent", "消化金額", "cost", "コスト", "biaya", "費用", "spend"]
NAMES = ["campaign name", "キャンペーン名", "ad set name", "ad name", "nama kampanye", "campaign", "キャンペーン"]


def money(cell):
    cell = cell.strip()
    if cell in ("", "-", "--"):
        return 0.0
    return float(cell.replace(",", ""))


def summary(path):
    rows = xlsx_rows(path) if path.suffix.lower() == ".xlsx" else text_rows(path)
    for at, row in enumerate(rows[:6]):
        low = [c.strip().lstrip("\ufeff").lower() for c in row]
        spend = next((i for i, c in enumerate(low) if any(c == s or c.startswith(s + " (") for s in SPEND)), None)
        name = next((low.index(n) for n in NAMES if n in low), None)
        if spend is not None and name is not None:
            break
    else:
        return None
    header = low
    currency = None
    m = re.search(r"\(([a-z]{3})\)$", header[spend])
    if m:
        currency = m.group(1).upper()
    cur_col = next((header.index(c) for c in ["currency", "通貨", "mata uang", "currency code", "通貨コード"] if c in header), None)
    kept, totals, spent, currencies = 0, 0, 0.0, set()
    for row in rows[at + 1:]:
        if not any(c.strip() for c in row):
            continue
        if len([c for c in row if c.strip()]) == 1 and row[0].strip().lower() == "no data available.":
            continue
        n = row[name].strip() if name < len(row) else ""
        first = row[0].strip() if row else ""
        if (not n) or n.lower().startswith("total of") or (n.startswith("全") and n.endswith("件の結果")) \
                or first.startswith("Total:") or n.startswith("Total:"):
            totals += 1
            continue
        kept += 1
        spent += money(row[spend]) if spend < len(row) else 0.0
        if cur_col is not None and cur_col < len(row) and row[cur_col].strip():
            currencies.add(row[cur_col].strip().upper())
    if currency is None and len(currencies) == 1:
        currency = currencies.pop()
    return {"rows": kept, "totals": totals, "spend": round(spent, 2), "currency": currency}


def main(folder):
    out = {}
    for path in sorted(Path(folder).iterdir()):
        if path.suffix.lower() in (".csv", ".tsv", ".xlsx"):
            s = summary(path)
            if s is not None:
                out[path.name] = s
    print(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
