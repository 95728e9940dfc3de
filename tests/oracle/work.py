"""The report's totals and KPIs for one month that the platform rows do not
give — follower totals and net change, materials published against the
calendar, on-time publishing, reply times — and every KPI's value, change,
progress, expected progress and standing, from the plan's YAML and the
exports alone: an oracle written apart from the tool, which
`tests/integration/oracle.rs` compares with `khairukum report --format json`.

    python3 tests/oracle/work.py PLAN_DIR EXPORTS_DIR YYYY-MM

Definitions are docs/metrics.md's: the metric table, "KPI standing", and
the joining of posts to calendar items in docs/report.md (by link, then by
the planned text within `text_match_days`, then by time). Hijri dates are
converted with the `hijridate` package (Umm al-Qura), installed on first use.
"""
import csv, glob, io, json, math, os, re, subprocess, sys, unicodedata
from datetime import date, datetime, timedelta

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vendored  # noqa: E402



def hijri_module():
    return vendored.module("hijridate", "hijridate==2.6.0")


plan_dir, exports, month = sys.argv[1], sys.argv[2], sys.argv[3]
MISSING = {"", "-", "--", "undefined", "nan", "n/a"}


def load(name):
    with open(os.path.join(plan_dir, name), encoding="utf-8") as f:
        return yaml.safe_load(f)


def to_date(value):
    """A plan date: YYYY-MM-DD, or `YYYY-MM-DD AH` (Umm al-Qura)."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if text.endswith("AH"):
        y, m, d = (int(p) for p in text[:-2].strip().split("-"))
        return hijri_module().Hijri(y, m, d).to_gregorian()
    return date.fromisoformat(text)


def month_bounds(ym):
    y, m = (int(p) for p in ym.split("-"))
    first = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def previous_month(ym):
    first, _ = month_bounds(ym)
    return (first - timedelta(days=1)).strftime("%Y-%m")


plan = load("plan.yaml")
platforms = [p["id"] for p in load("platforms.yaml")["platforms"]]
kinds = {p["id"]: p.get("kind", p["id"]) for p in load("platforms.yaml")["platforms"]}
policies = load("policies.yaml")
text_days = policies.get("text_match_days", 3)


def number(cell):
    cell = (cell or "").strip()
    return None if cell.lower() in MISSING else int(float(cell.replace(",", "")))


def csv_rows(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xff\xfe"):
        return []
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


FILES = sorted(glob.glob(os.path.join(exports, "**", "*.csv"), recursive=True))

# ---- posts: (platform, link, text, local datetime or None, date) -----------

def posts_of(ym):
    first, last = month_bounds(ym)
    out, seen = [], set()
    for path in FILES:
        for r in csv_rows(path):
            if "Post Link" in r or "Link" in r and "Post id" in r:  # X content
                link = r.get("Post Link") or r.get("Link")
                day = datetime.strptime(r["Date"], "%a, %b %d, %Y").date()
                post = ("x", r["Post id"], link, r["Post text"], None, day)
            elif "Account username" in r:  # Instagram posts
                at = datetime.strptime(r["Publish time"], "%m/%d/%Y %H:%M")
                post = ("instagram", r["Post ID"], r["Permalink"], r["Description"], at, at.date())
            elif "Page name" in r:  # Facebook posts
                at = datetime.strptime(r["Publish time"], "%m/%d/%Y %H:%M")
                text = r["Description"] or r["Title"]
                post = ("facebook", r["Post ID"], r["Permalink"], text, at, at.date())
            elif "Video publish time" in r:  # YouTube
                if r["Content"] == "Total":
                    continue
                day = datetime.strptime(r["Video publish time"], "%b %d, %Y").date()
                link = "https://www.youtube.com/watch?v=" + r["Content"]
                post = ("youtube", r["Content"], link, r["Video title"], None, day)
            else:
                break
            if (post[0], post[1]) in seen or not first <= post[5] <= last:
                continue
            seen.add((post[0], post[1]))
            out.append(post + (figures_of(post[0], r),))
    return out


# Each post format's impressions column, and its engagements (one column,
# or the parts added where the export gives no total).
FIGURES = {
    "x": ("Impressions", "Engagements", []),
    "instagram": ("Views", None, ["Likes", "Comments", "Shares", "Saves"]),
    "facebook": ("Views", "Reactions, Comments and Shares", []),
    "youtube": ("Impressions", None, []),
}


def figures_of(platform, row):
    """(impressions, engagements) of an exported post; None where not given."""
    imp_col, eng_col, parts = FIGURES[platform]
    eng = number(row.get(eng_col)) if eng_col else None
    if eng is None and parts:
        present = [number(row.get(p)) for p in parts if number(row.get(p)) is not None]
        eng = sum(present) if present else None
    return number(row.get(imp_col)), eng


def post_id_of_link(link):
    """The platform's own post id in a link: what makes two links the same post."""
    link = link.strip().split("#")[0]
    v = re.search(r"[?&]v=([^&]+)", link)
    if v:
        return v.group(1)
    parts = [p for p in link.split("?")[0].split("/") if p]
    for marker in ("status", "p", "reel", "posts", "videos", "video", "shorts"):
        if marker in parts and parts.index(marker) + 1 < len(parts):
            return parts[parts.index(marker) + 1]
    return "/".join(parts[1:]).lower()


DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def normal(text):
    words = []
    for w in (text or "").split():
        if w.startswith("http://") or w.startswith("https://"):
            continue
        w = DIACRITICS.sub("", unicodedata.normalize("NFKC", w)).translate(FORMS)
        w = "".join(c for c in w if c.isalnum() or c == "#").lower()
        if w:
            words.append(w)
    return " ".join(words)


def same_text(a, b):
    a, b = normal(a), normal(b)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (len(short) >= 20 and long_.startswith(short))


def planned_at(item):
    value = item["publish"]
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def calendar_items(ym):
    path = os.path.join(plan_dir, "calendar", ym + ".yaml")
    if not os.path.exists(path):
        return None
    items = yaml.safe_load(open(path, encoding="utf-8"))["items"] or []
    return [i for i in items if i.get("status") != "cancelled"
            and planned_at(i).strftime("%Y-%m") == ym]


def materials(ym, scope):
    """(published, planned, on time, timed) for the items on `scope` platforms."""
    items = calendar_items(ym)
    if items is None:
        return None
    placements = [(n, p) for n, i in enumerate(items) for p in i["platforms"] if p in scope]
    planned = sorted({n for n, _ in placements})
    taken, joins = set(), {}  # placement -> post
    posts = [p for p in posts_of(ym) if p[0] in scope]
    by_link = {}
    for n, p in placements:
        link = (items[n].get("published") or {}).get(p)
        if link:
            by_link[(kinds[p], post_id_of_link(link))] = (n, p)
    for k, post in enumerate(posts):
        key = (post[0], post_id_of_link(post[2]))
        if key in by_link and by_link[key] not in taken:
            taken.add(by_link[key])
            joins[k] = by_link[key]
    for k, post in enumerate(posts):
        if k in joins:
            continue
        near = sorted(
            (abs((planned_at(items[n]).date() - post[5]).days), n, p)
            for n, p in placements
            if (n, p) not in taken and kinds[p] == post[0]
            and abs((planned_at(items[n]).date() - post[5]).days) <= text_days
            and same_text((items[n].get("text") or {}).get(p, ""), post[3])
        )
        if near:
            taken.add(near[0][1:])
            joins[k] = near[0][1:]
    for k, post in enumerate(posts):
        if k in joins:
            continue
        candidates = []
        for n, p in placements:
            if (n, p) in taken or kinds[p] != post[0]:
                continue
            at = planned_at(items[n])
            if post[4] is not None:
                gap = abs((at - post[4]).total_seconds()) / 60
                if gap <= 180:
                    candidates.append((gap, n, p))
            elif at.date() == post[5]:
                candidates.append((0, n, p))
        if candidates:
            best = min(candidates)
            taken.add(best[1:])
            joins[k] = best[1:]
    joined_items = {n for n, _ in joins.values()}
    published = [n for n in planned if n in joined_items or items[n].get("status") == "published"]
    gaps = {}
    for k, (n, p) in joins.items():
        if posts[k][4] is not None:
            gaps.setdefault(n, []).append(abs((planned_at(items[n]) - posts[k][4]).total_seconds()) / 60)
    on_time = [n for n, g in gaps.items() if all(m <= 120 for m in g)]
    JOINS[ym, tuple(scope)] = [(items[n], posts[k]) for k, (n, p) in joins.items()]
    return len(published), len(planned), len(on_time), len(gaps)


JOINS = {}  # (month, scope) -> [(item, post)] as joined


# ---- occasions ---------------------------------------------------------------
# The Islamic occasions keep the Hijri calendar; a plan's own `yearly: MM-DD
# AH` too. An occurrence is named by its id and its year in its calendar.
HIJRI_BUILT_IN = {"hijri-new-year", "ashura", "ramadan", "last-ten-nights", "eid-al-fitr",
                  "first-ten-dhul-hijjah", "day-of-arafah", "eid-al-adha"}


