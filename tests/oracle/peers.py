"""Independent oracle for the report's peers section: each peer's figures
on each platform for one month, from the exports folder's peers.yaml (read
by hand, counted first) and the monitoring CSV files strategy.yaml maps;
then, with the charity's own row as the report gives it, each row's share
of the platform's posts and interactions and its rank by followers.

    python3 tests/oracle/peers.py plans examples/exports 2026-11 report.json
"""
import csv
import datetime as dt
import fnmatch
import json
import sys
from pathlib import Path

import yaml


def month_of(cell):
    cell = cell.strip()
    if len(cell) == 7:
        return cell
    return dt.date.fromisoformat(cell[:10]).strftime("%Y-%m")


def handle(text):
    return text.strip().rstrip("/").split("/")[-1].lstrip("@").lower()


def previous(month):
    first = dt.date.fromisoformat(month + "-01")
    return (first - dt.timedelta(days=1)).strftime("%Y-%m")


def main(plans, exports, month, report_path):
    strategy = yaml.safe_load(open(Path(plans) / "strategy.yaml", encoding="utf-8"))
    peers = {p["id"]: p for p in strategy.get("peers", [])}
    figures = {}  # (peer, kind, month) -> dict
    hand = Path(exports) / "peers.yaml"
    if hand.exists():
        for row in yaml.safe_load(open(hand, encoding="utf-8"))["figures"]:
            key = (row["peer"], row["platform"], str(row["month"]))
            if row["peer"] in peers and row["platform"] in peers[row["peer"]].get("accounts", {}):
                figures.setdefault(key, {k: row.get(k) for k in ("followers", "posts", "interactions")})
    m = strategy.get("monitoring")
    if m:
        names = {"twitter": "x"}
        names.update({k.lower(): v for k, v in m.get("platform_values", {}).items()})
        for path in sorted(Path(exports).rglob("*")):
            rel = path.relative_to(exports).as_posix()
            if not path.is_file() or not fnmatch.fnmatch(rel.lower(), m["files"].lower()):
                continue
            with open(path, encoding="utf-8-sig", newline="") as f:
                for row in csv.DictReader(f):
                    if None in row.values():
                        continue  # a row cut short: not used
                    kind = row[m["platform"]].strip().lower()
                    kind = names.get(kind, kind)
                    owner = [
                        pid for pid, p in peers.items()
                        if handle(p.get("accounts", {}).get(kind, "\0")) == handle(row[m["account"]])
                    ]
                    if len(owner) != 1:
                        continue
                    try:
                        values = {
                            name: int(row[m[name]].replace(",", "")) if row[m[name]].strip() else None
                            for name in ("followers", "posts", "interactions") if m.get(name)
                        }
                    except ValueError:
                        continue  # a cell that is no count: the row is not used
                    figures.setdefault((owner[0], kind, month_of(row[m["month"]])), values)
    report = json.load(open(report_path, encoding="utf-8"))["peers"]
    out = {}
    for platform in report["platforms"]:
        kind = platform["platform"]
        rows = []
        for r in platform["rows"]:
            if r["peer"] is None:
                rows.append(dict(r))
                continue
            now = figures.get((r["peer"], kind, month))
            before = figures.get((r["peer"], kind, previous(month)))
            get = lambda f, k: f.get(k) if f else None
            end, start = get(now, "followers"), get(before, "followers")
            posts, inter = get(now, "posts"), get(now, "interactions")
            rows.append({
                "peer": r["peer"],
                "followers": end,
                "growth": end - start if end is not None and start is not None else None,
                "posts": posts,
                "interactions": inter,
                "interactions_per_post": inter / posts if inter is not None and posts else None,
                "missing": [] if now else [month],
            })
        for name, voice in (("posts", "voice_posts"), ("interactions", "voice_interactions")):
            values = [r[name] for r in rows]
            whole = sum(values) if None not in values else None
            for r in rows:
                r[voice] = r[name] / whole if whole else None
        for r in rows:
            known = [o["followers"] for o in rows if o["followers"] is not None]
            r["rank_followers"] = (
                1 + sum(1 for v in known if v > r["followers"]) if r["followers"] is not None else None
            )
        out[kind] = rows
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:5])
