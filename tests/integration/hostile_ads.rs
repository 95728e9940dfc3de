//! Ad exports that are broken or built to hurt: each is read within a
//! stated bound or not at all, and every file or value left out is named
//! with a rule code; spend never falls silently.

use crate::common::root;
use khairukum::exports::ads::{self, AdSpend};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// A workbook of one sheet whose XML is `sheet`, written by `zip`.
fn workbook(path: &Path, sheet: &[u8]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &[u8]); 4] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    zip.write_all(sheet).unwrap();
    zip.finish().unwrap();
}

/// A sheet's XML with inline-string rows: Meta's campaign header, then
/// `rows`, then `extra` XML before the sheet data ends.
fn sheet(rows: &[[&str; 4]], extra: &str) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    let header = [
        "Campaign name",
        "Reporting starts",
        "Reporting ends",
        "Amount spent (SAR)",
    ];
    for (n, row) in std::iter::once(&header).chain(rows).enumerate() {
        let _ = write!(xml, "<row r=\"{}\">", n + 1);
        for (column, text) in row.iter().enumerate() {
            let letter = char::from(b'A' + u8::try_from(column).unwrap());
            let _ = write!(
                xml,
                "<c r=\"{letter}{}\" t=\"inlineStr\"><is><t>{text}</t></is></c>",
                n + 1
            );
        }
        xml.push_str("</row>");
    }
    xml.push_str(extra);
    xml.push_str("</sheetData></worksheet>");
    xml.into_bytes()
}

const CAMPAIGN: [&str; 4] = ["Ramadan", "2026-11-01", "2026-11-30", "1500"];

/// The problems reading `dir` gave, as (file name, rule code, message).
fn problems(spend: &AdSpend) -> Vec<(String, String, String)> {
    spend
        .problems
        .iter()
        .map(|p| {
            let name = p.path.rsplit('/').next().unwrap().to_string();
            let message = p.message.text(khairukum::text::i18n::Lang::En);
            (name, p.rule.code.to_string(), message)
        })
        .collect()
}

#[test]
fn a_small_workbook_is_read_and_a_cell_at_the_sheets_end_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    workbook(&dir.path().join("good.xlsx"), &sheet(&[CAMPAIGN], ""));
    // 1.6 KB that named a cell at the very end of a sheet: read whole, it
    // asked for 512 GiB and aborted.
    let far = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#;
    workbook(&dir.path().join("far.xlsx"), &sheet(&[CAMPAIGN], far));
    let spend = ads::read(&khairukum::exports::folder::inventory_of(dir.path()).unwrap());
    assert_eq!(spend.rows.len(), 1, "{:#?}", spend.problems);
    assert!((spend.rows[0].spend - 1500.0).abs() < f64::EPSILON);
    let found = problems(&spend);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("far.xlsx", "KH100")
    );
    assert!(
        found[0].2.contains("beyond 1048576 rows or 256 columns"),
        "{found:#?}"
    );
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let dir = tempfile::tempdir().unwrap();
    // 300 MB of one repeated row, 0.9 MB packed (its README says how made).
    std::fs::copy(
        root().join("tests/fixtures/hostile/zip-bomb.xlsx"),
        dir.path().join("bomb.xlsx"),
    )
    .unwrap();
    let spend = ads::read(&khairukum::exports::folder::inventory_of(dir.path()).unwrap());
    let found = problems(&spend);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].1, "KH100");
    assert!(
        found[0]
            .2
            .contains("unpacks to 299 MB, more than the 256 MB"),
        "{found:#?}"
    );
}