def occasion_key(item):
    occasion = item.get("occasion")
    if not occasion:
        return None
    day = planned_at(item).date()
    own = {o["id"]: o for o in (load_optional("occasions.yaml").get("own") or [])}
    hijri = occasion in HIJRI_BUILT_IN or "AH" in str(own.get(occasion, {}).get("yearly", ""))
    if occasion in own and own[occasion].get("date"):
        year = to_date(own[occasion]["date"]).year
    elif hijri:
        year = hijri_module().Gregorian(day.year, day.month, day.day).to_hijri().year
    else:
        year = day.year
    return f"{occasion}-{year}"


def load_optional(name):
    path = os.path.join(plan_dir, name)
    return load(name) if os.path.exists(path) else {}


def occasions_of(ym, scope):
    """Posts joined to items serving each occasion, and their figures."""
    out = {}
    for item, post in JOINS.get((ym, tuple(scope)), []):
        key = occasion_key(item)
        if key is None:
            continue
        row = out.setdefault(key, {"posts": 0, "impressions": None, "engagements": None})
        row["posts"] += 1
        imp, eng = post[6]
        if imp is not None:
            row["impressions"] = (row["impressions"] or 0) + imp
        if eng is not None:
            row["engagements"] = (row["engagements"] or 0) + eng
    return out


# ---- followers ---------------------------------------------------------------

RECORDED = {}
followers_file = os.path.join(exports, "followers.yaml")
if os.path.exists(followers_file):
    for t in yaml.safe_load(open(followers_file, encoding="utf-8"))["totals"]:
        RECORDED[(t["platform"], t["month"])] = t["followers"]


def tiktok_history(ym):
    """TikTok's follower history rows of a month: (total at its end, Σ daily difference)."""
    name = datetime.strptime(ym, "%Y-%m").strftime("%B")
    rows = [r for path in FILES for r in csv_rows(path)
            if "Followers" in r and "Date" in r and r["Date"].split()[0] == name
            and f"{os.sep}{ym}{os.sep}" in path]
    if not rows:
        return None
    return number(rows[-1]["Followers"]), sum(number(r["Difference in followers from previous day"]) or 0 for r in rows)


def follower_total(platform, ym):
    if kinds[platform] == "tiktok" and tiktok_history(ym):
        return tiktok_history(ym)[0]
    return RECORDED.get((platform, ym))


def x_overview_net(ym):
    net, any_day = 0, False
    for path in FILES:
        for r in csv_rows(path):
            if "Unfollows" not in r:
                break
            if datetime.strptime(r["Date"], "%a, %b %d, %Y").strftime("%Y-%m") == ym:
                net += (number(r["New follows"]) or 0) - (number(r["Unfollows"]) or 0)
                any_day = True
    return net if any_day else None


def follower_net(platform, ym):
    if kinds[platform] == "x" and x_overview_net(ym) is not None:
        return x_overview_net(ym)
    if kinds[platform] == "tiktok" and tiktok_history(ym):
        return tiktok_history(ym)[1]
    end, before = follower_total(platform, ym), follower_total(platform, previous_month(ym))
    return None if end is None or before is None else end - before


def followers_total(ym, scope):
    totals = [follower_total(p, ym) for p in scope]
    return None if None in totals else sum(totals)


# ---- inquiries -------------------------------------------------------------

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
working_days = {DAYS.index(d) for d in plan["working_days"]}
start_h, end_h = (datetime.strptime(plan["working_hours"][k], "%H:%M").time() for k in ("start", "end"))
promise = policies["response_time"]["promise"]
promise_minutes = int(promise[:-1]) * (60 if promise.endswith("h") else 1)
working_clock = policies["response_time"].get("clock", "working-hours") == "working-hours"


