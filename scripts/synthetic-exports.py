#!/usr/bin/env python3
"""Writes the synthetic exports of June to September 2026 into
examples/exports/, in the platforms' real formats (the headers, date forms,
byte-order marks and quirks of the October and November files, which are
left as they are), so that `khairukum insights` and the year's trend have
six months to read.

The posts follow a stated model, so that the evidence has something true
to find and something to leave unsure: on Instagram reels earn more
engagement per view than carousels, and carousels than images; posts in
the evening (17:00-21:00) earn a little more than those in the morning; on
X a hashtag adds a little and a link takes a little away; Facebook videos
do better than photos; everything carries log-normal noise. One Instagram
reel in August is a one-off, ten times the usual views.

The seed is fixed: the same files every run.

    python3 scripts/synthetic-exports.py          # into examples/exports
    python3 scripts/synthetic-exports.py DIR      # elsewhere
"""
import csv, io, math, os, random, sys
from datetime import date, datetime, timedelta

SHIPPED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "exports")
# Where the months are written: the shipped folder, or the folder given
# (a test writes them apart and compares them with the shipped ones).
ROOT = sys.argv[1] if len(sys.argv) > 1 else SHIPPED
MONTHS = [(2026, 6), (2026, 7), (2026, 8), (2026, 9)]
rng = random.Random(1448)

TOPICS = [
    "حصاد الأسبوع في حلقات خيركم: أرقام الحفظ والمراجعة",
    "قصة نجاح من حلقاتنا: حافظ جديد لكتاب الله",
    "برنامج الإجازة الصيفية للحفظ المكثف للبنين والبنات",
    "شكراً لمعلمي الحلقات على عطائهم",
    "اكفل حلقة: أثر زكاتك وصدقتك في عام",
    "نصائح للأسر لتثبيت حفظ أبنائهم في الإجازة",
    "دورة تأهيل المعلمين والمعلمات",
    "لقاء مع الحفاظ المتميزين في الحلقات",
    "التسجيل مفتوح في حلقات الفصل الجديد",
    "أثر تبرعاتكم بالأرقام هذا الشهر",
]
LONG = " نسأل الله أن يبارك في الجهود وأن يجعل القرآن ربيع قلوبنا، وأن يجزي الداعمين والمتطوعين خير الجزاء على ما قدموا."


def days_of(year, month):
    first = date(year, month, 1)
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return [first + timedelta(days=d) for d in range((nxt - first).days)]


def noise(sigma=0.25):
    return math.exp(rng.gauss(0, sigma))


def post_days(year, month, n):
    return sorted(rng.sample(days_of(year, month), n))


def evening(hour):
    return 17 <= hour < 21


def x_text():
    text = rng.choice(TOPICS)
    if rng.random() < 0.4:
        text += LONG
    link = rng.random() < 0.3
    tags = rng.random() < 0.6
    if link:
        text += " https://khairukum.org.sa/give"
    if tags:
        text += " #خيركم" + (" #القرآن_الكريم" if rng.random() < 0.5 else "")
    return text, link, tags