#[test]
fn every_workbook_that_cannot_be_read_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let real = std::fs::read(root().join("tests/ads/meta-campaigns.Mohrizk90.xlsx")).unwrap();
    std::fs::write(d.join("truncated.xlsx"), &real[..real.len() / 2]).unwrap();
    std::fs::write(
        d.join("random.xlsx"),
        (0..4096u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    std::fs::write(d.join("empty.xlsx"), b"").unwrap();
    std::fs::copy(
        root().join("tests/ads/meta-campaigns.frank1829.csv"),
        d.join("renamed.xlsx"),
    )
    .unwrap();
    workbook(&d.join("no-export.xlsx"), &unknown_sheet());
    let spend = ads::read(&khairukum::exports::folder::inventory_of(d).unwrap());
    let mut found: Vec<(String, String)> = problems(&spend)
        .into_iter()
        .map(|(name, code, _)| (name, code))
        .collect();
    found.sort();
    let expected: Vec<(String, String)> = [
        ("empty.xlsx", "KH100"),
        ("no-export.xlsx", "KH101"),
        ("random.xlsx", "KH100"),
        ("renamed.xlsx", "KH100"),
        ("truncated.xlsx", "KH100"),
    ]
    .iter()
    .map(|(n, c)| ((*n).to_string(), (*c).to_string()))
    .collect();
    assert_eq!(found, expected);
    assert!(spend.rows.is_empty());
}

/// A sheet whose header is no ad platform's.
fn unknown_sheet() -> Vec<u8> {
    String::from_utf8(sheet(&[], ""))
        .unwrap()
        .replace("Amount spent (SAR)", "Favourite colour")
        .replace("Campaign name", "Name")
        .into_bytes()
}

#[test]
fn a_meta_csv_broken_past_its_opening_is_named_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let mut text =
        String::from("Campaign name,Reporting starts,Reporting ends,Amount spent (SAR)\n");
    for n in 0..3000 {
        let _ = writeln!(text, "Campaign number {n},2026-11-01,2026-11-30,1.50");
    }
    assert!(text.len() > 64 * 1024);
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(b"Last,2026-11-01,2026-11-30,\xFF\xFE\n");
    std::fs::write(dir.path().join("meta-ads.csv"), bytes).unwrap();
    let spend = ads::read(&khairukum::exports::folder::inventory_of(dir.path()).unwrap());
    let found = problems(&spend);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("meta-ads.csv", "KH100")
    );
}

#[test]
fn garbage_in_a_count_is_said_and_counted_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("meta-ads.csv"),
        "Campaign name,Reporting starts,Reporting ends,Amount spent (SAR),Impressions,Link clicks\n\
         Ramadan,2026-11-01,2026-11-30,1500,12x4,30\n\
         Eid,2026-11-01,2026-11-30,500,1000,\n",
    )
    .unwrap();
    let spend = ads::read(&khairukum::exports::folder::inventory_of(dir.path()).unwrap());
    assert_eq!(spend.rows.len(), 2, "the spend is kept");
    assert_eq!(spend.rows[0].impressions, None);
    assert_eq!(spend.rows[0].clicks, Some(30));
    assert_eq!(spend.rows[1].impressions, Some(1000));
    let found = problems(&spend);
    assert_eq!(found.len(), 1, "an empty cell is no problem: {found:#?}");
    assert_eq!(found[0].1, "KH105");
    assert!(found[0].2.contains("`12x4` is not a count"), "{found:#?}");
    assert_eq!(spend.problems[0].line, Some(2));
    assert_eq!(spend.problems[0].column.as_deref(), Some("Impressions"));
}

/// The food bank's donations with two rows added: one dated `01/11/26` (no
/// year 26, no guess of 2026) and one cut short to three cells. Each is a
/// located KH111, and November's donations are what they were.
#[test]
fn a_short_year_and_a_cut_row_of_a_measure_are_named_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&root().join("examples/food-bank"), dir.path());
    let file = dir
        .path()
        .join("exports/2026-11/donations/donations-2026-11.csv");
    let before = report_donations(dir.path());
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("DN-119998,01/11/26 10:00,donor998@example.sa,500,Paid,سلة الشتاء,x,social\n");
    text.push_str("DN-119999,02/11/2026 10:00,donor999@example.sa\n");
    let line_of = |id: &str| text[..text.find(id).unwrap()].matches('\n').count() as u64 + 1;
    let (short_year, cut) = (line_of("DN-119998"), line_of("DN-119999"));
    std::fs::write(&file, text).unwrap();
    let out = crate::common::khairukum(
        dir.path(),
        &["exports", "check", "--plan", "plans", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let located: Vec<(u64, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["location"]["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("donations-2026-11.csv"))
        })
        .map(|d| {
            (
                d["location"]["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // Each row is found by each measure that reads the file.
    assert!(
        located.contains(&(short_year, "KH111".into())),
        "{located:?}"
    );
    assert!(located.contains(&(cut, "KH111".into())), "{located:?}");
    assert_eq!(report_donations(dir.path()), before, "no row counted");
}

/// The food bank's November donations through social links, as reported.
fn report_donations(dir: &Path) -> serde_json::Value {
    let json = crate::common::khairukum_json(
        dir,
        &[
            "report",
            "--plan",
            "plans",
            "--month",
            "2026-11",
            "--today",
            "2026-12-01",
            "--format",
            "json",
        ],
    );
    json["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["figure"]["value"].clone())
        .collect()
}
