//! Occasions: every Islamic occasion of 1445–1450 AH on the days the
//! `hijridate` package gives (Umm al-Qura), and the listing's other
//! formats read back by independent readers.

use crate::common::*;
use crate::oracle::python;
use icalendar::Component as _;

/// `occasions --year <year> AH` as JSON, outside any plan.
fn listed(dir: &std::path::Path, year: i32) -> Vec<serde_json::Value> {
    let out = stdout(
        dir,
        &[
            "occasions",
            "--year",
            &format!("{year} AH"),
            "--format",
            "json",
        ],
    );
    serde_json::from_str(&out).unwrap()
}

#[test]
fn islamic_occasions_of_1445_to_1450_fall_on_the_days_hijridate_gives() {
    let expected = python("occasions.py", &["1445".into(), "1450".into()]);
    let expected = expected.as_object().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut compared = 0;
    for year in 1445..=1450 {
        for occasion in listed(dir.path(), year) {
            if occasion["set"] != "islamic" {
                continue;
            }
            let key = occasion["key"].as_str().unwrap();
            let want = &expected[key];
            assert_eq!(
                [&occasion["start"], &occasion["end"]],
                [&want[0], &want[1]],
                "{key}"
            );
            compared += 1;
        }
    }
    // Eight Islamic occasions a year, six years: each one compared.
    assert_eq!(compared, expected.len());
    assert_eq!(compared, 48);
}

#[test]
fn the_listing_as_csv_and_ics_holds_the_same_occurrences() {
    let dir = tempfile::tempdir().unwrap();
    let json = listed(dir.path(), 1448);
    let csv = stdout(
        dir.path(),
        &["occasions", "--year", "1448", "AH", "--format", "csv"],
    );
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), json.len());
    for (row, occasion) in rows.iter().zip(&json) {
        assert_eq!(&row[0], occasion["key"].as_str().unwrap());
        assert_eq!(&row[4], occasion["start"].as_str().unwrap());
    }
    let ics = stdout(
        dir.path(),
        &[
            "occasions",
            "--year",
            "1448",
            "AH",
            "--format",
            "ics",
            "--today",
            "2026-12-05",
        ],
    );
    let calendar: icalendar::Calendar = ics.parse().unwrap();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), json.len());
    let ramadan = events
        .iter()
        .find(|e| {
            e.get_uid()
                .is_some_and(|u| u.starts_with("occasion-ramadan-1448@"))
        })
        .expect("Ramadan 1448 is an event");
    let start = json.iter().find(|o| o["key"] == "ramadan-1448").unwrap();
    assert_eq!(
        ramadan.get_start(),
        Some(icalendar::DatePerhapsTime::Date(
            start["start"].as_str().unwrap().parse().unwrap()
        ))
    );
    assert!(ramadan.get_summary().unwrap().contains("رمضان"));
}
