"""Independent oracle for the report's money section: the ad spend of a
month from the ad exports under an exports folder, turned into the budget's
currency by its rates, split by goal (the budget campaign a row's campaign
name belongs to: its exact name, else its prefix, else its tag), by ad
platform, and the spend no campaign directs at a goal; the month's budget
from its cap; paid impressions. Rows running past the month count for the
days they share with it.

    python3 tests/oracle/money.py plans examples/exports 2026-11   # prints JSON
"""
import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from ads import text_rows, xlsx_rows  # noqa: E402  (the same oracle family)


def day(text):
    return dt.date.fromisoformat(text.strip()[:10])


def campaign_goal(budget, name):
    name_l = name.strip().lower()
    for c in budget.get("campaigns", []):
        if c.get("name") and c["name"].strip().lower() == name_l:
            return c.get("goal")
    for c in budget.get("campaigns", []):
        if (c.get("prefix") and name_l.startswith(c["prefix"].lower())) or (
            c.get("tag") and c["tag"].lower() in name_l
        ):
            return c.get("goal")
    return None


def rows_of(path, month_days):
    """(platform, campaign, from, to, spend, currency, impressions) of each campaign row."""
    table = xlsx_rows(path) if path.suffix == ".xlsx" else text_rows(path)
    header = [c.strip().lower() for c in table[0]]
    out = []
    if "reporting starts" in header:  # Meta
        spend = next(i for i, h in enumerate(header) if h.startswith("amount spent"))
        currency = re.search(r"\((\w{3})\)", header[spend]).group(1)
        for r in table[1:]:
            name = r[header.index("campaign name")]
            if not name.strip():
                continue  # the total row
            out.append(("meta", name, day(r[0]), day(r[1]), float(r[spend] or 0), currency,
                        int(r[header.index("impressions")] or 0)))
    elif "start time" in header:  # Snapchat: a day runs to the next midnight
        for r in table[1:]:
            start, end = day(r[header.index("start time")]), day(r[header.index("end time")])
            if r[header.index("end time")].strip()[11:19] == "00:00:00" and end > start:
                end -= dt.timedelta(days=1)
            out.append(("snapchat", r[header.index("campaign name")], start, end,
                        float(r[header.index("amount spent")]), None,
                        int(r[header.index("paid impressions")])))
    elif "cost" in header and "currency" in header:  # TikTok: days from the name
        m = re.search(r"\((\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)\)", path.name)
        start, end = (day(m.group(1)), day(m.group(2))) if m else month_days
        for r in table[1:]:
            name = r[header.index("campaign name")]
            if name.lower().startswith("total of"):
                continue
            out.append(("tiktok", name, start, end, float(r[header.index("cost")]),
                        r[header.index("currency")], int(float(r[header.index("impression")]))))
    return out


def main(plan_dir, exports_dir, month):
    budget = yaml.safe_load((Path(plan_dir) / "budget.yaml").read_text(encoding="utf-8"))
    own = budget.get("currency", "SAR")
    rates = {k.upper(): v for k, v in (budget.get("rates") or {}).items()}
    rates[own] = 1.0
    year, mon = map(int, month.split("-"))
    first = dt.date(year, mon, 1)
    last = dt.date(year, mon, calendar.monthrange(year, mon)[1])
    spent, paid, by_goal, by_platform, undirected = 0.0, 0.0, {}, {}, {}
    for path in sorted(Path(exports_dir).rglob("*")):
        if path.suffix.lower() not in (".csv", ".xlsx"):
            continue
        try:
            rows = rows_of(path, (first, last))
        except (StopIteration, ValueError, KeyError, IndexError, AttributeError):
            continue  # not an ad export
        for platform, name, start, end, spend, currency, impressions in rows:
            shared = (min(end, last) - max(start, first)).days + 1
            if shared <= 0:
                continue
            share = shared / ((end - start).days + 1)
            amount = spend * share * rates[(currency or own).upper()]
            spent += amount
            paid += impressions * share
            by_platform[platform] = by_platform.get(platform, 0.0) + amount
            goal = campaign_goal(budget, name)
            if goal is None:
                key = f"{name}|{platform}"  # a campaign's name on one platform
                undirected[key] = undirected.get(key, 0.0) + amount
            else:
                by_goal[goal] = by_goal.get(goal, 0.0) + amount
    caps = {str(k): v for k, v in (budget["approved"].get("months") or {}).items()}
    month_budget = caps.get(month)
    if month_budget is None:
        # No cap for the month: the total spread evenly over the plan's days
        # (a Gregorian period; a Hijri one is left to the caps).
        period = yaml.safe_load((Path(plan_dir) / "plan.yaml").read_text(encoding="utf-8"))["period"]
        start, end = period["start"], period["end"]
        if isinstance(start, dt.date) and isinstance(end, dt.date):
            plan_days = (end - start).days + 1
            shared = (min(end, last) - max(start, first)).days + 1
            month_budget = round(budget["approved"]["total"] * shared / plan_days, 2)
    print(json.dumps({
        "spent": round(spent, 2),
        "budget": month_budget,
        "paid_impressions": round(paid),
        "by_goal": {g: round(v, 2) for g, v in by_goal.items()},
        "by_platform": {p: round(v, 2) for p, v in by_platform.items()},
        "undirected": {n: round(v, 2) for n, v in undirected.items()},
    }, ensure_ascii=False, indent=1, sort_keys=True))


if __name__ == "__main__":
    main(*sys.argv[1:])
