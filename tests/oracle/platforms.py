"""Each platform row of the report for one month — impressions, reach,
engagements and both engagement rates — from the exports alone, with
Python's csv module: an oracle written apart from the importer, which
`tests/integration/oracle.rs` compares with `khairukum report --format json`.

    python3 tests/oracle/platforms.py EXPORTS_DIR YYYY-MM

Definitions (docs/metrics.md): a platform takes its flows from its account's
daily export when that gives impressions and engagements in the month, else
from the posts published in the month (each post once); engagements of a
post without a total are the sum of the parts it has; rates are summed over
the posts that carry both parts, whatever the flows' source.
"""
import csv, glob, io, json, os, sys
from datetime import datetime

exports, month = sys.argv[1], sys.argv[2]
MISSING = {"", "-", "--", "undefined", "nan", "n/a"}

def rows(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xff\xfe"):
        return []  # Meta's daily UTF-16 files: follows, not flows
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))

def number(cell):
    """A count, or None: empty, a dash, or a cell that is no number (`2.2%`)."""
    cell = (cell or "").strip()
    if cell.lower() in MISSING:
        return None
    try:
        return int(float(cell.replace(",", "")))
    except ValueError:
        return None

def in_month(cell, fmt):
    return datetime.strptime(cell.strip(), fmt).strftime("%Y-%m") == month

# Post exports: (platform, a header that tells the format, id, date column,
# date format, impressions, reach, engagements total, engagement parts)
POSTS = [
    ("x", "Post Link", "Post id", "Date", "%a, %b %d, %Y", "Impressions", None, "Engagements", []),
    ("instagram", "Account username", "Post ID", "Publish time", "%m/%d/%Y %H:%M",
     "Views", "Reach", None, ["Likes", "Comments", "Shares", "Saves"]),
    ("facebook", "Page name", "Post ID", "Publish time", "%m/%d/%Y %H:%M",
     "Views", "Reach", "Reactions, Comments and Shares", []),
    ("youtube", "Video publish time", "Content", "Video publish time", "%b %d, %Y",
     "Impressions", None, None, []),
]

posts = {}   # platform -> list of (impressions, reach, engagements)
days = {}    # platform -> (impressions, engagements) over the account's days
without = {} # platform -> the account's days without engagements
seen = set()
for path in sorted(glob.glob(os.path.join(exports, "**", "*.csv"), recursive=True)):
    records = rows(path)
    if not records:
        continue
    header = set(records[0])
    if {"Unfollows", "Impressions", "Engagements"} <= header and "Post id" not in header:  # X overview
        month_days = [r for r in records if in_month(r["Date"], "%a, %b %d, %Y")]
        if month_days:
            imp = sum(number(r["Impressions"]) or 0 for r in month_days)
            eng = sum(number(r["Engagements"]) or 0 for r in month_days)
            days["x"] = (imp, eng)
            # The days whose engagements cell gives no number.
            without["x"] = sorted(
                datetime.strptime(r["Date"].strip(), "%a, %b %d, %Y").strftime("%Y-%m-%d")
                for r in month_days if number(r["Engagements"]) is None)
        continue
    for platform, marker, id_col, date_col, fmt, imp_col, reach_col, eng_col, parts in POSTS:
        if marker not in header:
            continue
        for r in records:
            if r[id_col].strip() == "Total" or not r[date_col].strip():
                continue
            if not in_month(r[date_col], fmt) or (platform, r[id_col]) in seen:
                continue
            seen.add((platform, r[id_col]))
            eng = number(r.get(eng_col)) if eng_col else None
            if eng is None and parts:
                present = [number(r.get(p)) for p in parts if number(r.get(p)) is not None]
                eng = sum(present) if present else None
            posts.setdefault(platform, []).append(
                (number(r.get(imp_col)), number(r.get(reach_col)) if reach_col else None, eng))
        break

def total(values):
    present = [v for v in values if v is not None]
    return sum(present) if present else None

def parts(pairs):
    """Σ numerator and Σ denominator over the posts that carry both."""
    both = [(n, d) for n, d in pairs if n is not None and d is not None]
    return [sum(n for n, _ in both), sum(d for _, d in both)] if both else None

def rate(pairs):
    over = parts(pairs)
    return over[0] / over[1] if over and over[1] else None

out = {}
for platform in set(posts) | set(days):
    rows_ = posts.get(platform, [])
    if platform in days:
        impressions, engagements = days[platform]
        reach = None  # the overview gives no reach
    else:
        impressions = total(r[0] for r in rows_)
        reach = total(r[1] for r in rows_)
        engagements = total(r[2] for r in rows_)
    out[platform] = {
        "impressions": impressions,
        "reach": reach,
        "engagements": engagements,
        "engagement_rate_impressions": rate((r[2], r[0]) for r in rows_),
        "engagement_rate_reach": rate((r[2], r[1]) for r in rows_),
        # for the totals over all platforms, rates summed part by part
        "engagement_rate_impressions_parts": parts((r[2], r[0]) for r in rows_),
        "engagement_rate_reach_parts": parts((r[2], r[1]) for r in rows_),
        "engagements_without_days": without.get(platform, []),
    }
print(json.dumps(out, sort_keys=True))
