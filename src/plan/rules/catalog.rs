//! The stable rule codes. Codes never change meaning once released; the
//! catalog feeds SARIF's rule table and `docs/rules.md`.

use crate::plan::diagnostic::{Rule, Severity};

macro_rules! rules {
    ($($ident:ident = $code:literal $name:literal $sev:ident $summary:literal;)*) => {
        $(
            #[doc = $summary]
            pub static $ident: Rule = Rule {
                code: $code,
                name: $name,
                severity: Severity::$sev,
                summary: $summary,
            };
        )*
        /// Every rule, in code order.
        pub static ALL: &[&Rule] = &[$(&$ident),*];
    };
}

rules! {
    YAML_SYNTAX = "KH001" "yaml-syntax" Error "The file is not well-formed YAML.";
    WRONG_TYPE = "KH002" "wrong-type" Error "A value has the wrong type (a list where a text is expected, a word where a number is expected...).";
    MISSING_FIELD = "KH003" "missing-field" Error "A required field is missing.";
    UNKNOWN_FIELD = "KH004" "unknown-field" Error "A field the plan format does not know (often a typo).";
    UNKNOWN_VALUE = "KH005" "unknown-value" Error "A value outside its fixed set (platform kind, status, format, weekday...).";
    INVALID_DATE = "KH006" "invalid-date" Error "A date, time, month or duration that cannot be read or does not exist.";
    EMPTY_FILE = "KH007" "empty-file" Error "A plan file with no content.";
    NOT_UTF8 = "KH008" "not-utf8" Error "A plan file that is not UTF-8 text.";
    UNKNOWN_FILE = "KH009" "unknown-file" Warning "A YAML file the plan format does not know; it is not read.";
    UNREADABLE = "KH010" "unreadable" Error "A file or folder that could not be read (permissions, symlink loop, a folder named like a file, too large).";
    RESOURCE_LIMIT = "KH011" "resource-limit" Error "A file that exceeds a parser limit (alias expansion, nesting depth, size).";
    MISSING_FILE = "KH012" "missing-file" Error "A required plan file is missing.";
    DUPLICATE_ID = "KH020" "duplicate-id" Error "Ids must be unique across all plan files.";
    UNRESOLVED_REFERENCE = "KH021" "unresolved-reference" Error "A reference to a goal, KPI, audience, platform, person, role or step that does not exist.";
    FOCUS_SUM = "KH022" "focus-sum" Error "Platform focus shares must add up to 100.";
    UNKNOWN_METRIC = "KH023" "unknown-metric" Error "A KPI names a metric that is not in the metric dictionary.";
    KPI_INCOMPLETE = "KH024" "kpi-incomplete" Error "Every KPI needs a baseline and a target.";
    KPI_DATE_OUTSIDE_PERIOD = "KH025" "kpi-date-outside-period" Error "A KPI's baseline or target date lies outside the plan period.";
    GOAL_WITHOUT_KPI = "KH026" "goal-without-kpi" Error "Every goal needs at least one KPI to measure it.";
    COMPOSITE_WEIGHTS = "KH027" "composite-weights" Error "A composite KPI's part weights must be positive and add up to 1.";
    INVALID_PERIOD = "KH028" "invalid-period" Error "The plan period must end after it starts.";
    ITEM_WITHOUT_PURPOSE = "KH030" "item-without-purpose" Error "Every calendar item must serve a goal and an audience.";
    ITEM_OUTSIDE_PERIOD = "KH031" "item-outside-period" Error "A calendar item falls outside the plan period.";
    ITEM_IN_WRONG_MONTH = "KH032" "item-in-wrong-month" Error "A calendar item is filed under a month it is not published in.";
    MISSING_POST_LINK = "KH033" "missing-post-link" Error "A published item must carry its post link for every platform it is on.";
    TEXT_FOR_OTHER_PLATFORM = "KH034" "text-for-other-platform" Warning "An item has text or a link for a platform it is not planned on.";
    ITEM_WITHOUT_PLATFORM = "KH035" "item-without-platform" Error "A calendar item must be planned on at least one platform.";
    PROCESS_CYCLE = "KH040" "process-cycle" Error "Process steps must not depend on each other in a cycle.";
    EMPTY_ROLE = "KH041" "empty-role" Error "A role that owns work must have at least one person.";
    DUE_ORDER = "KH042" "due-order" Error "A step cannot be due before a step it comes after.";
    TASK_BEFORE_PLAN = "KH043" "task-before-plan" Warning "A step's due offset puts a task before the plan starts.";
    UNKNOWN_TASK = "KH044" "unknown-task" Error "A calendar's `done:` list names a task that does not exist.";
    TEXT_TOO_LONG = "KH050" "text-too-long" Error "A post's text exceeds its platform's limit (X counts weighted characters).";
    TOO_MANY_HASHTAGS = "KH051" "too-many-hashtags" Error "A post has more hashtags than the policy allows.";
    BANNED_WORD = "KH052" "banned-word" Error "A post uses a word the publishing policy bans.";
    MIX_DEVIATION = "KH060" "mix-deviation" Warning "A month's calendar mix deviates from the platform focus shares beyond the policy's tolerance.";
    OVER_CAPACITY = "KH061" "over-capacity" Warning "A person's tasks in a week exceed their weekly capacity.";
    EMPTY_PLATFORM_MONTH = "KH062" "empty-platform-month" Warning "A month has no items for a platform the plan uses.";
    CAPACITY_NOT_POSITIVE = "KH063" "capacity-not-positive" Error "A person's `hours_per_week` is zero or negative: capacity is the hours a week someone has for the plan, above zero (leave it out when unknown).";
    KPI_TARGET_BEHIND_BASELINE = "KH064" "kpi-target-behind-baseline" Error "A KPI's target is not beyond its baseline in the KPI's direction: an increase to a value no higher, or a decrease to a value no lower; progress towards it cannot be measured.";
    WORKING_HOURS_REVERSED = "KH065" "working-hours-reversed" Error "`working_hours` ends at or before it starts; reply times are counted in these hours.";
    PUBLISHED_IN_FUTURE = "KH067" "published-in-future" Error "An item is marked `published` but its publish time is after today (`--today` sets the day).";
    LINK_OF_OTHER_PLATFORM = "KH068" "link-of-other-platform" Error "A post link under `published:` is not a web link to that platform's site (an x.com link under `whatsapp:`); the report would join the wrong post.";
    CONTACT_NOT_VALID = "KH069" "contact-not-valid" Error "A platform handle that cannot be a username there (X: 1–15 letters, digits or `_`), or a team email that cannot be an address.";
    LINKS_BEFORE_PUBLISHING = "KH066" "links-before-publishing" Error "An item still at `idea` or `drafted` has post links under `published:`; the report would count it as published while the calendar says it is not.";
    MEASURE_DECLARATION = "KH070" "measure-declaration" Error "A measure of `measures.yaml` that cannot be read as declared: a CSV measure without its files or date column, a sum without the column it adds up, a field only CSV measures have on a manual one, an id the metric dictionary already uses.";
    RECORD_OF_CSV_MEASURE = "KH071" "record-of-csv-measure" Error "A value recorded by hand for a measure whose values come from CSV files; the files decide it.";
    RECORD_REPEATED = "KH072" "record-repeated" Error "A record written twice: a measure twice in the same month (for the same platform), which leaves unclear which value holds; a coverage report twice (its link), which would count it twice.";
    RECORD_OUTSIDE_PERIOD = "KH073" "record-outside-period" Warning "A record dated outside the plan period (a file of recorded measures for such a month, a coverage entry); reports of periods inside the plan do not use it.";
    FIGURES_BY_HAND = "KH074" "figures-by-hand" Error "Figures read by hand for a platform the item was not published on (no post link there), on an item not marked `published`, read before it was published, or with neither views nor interactions.";
    BUDGET_OVER_APPROVED = "KH075" "budget-over-approved" Error "The budget's lines, or its monthly caps, add up to more than the approved total.";
    BUDGET_AMOUNT = "KH076" "budget-amount" Error "An amount, cap or exchange rate of `budget.yaml` that is not above zero, a currency not written as its three-letter code, or a rate given for the budget's own currency.";
    CAMPAIGN_DECLARATION = "KH077" "campaign-declaration" Error "An ad campaign of `budget.yaml` that serves no goal, that no ad export could be matched to (no `name`, `prefix` or `tag`), or that ends before it starts.";
    BUDGET_OUTSIDE_PERIOD = "KH078" "budget-outside-period" Warning "A month of the approved budget, or a campaign's date, outside the plan period.";
    STRATEGY_UNCONNECTED = "KH079" "strategy-unconnected" Warning "A point of the SWOT analysis that bears on no goal and no platform: nothing in the plan answers it.";
    STRATEGY_OUTSIDE_PERIOD = "KH080" "strategy-outside-period" Warning "A recommendation of `strategy.yaml` due outside the plan period.";
    MONITORING_DECLARATION = "KH081" "monitoring-declaration" Error "The monitoring mapping of `strategy.yaml` cannot be read as declared: a file pattern that cannot be read, no figure column (followers, posts or interactions), or a platform value mapped to no platform kind.";
    CALENDAR_NOT_APPROVED = "KH082" "calendar-not-approved" Warning "The plan is approved on record, but a month's calendar is not, and some of its items are scheduled or published; or an item was published before the day its month's calendar was approved.";
    CAPACITY_IMPLAUSIBLE = "KH083" "capacity-implausible" Warning "A person's `hours_per_week` above 60: more than a working week and a half for the plan alone (a week holds 168), more likely a month's or a year's hours.";
    SHARE_AS_PERCENT = "KH084" "share-as-percent" Warning "A KPI of a share or rate (engagement rate, response rate) whose baseline or target is above 1, written as a percent without its sign: `5` is 500 %; write `5%` or `0.05`.";
    KPI_DATES_REVERSED = "KH085" "kpi-dates-reversed" Error "A KPI's baseline is dated on or after its target date: progress cannot be measured between them.";
    PUBLISH_OUTSIDE_HOURS = "KH086" "publish-outside-hours" Warning "An item planned outside the publishing hours in the plan's time zone (`policies.yaml`'s `publishing_hours`, else 06:00 to 01:00): 03:00 is more often 15:00 mistyped than a plan.";
    CONTROL_CHARACTER = "KH087" "control-character" Error "An escape in a double-quoted text that writes a control character (`\\e`, `\\x1b`, a bell, a carriage return): it would reach every terminal and file the text is printed to; it is read as a space.";
    OCCASION_DECLARATION = "KH088" "occasion-declaration" Error "An occasion that cannot be used as declared: a set, a mark or an item's `occasion:` naming none the tool or the plan knows, an own occasion with neither `yearly:` nor `date:` (or both), of zero days or taking a built-in occasion's id, or a negative lead or run-up.";
    OCCASION_OFF_WINDOW = "KH089" "occasion-off-window" Warning "An item for an occasion planned outside its days: before them (and before the run-up the plan allows it) or after they end.";
    OCCASION_UNPLANNED = "KH090" "occasion-unplanned" Warning "An occasion the plan marks, inside the plan period, is within its lead time (or has begun) and no item is planned for it.";
    EXPORT_UNREADABLE = "KH100" "export-unreadable" Error "An export that cannot be read as CSV (not text, a broken encoding, cut or malformed); the rest of it is not used.";
    EXPORT_UNKNOWN = "KH101" "export-unknown" Warning "A CSV file that is no export this tool reads; it is not used.";
    EXPORT_OTHER_ACCOUNT = "KH102" "export-other-account" Error "Posts of another account than the plan's (by their username, link or account id) are set aside; a file all of whose posts are is not used.";
    EXPORT_WHICH_PLATFORM = "KH103" "export-which-platform" Error "A Meta daily export that says neither in its title nor in its file name whether it is Facebook or Instagram.";
    EXPORT_UNUSED_METRIC = "KH104" "export-unused-metric" Warning "A Meta daily export of a metric the report does not use.";
    EXPORT_NOT_A_NUMBER = "KH105" "export-not-a-number" Warning "A count that is not a plain whole number (a sign where none may be, a percentage, an exponent, separators out of place, a fraction, too large); it is counted as missing, never as zero.";
    EXPORT_BAD_DATE = "KH106" "export-bad-date" Error "A date or time that cannot be read or does not exist; the row is not used.";
    EXPORT_INCOMPLETE_ROW = "KH107" "export-incomplete-row" Error "A row cut short (fewer cells than the header), without what places it (a post id, a date, an inquiry's time), or whose reply comes before its inquiry; the row is not used.";
    EXPORT_REPEATED = "KH108" "export-repeated" Warning "Posts or days another export also gives; they are counted once.";
    FOLLOWERS_FILE = "KH109" "followers-file" Error "`followers.yaml` cannot be read or holds a total that is no follower count; the totals it records are not used.";
    EXPORT_DATE_ORDER_ASSUMED = "KH110" "export-date-order-assumed" Warning "Every date of a file written like 02/11/2026 could be day-first or month-first; the order assumed (the plan's `date_order`, else month first) is said.";
    MEASURE_FILE = "KH111" "measure-file" Error "A CSV measure's file lacks a column the measure names, or a row's date or value cannot be read; the file (or the row) is not used.";
    MEASURE_NO_ROWS = "KH112" "measure-no-rows" Warning "A CSV measure whose pattern matches no file, or whose conditions (`where:`) keep no row of its files: its value is missing, not zero.";
    AD_CURRENCY = "KH113" "ad-currency" Error "Ad spend in a currency other than the budget's, for which `budget.yaml` writes no rate; it is not added to the spend.";
    PEER_FIGURES = "KH114" "peer-figures" Error "A peer's figure that cannot be used: `peers.yaml` or a monitoring export that cannot be read, a column the mapping names that a file lacks, a month or count that cannot be read, a peer or platform the strategy does not name, or the same peer, platform and month written twice; the row (or the file) is not used.";
    PLAN_HISTORY = "KH115" "plan-history" Error "The plan folder is in a git repository whose history cannot be read: git refuses the repository (one owned by another user), or a revision holds a path that leaves the plan folder; the team's tasks are counted without the times they were done.";
}

/// Looks a rule up by code (`KH012`) or name (`missing-file`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique() {
        let codes: HashSet<_> = ALL.iter().map(|r| r.code).collect();
        let names: HashSet<_> = ALL.iter().map(|r| r.name).collect();
        assert_eq!(codes.len(), ALL.len());
        assert_eq!(names.len(), ALL.len());
    }

    #[test]
    fn finds_by_code_or_name() {
        assert_eq!(find("kh040").map(|r| r.name), Some("process-cycle"));
        assert_eq!(find("focus-sum").map(|r| r.code), Some("KH022"));
        assert!(find("KH999").is_none());
    }
}
