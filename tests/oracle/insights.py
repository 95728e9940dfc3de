"""`khairukum insights` recomputed apart from the code: the exported posts
of the months given, read with Python's csv module, joined to the plan's
items by the links the calendar records, broken down and compared as
docs/metrics.md ("Insights") defines, printed as JSON in the shape of the
tool's own (`platforms` → `breakdowns` → `cells`, `comparisons`, `goals`).

    python3 tests/oracle/insights.py plans examples/exports 2026-06 2026-11
"""
import csv, glob, io, json, math, os, sys
from datetime import datetime

import yaml

plan_dir, exports, first, last = sys.argv[1:5]
MIN_POSTS = 8
Z90 = 1.6448536269514722
DIMENSIONS = ["format", "goal", "audience", "weekday", "hour", "length", "link", "hashtags"]
WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
HOURS = ["06-12", "12-17", "17-21", "21-01", "01-06"]
LENGTHS = ["0-79", "80-159", "160-279", "280+"]
KINDS = {"ig reel": "reel", "ig image": "image", "ig carousel": "carousel", "photos": "image",
         "videos": "video", "links": "link", "status": "text"}


def number(cell):
    cell = (cell or "").strip().replace(",", "")
    return int(cell) if cell.isdigit() else None


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def in_window(day):
    return first <= day.strftime("%Y-%m") <= last


def read_posts():
    posts, seen = [], set()
    for path in sorted(glob.glob(os.path.join(exports, "**", "*.csv"), recursive=True)):
        try:
            records = rows(path)
        except UnicodeDecodeError:
            continue
        for r in records:
            post = parse(r)
            if post is None:
                break
            if (post["platform"], post["id"]) in seen or not in_window(post["day"]):
                continue
            seen.add((post["platform"], post["id"]))
            posts.append(post)
    return posts


def parse(r):
    """One exported post as a dict, or None for a file of no post format."""
    if "Post Link" in r and "Post id" in r:
        day = datetime.strptime(r["Date"], "%a, %b %d, %Y")
        return dict(platform="x", id=r["Post id"], url=r["Post Link"], day=day, time=None, kind=None,
                    text=r["Post text"], impressions=number(r["Impressions"]), reach=None,
                    engagements=number(r["Engagements"]))
    if "Account username" in r:
        at = datetime.strptime(r["Publish time"], "%m/%d/%Y %H:%M")
        parts = [number(r.get(c)) for c in ("Likes", "Comments", "Shares", "Saves")]
        known = [p for p in parts if p is not None]
        return dict(platform="instagram", id=r["Post ID"], url=r["Permalink"], day=at, time=at,
                    kind=r.get("Post type"), text=r["Description"], impressions=number(r["Views"]),
                    reach=number(r["Reach"]), engagements=sum(known) if known else None)
    if "Page name" in r:
        at = datetime.strptime(r["Publish time"], "%m/%d/%Y %H:%M")
        return dict(platform="facebook", id=r["Post ID"], url=r["Permalink"], day=at, time=at,
                    kind=r.get("Post type"), text=r["Title"] or r["Description"],
                    impressions=number(r["Views"]), reach=number(r["Reach"]),
                    engagements=number(r["Reactions, Comments and Shares"]))
    if "Video publish time" in r:
        if r["Content"] == "Total":
            return dict(platform="skip", id="", url="", day=datetime(1, 1, 1), time=None, kind=None,
                        text="", impressions=None, reach=None, engagements=None)
        day = datetime.strptime(r["Video publish time"], "%b %d, %Y")
        return dict(platform="youtube", id=r["Content"], url=None, day=day, time=None, kind="videos",
                    text=r["Video title"], impressions=number(r["Impressions"]), reach=None,
                    engagements=None)
    return None


def link_key(url):
    return (url or "").split("?")[0].rstrip("/").split("/")[-1]


def items_by_link():
    out = {}
    for path in glob.glob(os.path.join(plan_dir, "calendar", "*.yaml")):
        for item in (yaml.safe_load(open(path, encoding="utf-8")).get("items") or []):
            if item.get("status") == "cancelled":
                continue
            for platform, link in (item.get("published") or {}).items():
                out[(platform, link_key(link))] = item
    return out


def rate(post):
    if post["engagements"] is None or not post["impressions"]:
        return None
    return post["engagements"] / post["impressions"]


def rate_reach(post):
    if post["engagements"] is None or not post["reach"]:
        return None
    return post["engagements"] / post["reach"]


def band(hour):
    if 6 <= hour < 12: return HOURS[0]
    if 12 <= hour < 17: return HOURS[1]
    if 17 <= hour < 21: return HOURS[2]
    if hour >= 21 or hour == 0: return HOURS[3]
    return HOURS[4]


