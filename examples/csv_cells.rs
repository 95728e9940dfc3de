//! Writes one CSV row of the cells a spreadsheet could take as a formula:
//! `inert` through the tool's own writer (`output::CsvWriter`), `raw` as
//! they are, for `scripts/csv-in-libreoffice.sh` to open in `LibreOffice` Calc.

/// Formulas as spreadsheets would read them, each behind a different lead.
const CELLS: &[&str] = &[
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1;1)",
    "  =1+1",
    "\u{a0}=1+1",
    "\u{200b}=1+1",
    "＝1+1",
    "＋1+1",
    "=HYPERLINK(\"http://evil\";\"x\")",
    "- دعوة للتطوع",
    "-12",
];

fn main() {
    let inert = std::env::args().nth(1).as_deref() != Some("raw");
    let out = std::io::stdout().lock();
    if inert {
        let mut writer = khairukum::output::CsvWriter::new(out);
        writer.write_record(CELLS).expect("written");
        writer.flush().expect("written");
    } else {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(CELLS).expect("written");
        writer.flush().expect("written");
    }
}
