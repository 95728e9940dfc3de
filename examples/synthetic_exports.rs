//! Writes large X classic per-tweet exports for benchmarks: FILES files of
//! ROWS rows each, tweets spread over YEARS years from 2026 (default 5), in
//! the real 40-column format, as hard to read as X writes them: every field
//! quoted, Arabic texts of 60 to 280 letters with commas (`,` and `،`),
//! doubled quotes, links, emoji and line breaks. More YEARS with more rows
//! keeps each month as dense: the input grows the way an account's history
//! does.
//!
//! cargo run --release --example `synthetic_exports` -- `OUT_DIR` [FILES] [ROWS] [YEARS]   (default 30 × 100000, 5)

use std::fmt::Write as _;
use std::io::Write;

const HEADER: &str = r#""Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","hashtag clicks","detail expands","permalink clicks","app opens","app installs","follows","email tweet","dial phone","media views","media engagements","promoted impressions","promoted engagements","promoted engagement rate","promoted retweets","promoted replies","promoted likes","promoted user profile clicks","promoted url clicks","promoted hashtag clicks","promoted detail expands","promoted permalink clicks","promoted app opens","promoted app installs","promoted follows","promoted email tweet","promoted dial phone","promoted media views","promoted media engagements""#;

/// Tweets as the charity writes them, in a CSV cell (quotes doubled): from
/// a short line to a full 280 letters over several lines.
const TEXTS: [&str; 6] = [
    "حصاد أسبوع في حلقات خيركم: ٣٬٤٠٠ طالب وطالبة، و١٢٠ حلقة، و٤٥ معلماً\n\nشكراً لكل من دعم الحلقات ❤️ #خيركم",
    "تخريج حفاظ كتاب الله في حفل جمعية خيركم السنوي بجدة، بحضور أولياء الأمور والداعمين #خيركم #القرآن_الكريم",
    "\"\"خيركم من تعلم القرآن وعلمه\"\"\nسجّل ابنك الآن في حلقات الفصل الثاني، المقاعد محدودة:\nhttps://khairukum.org/register?utm_source=x&utm_medium=social\n\n#خيركم, #حلقات_جدة",
    "شكراً",
    "مسابقة خيركم السنوية لحفظ القرآن الكريم — المرحلة النهائية\n\nالمتأهلون: ٣٢ متسابقاً ومتسابقة من ١٤ حياً في جدة، والتصفيات يوم الخميس في مقر الجمعية، والدعوة عامة.\nشاركونا الدعاء لهم 🤲\n\n#خيركم #مسابقة_خيركم #جدة",
    "Khairukum, Jeddah: 3,400 students, 120 circles. \"\"Thank you\"\" to every supporter!\nhttps://khairukum.org",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(
        args.next()
            .expect("usage: synthetic_exports OUT_DIR [FILES] [ROWS] [YEARS]"),
    );
    let files: u64 = args
        .next()
        .map_or(30, |n| n.parse().expect("FILES is a number"));
    let rows: u64 = args
        .next()
        .map_or(100_000, |n| n.parse().expect("ROWS is a number"));
    let years: u64 = args
        .next()
        .map_or(5, |n| n.parse().expect("YEARS is a number"));
    std::fs::create_dir_all(&out).unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let span_minutes = years * 365 * 24 * 60;
    let mut bytes = 0u64;
    for f in 0..files {
        let path = out.join(format!("tweet_activity_metrics_khairukum_{f:03}_en.csv"));
        let mut w =
            std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path).unwrap());
        writeln!(w, "{HEADER}").unwrap();
        let mut line = String::with_capacity(512);
        for r in 0..rows {
            let n = f * rows + r;
            let id = 1_840_000_000_000_000_000u64 + n;
            let at = start + chrono::TimeDelta::minutes(((n * 7919) % span_minutes).cast_signed());
            let impressions = 1000 + (n * 37) % 9000;
            let likes = impressions / 60;
            let retweets = likes / 4;
            let replies = likes / 9;
            let engagements = likes + retweets + replies + impressions / 120;
            let text = TEXTS[usize::try_from(n).unwrap_or(0) % TEXTS.len()];
            line.clear();
            let _ = writeln!(
                line,
                "\"{id}\",\"https://twitter.com/khairukum/status/{id}\",\"{text}\",\"{} +0000\",\"{impressions}.0\",\"{engagements}.0\",\"{}\",\"{retweets}.0\",\"{replies}.0\",\"{likes}.0\",\"3.0\",\"2.0\",\"0.0\",\"5.0\",\"1.0\",\"0\",\"0\",\"1\",\"0\",\"0\",\"4\",\"2\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\"",
                at.format("%Y-%m-%d %H:%M"),
                engagements as f64 / impressions as f64,
            );
            bytes += line.len() as u64;
            w.write_all(line.as_bytes()).unwrap();
        }
        w.flush().unwrap();
    }
    eprintln!(
        "wrote {} rows, {:.2} GB, in {files} files to {}",
        files * rows,
        bytes as f64 / 1e9,
        out.display()
    );
}