def write(path, text, bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(("\ufeff" if bom else "") + text)


def csv_text(header, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def x_month(year, month, next_id):
    header = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements",
              "Bookmarks", "Shares", "New follows", "Replies", "Reposts", "Profile visits",
              "Detail Expands", "URL Clicks", "Hashtag Clicks", "Permalink Clicks"]
    rows = []
    for day in post_days(year, month, 18):
        text, link, tags = x_text()
        impressions = int(9000 * noise(0.35))
        rate = 0.035 + (0.004 if tags else 0) - (0.005 if link else 0)
        engagements = max(1, int(impressions * rate * noise(0.2)))
        likes = int(engagements * 0.55)
        replies = int(engagements * 0.06)
        reposts = int(engagements * 0.14)
        rows.append([next_id, day.strftime("%a, %b %-d, %Y"), text, f"https://x.com/khairukum/status/{next_id}",
                     impressions, likes, engagements, int(engagements * 0.05), int(engagements * 0.04),
                     rng.randint(0, 6), replies, reposts, int(engagements * 0.3), int(engagements * 0.5),
                     int(engagements * 0.12) if link else 0, int(engagements * 0.01) if tags else 0,
                     int(engagements * 0.1)])
        next_id += 10_000_000_019
    last = days_of(year, month)[-1]
    name = f"account_analytics_content_{year}-{month:02}-01_{last.isoformat()}.csv"
    write(os.path.join(ROOT, f"{year}-{month:02}", "x", name), csv_text(header, rows))
    return next_id


def x_overview(year, month):
    header = ["Date", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "New follows",
              "Unfollows", "Replies", "Reposts", "Profile visits", "Create Post", "Video views", "Media views"]
    rows = []
    for day in reversed(days_of(year, month)):
        imp = int(4300 * noise(0.15))
        eng = int(imp * 0.022 * noise(0.1))
        rows.append([day.strftime("%a, %b %-d, %Y"), imp, int(eng * 0.63), eng, int(eng * 0.05),
                     int(eng * 0.06), int(38 * noise(0.3)), int(7 * noise(0.3)), int(eng * 0.07),
                     int(eng * 0.09), int(imp * 0.012), rng.randint(0, 3), int(imp * 0.034), int(imp * 0.05)])
    write(os.path.join(ROOT, f"{year}-{month:02}", "x", "account_overview_analytics.csv"), csv_text(header, rows))


INSTAGRAM_RATE = {"IG reel": 0.060, "IG carousel": 0.045, "IG image": 0.034}
HOURS = [9, 11, 13, 15, 18, 19, 20, 21, 22]


def instagram_month(year, month, next_id):
    header = ["Post ID", "Account ID", "Account username", "Account name", "Description", "Duration (sec)",
              "Publish time", "Permalink", "Post type", "Data comment", "Date", "Views", "Reach", "Likes",
              "Shares", "Comments", "Saves", "Follows"]
    rows = []
    for n, day in enumerate(post_days(year, month, 13)):
        kind = rng.choice(["IG reel", "IG carousel", "IG image", "IG image"])
        hour, minute = rng.choice(HOURS), rng.randint(0, 59)
        views = int(6000 * noise(0.3) * (1.3 if kind == "IG reel" else 1))
        if (year, month) == (2026, 8) and n == 6:
            kind, views = "IG reel", views * 10  # the one-off
        rate = INSTAGRAM_RATE[kind] + (0.008 if evening(hour) else 0)
        engaged = max(1, int(views * rate * noise(0.2)))
        likes, shares = int(engaged * 0.7), int(engaged * 0.1)
        comments = int(engaged * 0.08)
        saves = engaged - likes - shares - comments
        at = datetime(year, month, day.day, hour, minute)
        rows.append([next_id, "17841400000000000", "khairukum", "جمعية خيركم", rng.choice(TOPICS),
                     30 if kind == "IG reel" else 0, at.strftime("%m/%d/%Y %H:%M"),
                     f"https://www.instagram.com/p/S{next_id % 10**9:09d}/", kind, "", "Lifetime",
                     views, int(views * 0.7), likes, shares, comments, saves, rng.randint(0, 4)])
        next_id += 7_000_003
    return rows, next_id


FACEBOOK_RATE = {"Videos": 0.040, "Photos": 0.026, "Links": 0.018}


def facebook_month(year, month, next_id):
    rows = []
    for day in post_days(year, month, 9):
        kind = rng.choice(["Photos", "Photos", "Videos", "Links"])
        hour, minute = rng.choice(HOURS), rng.randint(0, 59)
        views = int(1700 * noise(0.3))
        engaged = max(1, int(views * (FACEBOOK_RATE[kind] + (0.004 if evening(hour) else 0)) * noise(0.2)))
        reactions, comments = int(engaged * 0.76), int(engaged * 0.14)
        shares = engaged - reactions - comments
        at = datetime(year, month, day.day, hour, minute)
        rows.append({
            "Post ID": next_id, "Page ID": "100066300057039", "Page name": "جمعية خيركم",
            "Description": rng.choice(TOPICS), "Duration (sec)": 45 if kind == "Videos" else 0,
            "Publish time": at.strftime("%m/%d/%Y %H:%M"), "Caption type": "N/A",
            "Permalink": f"https://www.facebook.com/khairukum/posts/{next_id}", "Is crosspost": 0,
            "Is share": 0, "Post type": kind, "Date": "Lifetime", "Views": views,
            "Reach": int(views * 0.6), "Reactions, Comments and Shares": engaged, "Reactions": reactions,
            "Comments": comments, "Shares": shares, "Total clicks": int(views * 0.02),
        })
        next_id += 3_000_017
    return rows, next_id


def meta_files(year, month, ig_rows, fb_rows):
    last = days_of(year, month)[-1]
    stem = f"{last.strftime('%b')}-01-{year}_{last.strftime('%b-%d-%Y')}"
    folder = os.path.join(ROOT, f"{year}-{month:02}", "meta")
    ig_header = ["Post ID", "Account ID", "Account username", "Account name", "Description", "Duration (sec)",
                 "Publish time", "Permalink", "Post type", "Data comment", "Date", "Views", "Reach", "Likes",
                 "Shares", "Comments", "Saves", "Follows"]
    write(os.path.join(folder, f"{stem}_1019826952924933.csv"), csv_text(ig_header, ig_rows), bom=True)
    with open(os.path.join(SHIPPED, "2026-11", "meta", "Nov-01-2026_Nov-25-2026_1396269028466733.csv"),
              encoding="utf-8-sig") as f:
        fb_header = next(csv.reader(f))
    rows = [[r.get(c, "") for c in fb_header] for r in fb_rows]
    write(os.path.join(folder, f"{stem}_1396269028466733.csv"), csv_text(fb_header, rows), bom=True)


def youtube_month(year, month):
    header = ["Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)",
              "Subscribers", "Impressions", "Impressions click-through rate (%)"]
    rows = []
    for day in post_days(year, month, 3):
        impressions = int(24000 * noise(0.3))
        views = int(impressions * 0.16 * noise(0.1))
        rows.append([f"{rng.getrandbits(40):010x}"[:11], rng.choice(TOPICS), day.strftime("%b %-d, %Y"),
                     rng.randint(90, 420), views, round(views * 0.04, 2), rng.randint(1, 12), impressions, 16.0])
    total = ["Total", "", "", "", sum(r[4] for r in rows), round(sum(r[5] for r in rows), 2),
             sum(r[6] for r in rows), sum(r[7] for r in rows), 16.0]
    write(os.path.join(ROOT, f"{year}-{month:02}", "youtube", "Table data.csv"), csv_text(header, [total] + rows))


def main():
    x_id, ig_id, fb_id = 1_880_000_000_000_000_011, 18_600_000_000_000_001, 140_000_000_000_003
    for year, month in MONTHS:
        x_id = x_month(year, month, x_id)
        x_overview(year, month)
        ig_rows, ig_id = instagram_month(year, month, ig_id)
        fb_rows, fb_id = facebook_month(year, month, fb_id)
        meta_files(year, month, ig_rows, fb_rows)
        youtube_month(year, month)
        print(f"wrote {os.path.join(ROOT, f'{year}-{month:02}')}/")


if __name__ == "__main__":
    main()
