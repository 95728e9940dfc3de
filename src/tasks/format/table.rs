//! A terminal table: Arabic cells right-aligned, columns fitted to the terminal.

use super::{Listing, TaskWriter, person_name, show_date_time, subject_title};
use comfy_table::{ContentArrangement, presets};
use std::io::{self, Write};

pub struct Table {
    pub width: Option<u16>,
}

use crate::arabic::table_cell as cell;

impl TaskWriter for Table {
    fn write(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        if listing.rows.is_empty() {
            return writeln!(out, "No tasks match.");
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
        table.set_header(vec!["Due", "State", "Task", "For", "Owner"]);
        for (task, state) in &listing.rows {
            let owner = match task.assignee {
                Some(_) => person_name(listing.plan, task.assignee).to_string(),
                None => format!("— ({})", task.step.owner.value),
            };
            table.add_row(vec![
                cell(show_date_time(task.due, listing.calendar)),
                cell(state.as_str()),
                cell(task.step.name.primary()),
                cell(subject_title(task, listing.calendar)),
                cell(owner),
            ]);
        }
        writeln!(out, "{table}")?;
        let count = listing.rows.len();
        writeln!(out, "{count} task{}", if count == 1 { "" } else { "s" })
    }
}
