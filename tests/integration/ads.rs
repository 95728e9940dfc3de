//! The ad exports of `tests/ads/` (real excerpts, see its README):
//! every file is recognised, and its campaign rows, total rows set aside,
//! spend and currency equal those an independent reading in Python gives
//! (`tests/oracle/ads.py`).

use crate::common::{copy_dir, root};
use crate::oracle::python;

#[test]
fn every_sample_ad_export_is_read_with_the_oracles_totals() {
    let dir = root().join("tests/ads");
    let expected = python("ads.py", std::slice::from_ref(&dir));
    let expected = expected.as_object().unwrap();
    // Four exports say nothing of their days (Google's "All time", TikTok's
    // campaign lists renamed here): each is a located problem, not a guess.
    let undated =
        khairukum::exports::ads::read(&khairukum::exports::folder::inventory_of(&dir).unwrap());
    let mut skipped: Vec<&str> = undated
        .problems
        .iter()
        .map(|p| {
            assert_eq!(p.rule.code, "KH106");
            p.path.rsplit('/').next().unwrap()
        })
        .collect();
    skipped.sort_unstable();
    assert_eq!(
        skipped,
        [
            "google-campaigns.intragoinc.csv",
            "tiktok-campaigns-ja.Shione4937.csv",
            "tiktok-campaigns.cristalarc.xlsx",
            "tiktok-gmvmax-creatives-id.nashihsulthoni-trial.tsv",
        ]
    );
    // Filed under a month's folder, they are that month's.
    let filed = tempfile::tempdir().unwrap();
    copy_dir(&dir, &filed.path().join("2026-11"));
    let spend = khairukum::exports::ads::read(
        &khairukum::exports::folder::inventory_of(filed.path()).unwrap(),
    );
    assert!(spend.problems.is_empty(), "{:#?}", spend.problems);
    let mut seen = Vec::new();
    for (n, file) in spend.files.iter().enumerate() {
        let name = file.path.rsplit('/').next().unwrap();
        let rows: Vec<_> = spend.rows.iter().filter(|r| r.file == n).collect();
        let total: f64 = rows.iter().map(|r| r.spend).sum();
        let want = &expected[name];
        assert_eq!(
            rows.len() as u64,
            want["rows"].as_u64().unwrap(),
            "{name}: rows"
        );
        assert_eq!(
            file.totals as u64,
            want["totals"].as_u64().unwrap(),
            "{name}: total rows"
        );
        assert!(
            (total - want["spend"].as_f64().unwrap()).abs() < 0.005,
            "{name}: spend {total} against {}",
            want["spend"]
        );
        let currencies: std::collections::BTreeSet<_> =
            rows.iter().filter_map(|r| r.currency.as_deref()).collect();
        match want["currency"].as_str() {
            Some(currency) if !rows.is_empty() => {
                assert_eq!(
                    currencies.into_iter().collect::<Vec<_>>(),
                    [currency],
                    "{name}"
                );
            }
            _ => assert!(currencies.is_empty(), "{name}: {currencies:?}"),
        }
        seen.push(name.to_string());
    }
    let mut all: Vec<&String> = expected.keys().collect();
    all.sort();
    seen.sort();
    assert_eq!(seen.iter().collect::<Vec<_>>(), all, "files recognised");
    assert_eq!(seen.len(), 19);
}

/// The charity's Meta Ads export as Excel re-saves it where the decimal
/// mark is a comma (`;` between cells, `3250,40`), and as it re-saves it
/// with commas between cells and quoted comma decimals: both read as the
/// original, row by row.
#[test]
fn an_excel_re_save_with_decimal_commas_reads_as_the_original() {
    let original =
        root().join("examples/exports/2026-11/ads/Khairukum-Campaigns-Nov-1-2026-Nov-30-2026.csv");
    let text = std::fs::read_to_string(&original).unwrap();
    let read = |name: &str, text: &str| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), text).unwrap();
        let spend = khairukum::exports::ads::read(
            &khairukum::exports::folder::inventory_of(dir.path()).unwrap(),
        );
        assert!(spend.problems.is_empty(), "{:?}", spend.problems);
        spend
            .rows
            .iter()
            .map(|r| (r.campaign.clone(), r.spend, r.from, r.to))
            .collect::<Vec<_>>()
    };
    let want = read("meta.csv", &text);
    assert_eq!(want.len(), 3);
    // Each cell quoted, then the marks swapped as a comma-decimal locale saves them.
    let records: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    // Amounts with a decimal comma; dates as `mark` writes them (`01.11.2026`,
    // or `01/11/2026` day first).
    let local = |cell: &str, mark: char| {
        let numeric = !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        match chrono::NaiveDate::parse_from_str(cell, "%Y-%m-%d") {
            Ok(day) => day.format(&format!("%d{mark}%m{mark}%Y")).to_string(),
            Err(_) if numeric => cell.replace('.', ","),
            Err(_) => cell.to_string(),
        }
    };
    let save = |separator: &str, mark: char| {
        records
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| format!("\"{}\"", local(c, mark)))
                    .collect::<Vec<_>>()
                    .join(separator)
            })
            .collect::<Vec<_>>()
            .join("\r\n")
    };
    assert!(save(";", '.').contains("\"3250,4\""));
    assert!(save(";", '/').contains("\"01/11/2026\""));
    assert_eq!(read("meta-semicolons.csv", &save(";", '.')), want);
    assert_eq!(read("meta-slashes.csv", &save(";", '/')), want);
    assert_eq!(read("meta-quoted.csv", &save(",", '.')), want);
}
