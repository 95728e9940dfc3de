"""The Islamic occasions of Hijri years, from the `hijridate` package
(Umm al-Qura), written apart from the tool: for each year given, every
occasion's key and its first and last Gregorian day, as JSON.

The occasions as the issue and docs/occasions.md define them: Ramadan (the
whole month), its last ten nights (21 Ramadan to the month's end), Eid
al-Fitr (1-3 Shawwal), the first ten days of Dhu al-Hijjah, the Day of
Arafah (9 Dhu al-Hijjah), Eid al-Adha (10-13 Dhu al-Hijjah), the Hijri new
year (1 Muharram) and Ashura (10 Muharram).

    python3 tests/oracle/occasions.py 1445 1450
"""
import json, os, sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vendored  # noqa: E402

hijridate = vendored.module("hijridate", "hijridate==2.6.0")
Hijri = hijridate.Hijri


def day(year, month, d):
    return Hijri(year, month, d).to_gregorian()


def month_end(year, month):
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return day(following[0], following[1], 1) - timedelta(days=1)


def span(first, days):
    return first, first + timedelta(days=days - 1)


first, last = int(sys.argv[1]), int(sys.argv[2])
out = {}
for y in range(first, last + 1):
    spans = {
        "hijri-new-year": span(day(y, 1, 1), 1),
        "ashura": span(day(y, 1, 10), 1),
        "ramadan": (day(y, 9, 1), month_end(y, 9)),
        "last-ten-nights": (day(y, 9, 21), month_end(y, 9)),
        "eid-al-fitr": span(day(y, 10, 1), 3),
        "first-ten-dhul-hijjah": span(day(y, 12, 1), 10),
        "day-of-arafah": span(day(y, 12, 9), 1),
        "eid-al-adha": span(day(y, 12, 10), 4),
    }
    for name, (start, end) in spans.items():
        out[f"{name}-{y}"] = [start.isoformat(), end.isoformat()]
json.dump(out, sys.stdout, indent=1, sort_keys=True)
