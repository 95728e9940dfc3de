//! A terminal table: Arabic cells right-aligned, columns fitted to the terminal.

use super::{Listing, TaskWriter, person_name, show_date_time, subject_title};
use crate::t;
use crate::text::i18n::Lang;
use comfy_table::{ContentArrangement, presets};
use std::io::{self, Write};

pub(super) struct Table {
    pub width: Option<u16>,
    pub lang: Lang,
}

use crate::text::arabic::table_cell as cell;

impl TaskWriter for Table {
    fn write(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        if listing.rows.is_empty() {
            return writeln!(out, "{}", t!("tasks.none").text(self.lang));
        }
        let mut table = comfy_table::Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .force_no_tty();
        match self.width {
            Some(width) => {
                table
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_width(width);
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        table.set_header(super::columns(self.lang).map(cell));
        for (task, state) in &listing.rows {
            let owner = match task.assignee {
                Some(_) => person_name(listing.plan, task.assignee).to_string(),
                None => format!("— ({})", task.step.owner.value),
            };
            table.add_row(vec![
                cell(show_date_time(task.due, listing.calendar, self.lang)),
                cell(state.text(self.lang)),
                cell(task.step.name.in_lang(self.lang)),
                cell(subject_title(task, listing.calendar, self.lang)),
                cell(owner),
            ]);
        }
        writeln!(out, "{table}")?;
        let count = t!("count.task", n = listing.rows.len());
        writeln!(out, "{}", count.text(self.lang))
    }
}
