//! X's official twitter-text conformance cases (copied from the upstream
//! repository into `tests/conformance/twitter-text/`): every case must pass.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct File {
    tests: BTreeMap<String, Vec<Case>>,
}

#[derive(Deserialize)]
struct Case {
    description: String,
    text: String,
    expected: Expected,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Expected {
    Valid(bool),
    Weighted {
        #[serde(rename = "weightedLength")]
        weighted_length: i32,
        valid: bool,
        permillage: i32,
        #[serde(rename = "displayRangeStart")]
        display_start: i32,
        #[serde(rename = "displayRangeEnd")]
        display_end: i32,
        #[serde(rename = "validRangeStart")]
        valid_start: i32,
        #[serde(rename = "validRangeEnd")]
        valid_end: i32,
    },
}

fn load() -> File {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/twitter-text/validate.yml"
    ))
    .unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn official_v3() -> twitter_text_config::Configuration {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/twitter-text/config-v3.json"
    ))
    .unwrap();
    twitter_text_config::Configuration::configuration_from_json(&json)
}

#[test]
fn the_built_in_v3_configuration_is_the_official_one() {
    let official = official_v3();
    let built_in = twitter_text_config::config_v3();
    assert_eq!(
        official.max_weighted_tweet_length,
        built_in.max_weighted_tweet_length
    );
    assert_eq!(official.scale, built_in.scale);
    assert_eq!(official.default_weight, built_in.default_weight);
    assert_eq!(
        official.transformed_url_length,
        built_in.transformed_url_length
    );
    assert_eq!(
        official.emoji_parsing_enabled,
        built_in.emoji_parsing_enabled
    );
    assert_eq!(official.ranges, built_in.ranges);
}

#[test]
fn every_conformance_case_passes() {
    let file = load();
    let validator = twitter_text::validator::Validator::new();
    let v3 = official_v3();
    let mut failures = Vec::new();
    let mut count = 0;
    for (section, cases) in &file.tests {
        for case in cases {
            count += 1;
            let ok = match (&case.expected, section.as_str()) {
                // The plain `tweets` section dates from the 140-character limit (config v1),
                // with URLs counted at their shortened length.
                (Expected::Valid(want), "tweets") => {
                    twitter_text::parse(&case.text, twitter_text_config::config_v1(), true).is_valid
                        == *want
                }
                (Expected::Valid(want), "usernames") => {
                    validator.is_valid_username(&case.text) == *want
                }
                (Expected::Valid(want), "lists") => validator.is_valid_list(&case.text) == *want,
                (Expected::Valid(want), "hashtags") => {
                    validator.is_valid_hashtag(&case.text) == *want
                }
                (Expected::Valid(want), "urls") => validator.is_valid_url(&case.text) == *want,
                (Expected::Valid(want), "urls_without_protocol") => {
                    validator.is_valid_url_without_protocol(&case.text) == *want
                }
                (
                    Expected::Weighted {
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
                    // The plain counter section predates emoji weighting (config v2).
                    let config = if section == "WeightedTweetsCounterTest" {
                        twitter_text_config::config_v2().clone()
                    } else {
                        v3.clone()
                    };
                    let r = twitter_text::parse(&case.text, &config, true);
                    let ours_ok = section == "WeightedTweetsCounterTest"
                        || i32::try_from(khairukum::text::post_text::x_weighted_length(&case.text))
                            == Ok(*weighted_length);
                    ours_ok
                        && r.weighted_length == *weighted_length
                        && r.is_valid == *valid
                        && r.permillage == *permillage
                        && (r.display_text_range.start(), r.display_text_range.end())
                            == (*display_start, *display_end)
                        && (r.valid_text_range.start(), r.valid_text_range.end())
                            == (*valid_start, *valid_end)
                }
                (_, other) => panic!("unexpected section {other}"),
            };
            if !ok {
                failures.push(format!("{section}: {}", case.description));
            }
        }
    }
    assert!(count > 90, "only {count} cases read");
    // The validator's quick bound never lets an over-long official case pass.
    for case in file.tests.values().flatten() {
        if khairukum::text::post_text::surely_within(
            khairukum::text::post_text::Counting::XWeighted,
            &case.text,
            280,
        ) {
            assert!(
                khairukum::text::post_text::x_weighted_length(&case.text) <= 280,
                "{}",
                case.description
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
