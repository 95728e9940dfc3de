//! The bottom of the pipeline: text and time as the charity's staff read
//! them. Dates in both calendars, weeks, Arabic letters and alignment, the
//! message catalog in Arabic and English, and post lengths as platforms
//! count them (X's own rules in `x`). Nothing here knows the plan, the exports or the commands.

pub mod arabic;
pub mod dates;
pub mod html;
pub mod i18n;
pub mod post_text;
pub mod weeks;
pub mod x;