def length(n):
    return LENGTHS[0] if n < 80 else LENGTHS[1] if n < 160 else LENGTHS[2] if n < 280 else LENGTHS[3]


def hashtag(text):
    return any(c == "#" and i + 1 < len(text) and text[i + 1].isalpha() for i, c in enumerate(text))


def value(post, dimension):
    text = post["text"]
    if dimension == "format":
        return post["format"] or "not-known"
    if dimension in ("goal", "audience"):
        return post[dimension] or "not-planned"
    if dimension == "weekday":
        return WEEKDAYS[(post["day"].weekday() + 1) % 7]
    if dimension == "hour":
        return band(post["time"].hour) if post["time"] else None
    if text is None:
        return None
    if dimension == "length":
        return length(len(text))
    if dimension == "link":
        return "link" if ("http://" in text or "https://" in text) else "no-link"
    return "hashtags" if hashtag(text) else "no-hashtags"


def quantile(values, q):
    if not values:
        return None
    s = sorted(values)
    pos = q * (len(s) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def cell(name, posts):
    rates = [rate(p) for p in posts if rate(p) is not None]
    reach = [rate_reach(p) for p in posts if rate_reach(p) is not None]
    impressions = [float(p["impressions"]) for p in posts if p["impressions"] is not None]
    return {"value": name, "posts": len(rates), "median_rate": quantile(rates, 0.5),
            "p25": quantile(rates, 0.25), "p75": quantile(rates, 0.75), "reach_posts": len(reach),
            "median_rate_reach": quantile(reach, 0.5), "median_impressions": quantile(impressions, 0.5),
            "too_few": len(rates) < MIN_POSTS}


def cells(posts, dimension):
    groups = {}
    for p in posts:
        v = value(p, dimension)
        if v is not None:
            groups.setdefault(v, []).append(p)
    return {v: cell(v, ps) for v, ps in groups.items()}


def shift(a, b):
    d = sorted(x - y for x in a for y in b)
    m, n = len(a), len(b)
    k = math.floor(m * n / 2 - Z90 * math.sqrt(m * n * (m + n + 1) / 12))
    interval = (d[k - 1], d[len(d) - k]) if k >= 1 else (None, None)
    return quantile(d, 0.5), interval


def compare(platform, posts, dimension):
    within = None
    if dimension != "format":
        counts = {}
        for p in posts:
            counts[value(p, "format")] = counts.get(value(p, "format"), 0) + 1
        within = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        posts = [p for p in posts if value(p, "format") == within]
    eligible = [c for c in cells(posts, dimension).values()
                if not c["too_few"] and c["value"] not in ("not-known", "not-planned")]
    if len(eligible) < 2:
        return None
    best = max(eligible, key=lambda c: c["median_rate"])
    other = min(eligible, key=lambda c: c["median_rate"])
    group = lambda v: [rate(p) * 100 for p in posts if value(p, dimension) == v and rate(p) is not None]
    estimate, (low, high) = shift(group(best["value"]), group(other["value"]))
    return {"platform": platform, "dimension": dimension, "within": within, "best": best["value"],
            "other": other["value"], "difference": estimate, "low": low, "high": high}


posts = read_posts()
linked = items_by_link()
for p in posts:
    item = linked.get((p["platform"], link_key(p["url"]))) if p["url"] else None
    kind = KINDS.get((p["kind"] or "").strip().lower())
    p["format"] = kind or (item or {}).get("format")
    p["goal"] = (item or {}).get("goal")
    p["audience"] = (item or {}).get("audience")

out = {"platforms": {}, "comparisons": [], "goals": {}}
for platform in sorted({p["platform"] for p in posts}):
    mine = [p for p in posts if p["platform"] == platform and rate(p) is not None]
    if not mine:
        continue
    out["platforms"][platform] = {d: cells(mine, d) for d in DIMENSIONS}
    timed = [p for p in mine if p["time"] is not None]
    week = {}
    for p in timed:
        week.setdefault(f'{value(p, "weekday")} {value(p, "hour")}', []).append(p)
    out["platforms"][platform]["week"] = {k: cell(k, ps) for k, ps in week.items()}
    out["comparisons"] += [c for d in DIMENSIONS if (c := compare(platform, mine, d))]
for goal in sorted({p["goal"] for p in posts if p["goal"]}):
    out["goals"][goal] = cells([p for p in posts if p["goal"] == goal and rate(p) is not None], "format")
json.dump(out, sys.stdout, indent=1, ensure_ascii=False, default=str)
