//! The baseline for the export benchmark: a bare `csv` crate pass that only
//! counts records over the given files.

fn main() {
    let mut records = 0u64;
    let mut record = csv::ByteRecord::new();
    for path in std::env::args().skip(1) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(&path)
            .unwrap();
        while reader.read_byte_record(&mut record).unwrap() {
            records += 1;
        }
    }
    println!("{records}");
}
