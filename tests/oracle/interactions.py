"""Interactions per platform for one month, from the exports alone, with
Python's csv module: an oracle written apart from the importer, which
`tests/integration/oracle.rs` compares with `khairukum report --format json`.

    python3 tests/oracle/interactions.py EXPORTS_DIR YYYY-MM

Definitions (docs/metrics.md, docs/report.md): likes, replies (comments),
reposts (X reposts; Meta shares), saves (Instagram saves; X bookmarks) and
link clicks (X URL clicks; Facebook link clicks).
Each platform takes them from one source: its account's daily export when
that gives impressions and engagements in the month (X's overview), else the
posts published in the month, each post once.
"""
import csv, glob, io, json, os, sys
from datetime import datetime

exports, month = sys.argv[1], sys.argv[2]
MISSING = {"", "-", "--", "undefined", "nan", "n/a"}

def rows(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xff\xfe"):
        return []  # Meta's daily UTF-16 files give no interactions per post
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))

def number(cell):
    cell = (cell or "").strip()
    return None if cell.lower() in MISSING else int(float(cell.replace(",", "")))

# (platform, header that tells the format, date column, date format, {metric: column})
FORMATS = [
    ("x", "Post Link", "Date", "%a, %b %d, %Y",
     {"likes": "Likes", "replies": "Replies", "reposts": "Reposts", "saves": "Bookmarks",
      "link_clicks": "URL Clicks"}),
    ("instagram", "Account username", "Publish time", "%m/%d/%Y %H:%M",
     {"likes": "Likes", "replies": "Comments", "reposts": "Shares", "saves": "Saves"}),
    ("facebook", "Page name", "Publish time", "%m/%d/%Y %H:%M",
     {"likes": "Reactions", "replies": "Comments", "reposts": "Shares", "link_clicks": "Link Clicks"}),
]

# (platform, headers that tell the daily format, date format, {metric: column})
DAILY = [
    ("x", {"Unfollows", "Impressions", "Engagements"}, "%a, %b %d, %Y",
     {"likes": "Likes", "replies": "Replies", "reposts": "Reposts", "saves": "Bookmarks"}),
]

totals, seen = {}, set()
for path in sorted(glob.glob(os.path.join(exports, "**", "*.csv"), recursive=True)):
    records = rows(path)
    if not records:
        continue
    for platform, marker, date_column, date_format, columns in FORMATS:
        if marker not in records[0]:
            continue
        post_id = "Post id" if "Post id" in records[0] else "Post ID"
        for r in records:
            day = datetime.strptime(r[date_column].strip(), date_format)
            if day.strftime("%Y-%m") != month or (platform, r[post_id]) in seen:
                continue
            seen.add((platform, r[post_id]))
            sums = totals.setdefault(platform, {})
            for metric, column in columns.items():
                value = number(r.get(column))
                if value is not None:
                    sums[metric] = sums.get(metric, 0) + value
        break
# A platform whose daily export covers the month takes its figures from it.
for path in sorted(glob.glob(os.path.join(exports, "**", "*.csv"), recursive=True)):
    records = rows(path)
    for platform, markers, date_format, columns in DAILY:
        if not records or not markers <= set(records[0]) or "Post id" in records[0]:
            continue
        days = [r for r in records
                if datetime.strptime(r["Date"].strip(), date_format).strftime("%Y-%m") == month]
        if not days:
            continue
        sums = {}
        for metric, column in columns.items():
            values = [number(r.get(column)) for r in days]
            if any(v is not None for v in values):
                sums[metric] = sum(v for v in values if v is not None)
        totals[platform] = sums
print(json.dumps(totals, sort_keys=True))
