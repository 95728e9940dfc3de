//! `audience.yaml`: the segments the content is for and where they are reached.

use super::fields::{Id, Text};
use serde::Deserialize;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Audience {
    pub segments: Vec<Segment>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    pub description: Option<Text>,
    #[serde(default)]
    pub needs: Vec<Text>,
    /// Platforms that reach this segment.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub platforms: Vec<Id>,
}
