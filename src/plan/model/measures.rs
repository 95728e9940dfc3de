//! `measures.yaml` and `measures/<month>.yaml`: what the charity measures
//! from its own records (donations, volunteers, coverage), beside the
//! metric dictionary's platform figures. A measure is either recorded by
//! hand, a value per month in `measures/`, or read from a CSV file the
//! charity exports from its own systems (a donation platform, a form).

use super::fields::{Id, Located, Parsed, Text, keyword_enum};
use serde::Deserialize;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measures {
    pub measures: Vec<Measure>,
}

/// One of the charity's own measures; a KPI names it by its id as `metric:`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    /// What one unit is (`SAR`, `volunteers`), shown after values.
    pub unit: Option<Text>,
    /// Where its values come from.
    pub from: Parsed<MeasureFrom>,
    /// How the months of a longer period combine: added up (donations) or
    /// the latest month's value (a total already counted to date).
    pub over_time: Option<Parsed<OverTime>>,
    /// `from: csv`: the files under the exports folder (`donations/*.csv`).
    pub files: Option<Located<String>>,
    /// `from: csv`: the column with each row's date.
    pub date: Option<Located<String>>,
    /// `from: csv`: how the dates are written (chrono's `%d/%m/%Y`); left
    /// out, any date an export may hold is read.
    pub date_format: Option<Located<String>>,
    /// `from: csv`: the column summed (`sum`) or whose distinct values are
    /// counted (`distinct`); `count` counts rows.
    pub value: Option<Located<String>>,
    /// `from: csv`: how the rows of a period make one value.
    pub aggregate: Option<Parsed<Aggregate>>,
    /// `from: csv`: rows kept, each condition on one column.
    #[serde(default, rename = "where")]
    pub filters: Vec<Filter>,
    /// `from: csv`: the column that names the platform a row came through.
    pub platform: Option<Located<String>>,
    /// `from: csv`, `aggregate: sum`: the column naming each row's
    /// currency (a column named `Currency` is found without it). Amounts
    /// in another currency than the measure's convert at `budget.yaml`'s
    /// rates; a row without a rate is a problem, never added as it is.
    pub currency: Option<Located<String>>,
    /// `from: csv`: the platform (plan id) of each value of that column,
    /// for the values that are not already a platform id.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub platform_values: super::fields::Entries<Id, Id>,
}

/// A condition on one column of a CSV measure's rows.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    #[schemars(with = "String")]
    pub column: Located<String>,
    /// The row is kept when the column holds one of these (case ignored).
    #[serde(rename = "in")]
    #[schemars(with = "Vec<String>")]
    pub any_of: Vec<Located<String>>,
}

keyword_enum! {
    /// Where a measure's values come from.
    MeasureFrom { Manual = "manual", Csv = "csv" }
}

keyword_enum! {
    /// How a period's values make one.
    OverTime { Sum = "sum", Last = "last" }
}

keyword_enum! {
    /// How a CSV measure's rows make one value.
    Aggregate { Sum = "sum", Count = "count", Distinct = "distinct" }
}

/// `measures/<month>.yaml`: the values recorded by hand for one month.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recorded {
    #[serde(default)]
    pub records: Vec<Record>,
    /// The month of the file name; set after reading.
    #[serde(skip)]
    #[schemars(skip)]
    pub file_month: Option<crate::text::dates::Month>,
}

/// One value recorded by hand.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The measure's id from `measures.yaml`.
    #[schemars(with = "String")]
    pub measure: Id,
    #[schemars(with = "f64")]
    pub value: Located<f64>,
    /// The platform the value came through, when it is counted per platform.
    #[schemars(with = "Option<String>")]
    pub platform: Option<Id>,
    /// Who recorded it (a person of `team.yaml`).
    #[schemars(with = "String")]
    pub recorded_by: Id,
    /// Where the figure can be checked (a link or a document's name).
    pub evidence: Option<String>,
    pub note: Option<Text>,
}

impl Measure {
    /// The unit's words for `lang`, or nothing.
    pub fn unit_text(&self, lang: crate::text::i18n::Lang) -> &str {
        self.unit.as_ref().map_or("", |u| u.in_lang(lang))
    }

    /// How a CSV measure's rows make one value: as it says, else a sum
    /// when it names a value column, else a count of rows.
    pub fn aggregates(&self) -> Aggregate {
        self.aggregate
            .as_ref()
            .and_then(Parsed::get)
            .copied()
            .unwrap_or(if self.value.is_some() {
                Aggregate::Sum
            } else {
                Aggregate::Count
            })
    }

    /// How its months combine (sum unless it says otherwise).
    pub fn combines(&self) -> OverTime {
        self.over_time
            .as_ref()
            .and_then(Parsed::get)
            .copied()
            .unwrap_or(OverTime::Sum)
    }
}
