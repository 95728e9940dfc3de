//! A Markdown table, for a pull request, an issue or a chat message.

use super::{Listing, TaskWriter, person_name, show_date_time, subject_title};
use crate::text::i18n::Lang;
use std::io::{self, Write};

pub(super) struct Markdown {
    pub lang: Lang,
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

impl TaskWriter for Markdown {
    fn write(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "| {} |", super::columns(self.lang).join(" | "))?;
        writeln!(out, "| --- | --- | --- | --- | --- |")?;
        for (task, state) in &listing.rows {
            let owner = task.assignee.map_or_else(
                || format!("— ({})", task.step.owner.value),
                |_| person_name(listing.plan, task.assignee).to_string(),
            );
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape(&show_date_time(task.due, listing.calendar, self.lang)),
                state.text(self.lang),
                escape(task.step.name.in_lang(self.lang)),
                escape(&subject_title(task, listing.calendar, self.lang)),
                escape(&owner),
            )?;
        }
        Ok(())
    }
}
