"""Independent figures of the food bank's own records, with Python's csv
module only: the values `report --format json` must give for its KPIs from
`examples/food-bank/` (donations, donors, volunteer sign-ups, coverage).

`tests/integration/oracle.rs` runs it and compares every KPI's value, its
previous month's value and its platforms' parts with the report. Nothing
here shares code or reading rules with the tool: the rules are written
again from `docs/plan-format.md` (measures.yaml) for these files.
"""
import csv, glob, json, os, sys

# The food bank's folder (`plans/`, `exports/`); another copy may be given.
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "food-bank")
EXPORTS = os.path.join(ROOT, "exports")

def budget_rates():
    """`rates:` of budget.yaml, read as text: {"USD": 3.75}; SAR is 1."""
    rates, inside = {"SAR": 1.0}, False
    for line in open(os.path.join(ROOT, "plans", "budget.yaml"), encoding="utf-8"):
        if not line.startswith(" "):
            inside = line.startswith("rates:")
            continue
        if inside and ":" in line:
            code, rate = line.split(":", 1)
            rates[code.strip().upper()] = float(rate.split("#")[0])
    return rates

RATES = budget_rates()
SOCIAL = {"instagram", "ig", "x", "twitter", "snapchat", "tiktok", "whatsapp"}
PLATFORM = {"instagram": "instagram", "ig": "instagram", "x": "x", "twitter": "x",
            "snapchat": "snapchat", "tiktok": "tiktok", "whatsapp": "whatsapp"}

def rows(pattern):
    out = []
    for path in sorted(glob.glob(os.path.join(EXPORTS, pattern))):
        with open(path, newline="", encoding="utf-8-sig") as f:
            out.extend(csv.DictReader(f))
    return out

def month_of(day_first):
    # dd/mm/yyyy …  →  yyyy-mm
    date = day_first.split()[0]
    d, m, y = date.split("/")
    return f"{y}-{m}"

def amount(cell):
    return float(cell.replace(",", ""))

def donations(month, platforms):
    total, parts = 0.0, {}
    for r in rows("*/donations/*.csv"):
        if r["Status"].strip().lower() != "paid" or r["utm_source"].strip().lower() not in SOCIAL:
            continue
        if month_of(r["Donation date"]) != month:
            continue
        platform = PLATFORM[r["utm_source"].strip().lower()]
        if platform not in platforms:
            continue
        # A row in another currency counts at the budget's rate, or not at all.
        rate = RATES.get((r.get("Currency") or "SAR").strip().upper())
        if rate is None:
            continue
        value = amount(r["Amount (SAR)"]) * rate
        total += value
        parts[platform] = parts.get(platform, 0.0) + value
    return round(total, 2), {k: round(v, 2) for k, v in parts.items()}

def donors(month):
    seen = set()
    for r in rows("*/donations/*.csv"):
        if r["Status"].strip().lower() == "paid" and r["utm_source"].strip().lower() in SOCIAL \
                and month_of(r["Donation date"]) == month and r["Donor email"].strip():
            seen.add(r["Donor email"].strip().lower())
    return len(seen)

def signups(month):
    count, parts = 0, {}
    for r in rows("*/forms/volunteers-*.csv"):
        source = r["How did you hear about us?"].strip()
        if source.lower() not in {"instagram", "x", "snapchat", "tiktok", "whatsapp"}:
            continue
        if month_of(r["Timestamp"]) != month:
            continue
        count += 1
        parts[source.lower()] = parts.get(source.lower(), 0) + 1
    return count, parts

def hours(month):
    # measures/<month>.yaml holds one record: `value: N` under volunteer_hours.
    path = os.path.join(ROOT, "plans", "measures", f"{month}.yaml")
    lines = open(path, encoding="utf-8").read().splitlines()
    at = next(i for i, l in enumerate(lines) if l.strip() == "- measure: volunteer_hours")
    return float(next(l for l in lines[at:] if l.strip().startswith("value:")).split(":")[1])

def coverage(month):
    # coverage.yaml: one `- date: YYYY-MM-DD` line per report.
    lines = open(os.path.join(ROOT, "plans", "coverage.yaml"), encoding="utf-8").read().splitlines()
    return sum(1 for l in lines if l.strip().startswith("- date: ") and l.split(":", 1)[1].strip()[:7] == month)

value, parts = donations("2026-11", {"instagram", "x", "snapchat"})
previous, _ = donations("2026-10", {"instagram", "x", "snapchat"})
n, by = signups("2026-11")
n_before, _ = signups("2026-10")
expected = {
    "social-donations": {"value": value, "previous": previous, "by_platform": parts},
    "social-donors": {"value": donors("2026-11"), "previous": donors("2026-10"), "by_platform": {}},
    "volunteer-signups": {"value": n, "previous": n_before, "by_platform": by},
    "volunteer-hours": {"value": hours("2026-11"), "previous": hours("2026-10"), "by_platform": {}},
    "media-coverage": {"value": coverage("2026-11"), "previous": coverage("2026-10"), "by_platform": {}},
}
print(json.dumps(expected, indent=2, sort_keys=True, ensure_ascii=False))
