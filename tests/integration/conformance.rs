//! X's official twitter-text conformance cases (copied from the upstream
//! repository into `tests/conformance/twitter-text/`), run against the
//! counter and extractors of `khairukum::text::x`: every case must pass.

use khairukum::text::x;
use serde::Deserialize;
use std::collections::BTreeMap;

fn read<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = format!(
        "{}/tests/conformance/twitter-text/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[derive(Deserialize)]
struct File<E> {
    tests: BTreeMap<String, Vec<Case<E>>>,
}

#[derive(Deserialize)]
struct Case<E> {
    description: String,
    text: String,
    expected: E,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Validity {
    Valid(bool),
    Weighted {
        #[serde(rename = "weightedLength")]
        weighted_length: usize,
        valid: bool,
        permillage: usize,
        #[serde(rename = "displayRangeStart")]
        display_start: usize,
        #[serde(rename = "displayRangeEnd")]
        display_end: usize,
        #[serde(rename = "validRangeStart")]
        valid_start: usize,
        #[serde(rename = "validRangeEnd")]
        valid_end: usize,
    },
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Extracted {
    Texts(Vec<String>),
    Located(Vec<Located>),
    Other(serde_json::Value),
}

#[derive(Deserialize)]
struct Located {
    #[serde(alias = "hashtag")]
    url: String,
    indices: [usize; 2],
}

fn report(failures: &[String], count: usize, least: usize) {
    assert!(count >= least, "only {count} cases read");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_validation_case_passes() {
    let file: File<Validity> = read("validate.yml");
    let mut failures = Vec::new();
    let mut count = 0;
    for (section, cases) in &file.tests {
        for case in cases {
            count += 1;
            let text = case.text.as_str();
            let ok = match (&case.expected, section.as_str()) {
                // The plain `tweets` section dates from the 140-character limit (version 1).
                (Validity::Valid(want), "tweets") => {
                    x::is_valid_post(text, &x::Config::V1) == *want
                }
                (Validity::Valid(want), "usernames") => x::is_valid_username(text) == *want,
                (Validity::Valid(want), "lists") => x::is_valid_list(text) == *want,
                (Validity::Valid(want), "hashtags") => x::is_valid_hashtag(text) == *want,
                (Validity::Valid(want), "urls") => x::is_valid_url(text, true) == *want,
                (Validity::Valid(want), "urls_without_protocol") => {
                    x::is_valid_url(text, false) == *want
                }
                (
                    Validity::Weighted {
                        weighted_length,
                        valid,
                        permillage,
                        display_start,
                        display_end,
                        valid_start,
                        valid_end,
                    },
                    section,
                ) => {
                    // The plain counter section predates emoji weighting (version 2).
                    let config = if section == "WeightedTweetsCounterTest" {
                        x::Config::V2
                    } else {
                        x::Config::V3
                    };
                    let parsed = x::parse(text, &config);
                    let want = x::Parsed {
                        weighted_length: *weighted_length,
                        permillage: *permillage,
                        valid: *valid,
                        display_range: (*display_start, *display_end),
                        valid_range: (*valid_start, *valid_end),
                    };
                    if parsed != want {
                        failures.push(format!("  got {parsed:?}\n want {want:?}"));
                    }
                    parsed == want
                }
                (_, other) => panic!("unexpected section {other}"),
            };
            if !ok {
                failures.push(format!("{section}: {}", case.description));
            }
        }
    }
    report(&failures, count, 90);
}

#[test]
fn every_url_and_hashtag_extraction_case_passes() {
    let file: File<Extracted> = read("extract.yml");
    let mut failures = Vec::new();
    let mut count = 0;
    for (section, cases) in &file.tests {
        let found: fn(&str) -> Vec<x::Entity> = match section.as_str() {
            s if s.starts_with("url") || s.starts_with("tco_urls") => x::urls,
            s if s.starts_with("hashtags") => x::hashtags,
            _ => continue,
        };
        for case in cases {
            count += 1;
            let got = found(&case.text);
            let ok = match &case.expected {
                Extracted::Texts(want) => got.iter().map(|e| &e.text).eq(want.iter()),
                Extracted::Located(want) => got
                    .iter()
                    .map(|e| (e.text.as_str(), [e.start, e.end]))
                    .eq(want.iter().map(|w| (w.url.as_str(), w.indices))),
                Extracted::Other(v) => panic!("{section}: unexpected {v}"),
            };
            if !ok {
                failures.push(format!("{section}: {} — got {got:?}", case.description));
            }
        }
    }
    report(&failures, count, 180);
}

#[test]
fn every_top_level_domain_is_recognised() {
    let file: File<Vec<String>> = read("tlds.yml");
    let mut failures = Vec::new();
    let mut count = 0;
    for (section, cases) in &file.tests {
        for case in cases {
            count += 1;
            let got: Vec<String> = x::urls(&case.text).into_iter().map(|e| e.text).collect();
            if got != case.expected {
                failures.push(format!("{section}: {} — got {got:?}", case.description));
            }
        }
    }
    report(&failures, count, 1500);
}

#[test]
fn the_counter_is_the_official_version_3() {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Official {
        max_weighted_tweet_length: usize,
        scale: usize,
        default_weight: usize,
        emoji_parsing_enabled: bool,
        #[serde(rename = "transformedURLLength")]
        transformed_url_length: usize,
        ranges: Vec<Range>,
    }
    #[derive(Deserialize)]
    struct Range {
        start: u32,
        end: u32,
        weight: usize,
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/twitter-text/config-v3.json"
    );
    let official: Official = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let ours = x::Config::V3;
    assert_eq!(official.max_weighted_tweet_length, ours.max_weighted_length);
    assert_eq!(official.scale, ours.scale);
    assert_eq!(official.default_weight, ours.default_weight);
    assert_eq!(official.emoji_parsing_enabled, ours.emoji_parsing);
    assert_eq!(official.transformed_url_length, ours.url_length);
    let ranges: Vec<(u32, u32, usize)> = official
        .ranges
        .iter()
        .map(|r| (r.start, r.end, r.weight))
        .collect();
    assert_eq!(ranges, ours.ranges);
}

#[test]
fn the_quick_bound_never_passes_an_official_case_that_is_too_long() {
    let file: File<Validity> = read("validate.yml");
    for case in file.tests.values().flatten() {
        if khairukum::text::post_text::surely_within(
            khairukum::text::post_text::Counting::XWeighted,
            &case.text,
            280,
        ) {
            assert!(
                x::weighted_length(&case.text) <= 280,
                "{}",
                case.description
            );
        }
    }
}
