"""What `khairukum calendar export` should have written, from the plan's
YAML alone, compared with the files it wrote: every row read back with
Python's csv module (Hootsuite, Buffer, Sprout), json (Postiz) or the
`icalendar` package (installed on first use), and checked against the
calendar item and platform it stands for. Written apart from the tool;
`tests/integration/schedule.rs` runs it.

    python3 tests/oracle/schedule.py PLAN_DIR OUT_DIR SCHEDULER FROM TO TODAY TZ DATE_ORDER

Prints a JSON object: the posts expected and found per file, and any
difference (an empty list when the files are right).
"""
import csv, glob, json, os, subprocess, sys
from datetime import date, datetime, timedelta
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vendored  # noqa: E402


# What each scheduler's file takes (docs/schedulers.md).
TAKES = {
    "hootsuite": {"x", "facebook", "instagram", "linkedin"},
    "buffer": {"x", "facebook", "instagram", "linkedin", "tiktok", "youtube"},
    "sprout": {"x", "facebook", "instagram", "linkedin"},
    "postiz": {"x", "facebook", "linkedin"},
    "ics": {"x", "facebook", "instagram", "youtube", "tiktok", "snapchat", "linkedin", "whatsapp"},
}
LIMITS = {"x": 280, "facebook": 63206, "instagram": 2200, "youtube": 5000,
          "tiktok": 4000, "snapchat": 250, "linkedin": 3000, "whatsapp": 65536}
ORDER = ["idea", "drafted", "approved", "scheduled", "published"]


def icalendar_module():
    return vendored.module("icalendar", "icalendar==7.3.2")


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def expected(plan_dir, scheduler, first, last, today, account):
    plan = load(os.path.join(plan_dir, "plan.yaml"))
    zone = ZoneInfo(plan.get("time_zone", "Asia/Riyadh"))
    kinds = {p["id"]: p["kind"] for p in load(os.path.join(plan_dir, "platforms.yaml"))["platforms"]}
    policies = load(os.path.join(plan_dir, "policies.yaml"))
    before = (policies.get("approval") or {}).get("before")
    approval = before is not None and ORDER.index(before) <= ORDER.index("scheduled")
    now = datetime.combine(today, datetime.min.time(), zone)
    schedules = scheduler != "ics"
    step = 5 if scheduler == "hootsuite" else 1
    lead = 10 if scheduler == "sprout" else 0
    posts = []
    for path in sorted(glob.glob(os.path.join(plan_dir, "calendar", "*.yaml"))):
        month = load(path)
        month_approved = "approved" in month or ORDER.index(month.get("status", "idea")) >= 2
        for item in month.get("items") or []:
            at = item["publish"]
            at = at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
            if not first <= at.date() <= last:
                continue
            status = item.get("status", "idea")
            if status == "cancelled" or (schedules and status == "published"):
                continue
            for platform in item["platforms"]:
                kind = kinds[platform]
                text = (item.get("text") or {}).get(platform, "")
                moment = at.replace(tzinfo=zone)
                local = moment.astimezone(account)
                if local.minute % step:
                    moment += timedelta(minutes=step - local.minute % step)
                if schedules:
                    if kind not in TAKES[scheduler] or not text.strip():
                        continue
                    if approval and (ORDER.index(status) < 2 or not month_approved):
                        continue
                    # The shipped texts are Arabic and ASCII without links:
                    # X weighs each of their characters 1.
                    if len(text) > LIMITS[kind] or moment <= now + timedelta(minutes=lead):
                        continue
                elif kind not in TAKES[scheduler]:
                    continue
                posts.append({"item": item["id"], "platform": platform, "text": text,
                              "at": moment})
    return posts