def minutes_between(a, b):
    if not working_clock:
        return int((b - a).total_seconds() // 60)
    count, t = 0, a
    while t < b:
        if t.weekday() in working_days and start_h <= t.time() < end_h:
            count += 1
        t += timedelta(minutes=1)
    return count


def inquiries(ym, scope):
    received, minutes = 0, []
    for path in FILES:
        for r in csv_rows(path):
            if "received_at" not in r:
                break
            at = datetime.fromisoformat(r["received_at"])
            if at.strftime("%Y-%m") != ym or r["platform"] not in scope:
                continue
            received += 1
            if r["first_reply_at"].strip():
                minutes.append(minutes_between(at, datetime.fromisoformat(r["first_reply_at"])))
    return received, sorted(minutes)


def median(values):
    n = len(values)
    if n == 0:
        return None
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def p90(values):
    return values[math.ceil(0.9 * len(values)) - 1] if values else None


# ---- post rates over reach (influence strength's parts) --------------------

def reach_rates(ym, scope):
    """engagements, reposts and replies per reach over the posts carrying both."""
    first, last = month_bounds(ym)
    sums = {"engagements": [0, 0], "reposts": [0, 0], "replies": [0, 0]}
    seen = set()
    for path in FILES:
        for r in csv_rows(path):
            if "Account username" in r and "instagram" in scope:
                platform, parts = "instagram", {
                    "engagements": ["Likes", "Comments", "Shares", "Saves"],
                    "reposts": ["Shares"], "replies": ["Comments"]}
            elif "Page name" in r and "facebook" in scope:
                platform, parts = "facebook", {
                    "engagements": ["Reactions, Comments and Shares"],
                    "reposts": ["Shares"], "replies": ["Comments"]}
            else:
                break
            day = datetime.strptime(r["Publish time"], "%m/%d/%Y %H:%M").date()
            if (platform, r["Post ID"]) in seen or not first <= day <= last:
                continue
            seen.add((platform, r["Post ID"]))
            reach = number(r["Reach"])
            for name, columns in parts.items():
                values = [number(r[c]) for c in columns]
                if reach is not None and None not in values:
                    sums[name][0] += sum(values)
                    sums[name][1] += reach
    return {k: (n / d if d else None) for k, (n, d) in sums.items()}


# ---- the month's figures and KPIs -----------------------------------------

def kpi_value(metric, ym, scope, kpi, previous=False):
    if metric == "followers_total":
        return followers_total(ym, scope)
    if metric == "first_reply_median_minutes":
        return median(inquiries(ym, scope)[1])
    if metric == "materials_published" and previous:
        # docs/metrics.md: for the previous period the status alone counts.
        items = calendar_items(ym)
        return None if items is None else sum(
            1 for i in items if i.get("status") == "published" and set(i["platforms"]) & set(scope))
    if metric == "materials_published":
        m = materials(ym, scope)
        return None if m is None else m[0]
    if metric == "influence_strength":
        rates = reach_rates(ym, scope)
        value = 0
        for part in kpi["parts"]:
            v = {
                "engagement_rate_reach": rates["engagements"],
                "amplification_per_1000_reach": rates["reposts"] and rates["reposts"] * 1000,
                "conversation_per_1000_reach": rates["replies"] and rates["replies"] * 1000,
            }[part["metric"]]
            if v is None:
                return None
            value += part["weight"] * min(100, v / part["target"] * 100)
        return value
    raise SystemExit(f"the oracle does not compute {metric}")


first, last = month_bounds(month)
published, planned, on_time, timed = materials(month, platforms)
received, minutes = inquiries(month, platforms)
within = sum(1 for m in minutes if m <= promise_minutes)
nets = [follower_net(p, month) for p in platforms]
totals = {
    "followers_total": followers_total(month, platforms),
    "followers_net": sum(n for n in nets if n is not None),
    "materials_published": published,
    "materials_published_vs_planned": [published, planned],
    "on_time_rate": [on_time, timed],
    "first_reply_median_minutes": median(minutes),
    "first_reply_p90_minutes": p90(minutes),
    "replies_within_promise_share": [within, received],
}
kpis = {}
for goal in load("goals.yaml")["goals"]:
    for kpi in goal["kpis"]:
        scope = kpi.get("platforms", platforms)
        value = kpi_value(kpi["metric"], month, scope, kpi)
        previous = kpi_value(kpi["metric"], previous_month(month), scope, kpi, previous=True)
        b, t = kpi["baseline"]["value"], kpi["target"]["value"]
        a, d = to_date(kpi["baseline"]["at"]), to_date(kpi["target"]["by"])
        expected = min(1.0, max(0.0, (last - a).days / (d - a).days))
        progress = None if value is None else (value - b) / (t - b)
        standing = ("missing_data" if progress is None
                    else "on_track" if progress >= expected - 0.05 else "behind")
        kpis[kpi["id"]] = {
            "value": value,
            "previous": previous,
            "change": None if value is None or previous is None else value - previous,
            "progress": progress,
            "expected": expected,
            "standing": standing,
        }
occasions = occasions_of(month, platforms)
json.dump({"totals": totals, "kpis": kpis, "occasions": occasions}, sys.stdout, indent=1,
          ensure_ascii=False)
