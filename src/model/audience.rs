//! `audience.yaml`: the segments the content is for and where they are reached.

use super::fields::{Id, Text};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Audience {
    pub segments: Vec<Segment>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub id: Id,
    pub name: Text,
    pub description: Option<Text>,
    #[serde(default)]
    pub needs: Vec<Text>,
    /// Platforms that reach this segment.
    #[serde(default)]
    pub platforms: Vec<Id>,
}