def found_csv(out_dir, scheduler, label, account, day_first):
    posts = []
    for path in sorted(glob.glob(os.path.join(out_dir, f"{scheduler}-{label}-*.csv"))):
        platform = os.path.basename(path)[len(f"{scheduler}-{label}-"):-4]
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        if scheduler == "hootsuite":
            pairs = [(r[0], r[1]) for r in rows]
            fmt = "%d/%m/%Y %H:%M" if day_first else "%m/%d/%Y %H:%M"
        elif scheduler == "buffer":
            assert rows[0] == ["Text", "Image URL", "Tags", "Posting Time"], rows[0]
            pairs = [(r[3], r[0]) for r in rows[1:]]
            fmt = "%Y-%m-%d %H:%M"
        else:
            assert rows[0] == ["date", "time_24hr", "message_text"], rows[0]
            pairs = [(f"{r[0]} {r[1]}", r[2]) for r in rows[1:]]
            fmt = "%d/%m/%Y %H:%M" if day_first else "%m/%d/%Y %H:%M"
        for when, text in pairs:
            at = datetime.strptime(when, fmt).replace(tzinfo=account)
            posts.append({"platform": platform, "text": text, "at": at})
    return posts


def found_postiz(out_dir, label, integrations):
    posts = []
    path = os.path.join(out_dir, f"postiz-{label}.json")
    if not os.path.exists(path):
        return posts
    with open(path, encoding="utf-8") as f:
        bodies = json.load(f)
    for body in bodies:
        assert body["type"] == "schedule" and body["shortLink"] is False
        at = datetime.fromisoformat(body["date"].replace("Z", "+00:00"))
        for post in body["posts"]:
            platform = integrations[post["integration"]["id"]]
            assert post["settings"]["__type"] in ("x", "facebook", "linkedin")
            posts.append({"platform": platform, "text": post["value"][0]["content"], "at": at})
    return posts


def uid_domain(plan_dir):
    """The organisation's own domain: its website's host, else None (a
    name under `.invalid` made from its name)."""
    website = (load(os.path.join(plan_dir, "plan.yaml")).get("organisation") or {}).get("website")
    host = urlparse(website).hostname if website else None
    return host.removeprefix("www.") if host else None


def found_ics(plan_dir, out_dir, label):
    icalendar = icalendar_module()
    with open(os.path.join(out_dir, f"schedule-{label}.ics"), "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    domain = uid_domain(plan_dir)
    posts = []
    for event in calendar.walk("VEVENT"):
        uid, _, at = str(event["UID"]).rpartition("@")
        if (domain and at != domain) or (not domain and not at.endswith(".invalid")):
            raise SystemExit(f"UID {event['UID']} is not under the organisation's domain {domain}")
        alarms = event.walk("VALARM")
        if len(alarms) != 1 or alarms[0].decoded("TRIGGER") != timedelta(minutes=-30):
            raise SystemExit(f"{uid}: no reminder half an hour before")
        item, platform = uid.split("/")
        posts.append({"item": item, "platform": platform,
                      "text": str(event.get("DESCRIPTION", "")),
                      "at": event.decoded("DTSTART")})
    return posts


def key(post):
    return (post["platform"], post["at"].timestamp(), post["text"])


def main():
    plan_dir, out_dir, scheduler, first, last, today, tz, order = sys.argv[1:9]
    integrations = dict(pair.split("=")[::-1] for pair in sys.argv[9:])
    first, last, today = date.fromisoformat(first), date.fromisoformat(last), date.fromisoformat(today)
    account = ZoneInfo(tz)
    label = f"{first:%Y-%m}"
    want = expected(plan_dir, scheduler, first, last, today, account)
    if scheduler == "postiz":
        want = [p for p in want if p["platform"] in integrations.values()]
        got = found_postiz(out_dir, label, integrations)
    elif scheduler == "ics":
        got = found_ics(plan_dir, out_dir, label)
    else:
        got = found_csv(out_dir, scheduler, label, account, order == "day-first")
    missing = sorted(str(key(p)) for p in want if key(p) not in {key(g) for g in got})
    extra = sorted(str(key(p)) for p in got if key(p) not in {key(w) for w in want})
    print(json.dumps({"expected": len(want), "found": len(got),
                      "missing": missing, "extra": extra}, ensure_ascii=False))


main()
