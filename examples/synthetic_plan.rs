//! Writes a synthetic plan for benchmarks: the charity's own plan files with
//! a five-year period (from 2025-11, so the first month's preparation fits
//! in it) and a calendar of N items over 60 monthly files, 2026-01 to 2030-12.
//!
//! cargo run --release --example `synthetic_plan` -- `OUT_DIR` [ITEMS]   (default 30000)

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const PLATFORMS: [(&str, u32); 7] = [
    ("x", 30),
    ("instagram", 20),
    ("snapchat", 15),
    ("youtube", 10),
    ("tiktok", 10),
    ("whatsapp", 10),
    ("facebook", 5),
];
const GOALS: [(&str, &str); 2] = [
    ("reach-audiences", "followers"),
    ("strengthen-image", "influence-strength"),
];
const AUDIENCES: [&str; 6] = [
    "donors",
    "families",
    "students",
    "volunteers",
    "partners",
    "public",
];
const OWNERS: [&str; 2] = ["sara", "huda"];
const FORMATS: [&str; 5] = ["image", "video", "reel", "carousel", "infographic"];
/// Who approves each month's calendar (a person of `plans/team.yaml`).
const APPROVER: &str = "khalid";
const STATUSES: [&str; 5] = ["idea", "drafted", "approved", "scheduled", "published"];

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().expect("usage: synthetic_plan OUT_DIR [ITEMS]"));
    let items: usize = args
        .next()
        .map_or(30_000, |n| n.parse().expect("ITEMS is a number"));
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    fs::create_dir_all(out.join("calendar")).unwrap();
    for name in [
        "audience.yaml",
        "platforms.yaml",
        "process.yaml",
        "policies.yaml",
    ] {
        fs::copy(plans.join(name), out.join(name)).unwrap();
    }
    let settings = fs::read_to_string(plans.join("plan.yaml"))
        .unwrap()
        .replace("start: 1448-01-01 AH", "start: 2025-11-01")
        .replace("end: 1448-12-30 AH", "end: 2030-12-31");
    fs::write(out.join("plan.yaml"), settings).unwrap();
    let goals = fs::read_to_string(plans.join("goals.yaml"))
        .unwrap()
        .replace("at: 1448-01-01 AH", "at: 2025-11-01")
        .replace("by: 1448-12-30 AH", "by: 2030-12-31");
    fs::write(out.join("goals.yaml"), goals).unwrap();
    // No capacities: a heavy calendar's load is still added up for every
    // person and week, but overloads no one (a finding would mean the
    // benchmark measures rendering).
    let team = fs::read_to_string(plans.join("team.yaml"))
        .unwrap()
        .replace("hours_per_week:", "# hours_per_week:");
    fs::write(out.join("team.yaml"), team).unwrap();

    let per_month = items / 60;
    let mut n = 0;
    for month_index in 0..60 {
        let (year, month) = (2026 + month_index / 12, month_index % 12 + 1);
        // Approved on record on the first of the month, as the charity's are.
        let mut text = format!(
            "month: {year}-{month:02}\nstatus: approved\napproved: {{by: {APPROVER}, on: {year}-{month:02}-01}}\nitems:\n"
        );
        let count = if month_index == 59 {
            items - per_month * 59
        } else {
            per_month
        };
        for i in 0..count {
            n += 1;
            let day = 1 + i % 28;
            let (hour, minute) = (8 + i % 12, (i * 7) % 60);
            let platform = pick_platform(i);
            let second = PLATFORMS[(i / 3 + 1) % PLATFORMS.len()].0;
            let platforms = if i % 2 == 0 || second == platform {
                platform.to_string()
            } else {
                format!("{platform}, {second}")
            };
            let (goal, kpi) = GOALS[i % 2];
            let status = STATUSES[i % STATUSES.len()];
            let _ = write!(
                text,
                "  - id: item-{n}\n    title: {{ar: \"مادة رقم {n} عن حلقات تحفيظ القرآن الكريم\", en: \"Item {n}: the Quran memorisation circles\"}}\n    publish: {year}-{month:02}-{day:02}T{hour:02}:{minute:02}\n    platforms: [{platforms}]\n    goal: {goal}\n    kpi: {kpi}\n    audience: {}\n    format: {}\n    owner: {}\n    status: {status}\n    text:\n",
                AUDIENCES[i % AUDIENCES.len()],
                FORMATS[i % FORMATS.len()],
                OWNERS[i % OWNERS.len()],
            );
            for p in platforms.split(", ") {
                let _ = writeln!(
                    text,
                    "      {p}: \"تخريج {n} حافظاً وحافظة لكتاب الله في حفل جمعية خيركم السنوي بجدة، بارك الله في جهود المعلمين والمتطوعين. https://khairukum.org.sa/news/{n} #خيركم #جدة\""
                );
            }
            if status == "published" {
                let _ = writeln!(text, "    published:");
                for p in platforms.split(", ") {
                    let _ = writeln!(text, "      {p}: {}", post_link(p, n));
                }
            }
        }
        fs::write(out.join(format!("calendar/{year}-{month:02}.yaml")), text).unwrap();
    }
    eprintln!("wrote {n} items in 60 monthly files to {}", out.display());
}

/// A published post's link as the platform shows it (none for a Snapchat
/// story or a WhatsApp broadcast).
fn post_link(platform: &str, n: usize) -> String {
    let id = 1_850_000_000_000_000_000_u64 + n as u64 * 7_919;
    match platform {
        "x" => format!("https://x.com/khairukum/status/{id}"),
        "instagram" => format!("https://www.instagram.com/p/C{n:09}/"),
        "youtube" => format!("https://www.youtube.com/watch?v=kh{n:09}"),
        "tiktok" => format!("https://www.tiktok.com/@khairukum/video/{id}"),
        "facebook" => format!("https://www.facebook.com/khairukum/posts/{id}"),
        _ => "no-public-link".to_string(),
    }
}

/// Spreads items over platforms in proportion to their focus shares.
fn pick_platform(i: usize) -> &'static str {
    let slot = u32::try_from(i * 37 % 100).expect("below 100");
    let mut acc = 0;
    for (id, share) in PLATFORMS {
        acc += share;
        if slot < acc {
            return id;
        }
    }
    PLATFORMS[0].0
}
