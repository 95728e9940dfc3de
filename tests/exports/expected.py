"""Independent totals of the sample exports, with Python's csv module only.

Run `python3 tests/exports/expected.py` to print the figures that
`tests/exports.rs` asserts; nothing here shares code with the importer.
"""
import csv, io, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
MISSING = {"", "-", "--", "undefined", "nan", "n/a"}

def rows(name):
    raw = open(os.path.join(HERE, name), "rb").read()
    if raw.startswith(b"\xff\xfe"):
        text = raw[2:].decode("utf-16-le")
        lines = text.split("\n")
        assert lines[0].strip() == "sep=,"
        text = "\n".join(lines[2:])  # drop `sep=,` and the title line
    else:
        text = raw.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))

def total(records, column):
    out = 0
    for r in records:
        v = (r.get(column) or "").strip()
        if v.lower() in MISSING:
            continue
        out += int(float(v.replace(",", "")))
    return out

def lower_keys(records):
    return [{k.strip().lower(): v for k, v in r.items()} for r in records]

e = {}
r = lower_keys(rows("x-tweet-activity.ropensci-org.csv"))
e["x-tweet-activity"] = {"rows": len(r), "impressions": total(r, "impressions"), "engagements": total(r, "engagements"), "likes": total(r, "likes")}
r = lower_keys(rows("x-daily-tweet-activity.debruine.csv"))
e["x-daily-activity"] = {"rows": len(r), "impressions": total(r, "impressions"), "engagements": total(r, "engagements"), "posts": total(r, "tweets published")}
r = lower_keys(rows("x-account-overview.FG-SC.csv"))
e["x-account-overview"] = {"rows": len(r), "impressions": total(r, "impressions"), "engagements": total(r, "engagements"), "net_follows": total(r, "new follows") - total(r, "unfollows")}
for name, key in [("x-account-content-2025.FG-SC.csv", "x-account-content-2025"), ("x-account-content-2026.mauro-pellegrino.csv", "x-account-content-2026")]:
    r = lower_keys(rows(name))
    e[key] = {"rows": len(r), "impressions": total(r, "impressions"), "engagements": total(r, "engagements")}
r = lower_keys(rows("fb-posts.LeonMpofu.csv"))
e["meta-facebook-posts"] = {"rows": len(r), "impressions": total(r, "views"), "reach": total(r, "reach"), "engagements": total(r, "reactions, comments and shares")}
r = lower_keys(rows("ig-posts.LeonMpofu.csv"))
e["meta-instagram-posts"] = {"rows": len(r), "impressions": total(r, "views"), "reach": total(r, "reach"),
                             "engagements": sum(total(r, c) for c in ["likes", "comments", "shares", "saves"])}
r = lower_keys(rows("fb-page-daily-reach.LeonMpofu.csv"))
e["meta-daily"] = {"rows": len(r), "reach": total(r, "primary")}
r = lower_keys(rows("fb-insights-legacy-post.scctsi.csv"))[1:]  # second row describes the columns
e["facebook-insights-legacy-posts"] = {"rows": len(r), "impressions": total(r, "lifetime post total impressions"), "reach": total(r, "lifetime post total reach")}
r = lower_keys(rows("youtube-table-data.priyankapatel05.csv"))
videos = [x for x in r if x["content"].strip().lower() != "total"]
dated = [x for x in videos if x["video publish time"].strip()]
e["youtube-table-data"] = {"rows": len(videos), "dated": len(dated), "video_views": total(dated, "views"), "net_follows": total(dated, "subscribers")}
r = lower_keys(rows("tiktok-follower-history.htupycollabs-spec.csv"))
e["tiktok-follower-history"] = {"rows": len(r), "net_follows": total(r, "difference in followers from previous day"), "last_followers": int(r[-1]["followers"])}
r = lower_keys(rows("tiktok-studio-content.htupycollabs-spec.csv"))
e["tiktok-studio-content"] = {"rows": len(r), "video_views": total(r, "total views"), "likes": total(r, "total likes"), "engagements": total(r, "total likes") + total(r, "total comments") + total(r, "total shares")}
r = lower_keys(rows("tiktok-overview-business.vsbperoto.csv"))
e["tiktok-business-overview"] = {"rows": len(r), "video_views": total(r, "video views"), "reach": total(r, "reached audience"), "net_follows": total(r, "net growth")}
print(json.dumps(e, indent=1, sort_keys=True))
