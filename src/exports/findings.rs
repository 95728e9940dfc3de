//! An export's problems as findings of the rule catalog, so that they are
//! rendered by the same renderers as the plan's (human, JSON, GitHub
//! annotations, SARIF) with `file:line:column`. The column is found by
//! reading the problem's line again, only for the files that have one.

use super::problems::Problem;
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::source::{FileId, Sources};
use crate::plan::validate::Validation;
use crate::t;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::path::Path;

/// The findings of a set of export problems, whose paths are as the files
/// were opened; `read` are the paths of the files that were read (the
/// count of files looked at is theirs and those with a problem).
pub fn findings(problems: &[Problem], read: &[&str]) -> Validation {
    let files = read
        .iter()
        .copied()
        .chain(problems.iter().map(|p| p.path.as_str()))
        .collect::<std::collections::HashSet<_>>()
        .len();
    let mut sources = Sources::default();
    let mut ids: HashMap<&str, FileId> = HashMap::new();
    let lines = wanted_lines(problems);
    let mut diagnostics: Vec<Diagnostic> = problems
        .iter()
        .map(|problem| {
            let file = *ids
                .entry(problem.path.as_str())
                .or_insert_with(|| sources.add(problem.path.clone(), String::new()));
            let column = match (problem.line, problem.field) {
                (Some(line), Some(field)) => lines
                    .get(&(problem.path.as_str(), line))
                    .and_then(|text| field_column(text, field as usize)),
                _ => None,
            };
            let decision = problem.decision.words();
            let help = match &problem.column {
                Some(name) => t!("export.in-column", column = name, decision = decision),
                None => decision,
            };
            let diagnostic = Diagnostic::new(problem.rule, problem.message.clone()).help(help);
            match problem.line {
                Some(line) => diagnostic.at(Span {
                    file,
                    line: u32::try_from(line).unwrap_or(u32::MAX),
                    column: column.map_or(1, |c| u32::try_from(c).unwrap_or(u32::MAX)),
                    byte_start: 0,
                    byte_len: 0,
                }),
                None => diagnostic.at(Span::file_start(file)),
            }
        })
        .collect();
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (
                d.span.map(|s| sources.get(s.file).path.clone()),
                d.span.map(|s| (s.line, s.column)),
                d.rule.code,
            )
        };
        key(a).cmp(&key(b))
    });
    Validation {
        sources,
        diagnostics,
        files,
    }
}

/// The text of each line a problem points into a cell of, by (path, line).
fn wanted_lines(problems: &[Problem]) -> HashMap<(&str, u64), String> {
    let mut wanted: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
    for p in problems {
        if let (Some(line), Some(_)) = (p.line, p.field) {
            wanted.entry(p.path.as_str()).or_default().push(line);
        }
    }
    let mut out = HashMap::new();
    for (path, mut numbers) in wanted {
        numbers.sort_unstable();
        numbers.dedup();
        let Ok(file) = std::fs::File::open(Path::new(path)) else {
            continue;
        };
        let mut next = numbers.iter().peekable();
        for (number, line) in (1u64..).zip(BufReader::new(file).split(b'\n')) {
            let Some(&&wanted) = next.peek() else { break };
            let Ok(line) = line else { break };
            if number == wanted {
                out.insert((path, number), String::from_utf8_lossy(&line).into_owned());
                next.next();
            }
        }
    }
    out
}

/// The 1-based character column where field `field` (0-based) of a CSV line
/// starts, quotes respected; `None` when the line has fewer fields (a record
/// whose quoted text runs over several lines).
pub(crate) fn field_column(line: &str, field: usize) -> Option<usize> {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let mut quoted = false;
    let mut current = 0;
    if field == 0 {
        return Some(1);
    }
    for (column, c) in (1..).zip(line.chars()) {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                current += 1;
                if current == field {
                    return Some(column + 1);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_starts_after_its_comma_outside_quotes() {
        let line = r#"1,"تبرع, الآن ""عاجل""",345,x"#;
        assert_eq!(field_column(line, 0), Some(1));
        assert_eq!(field_column(line, 1), Some(3));
        // Arabic letters count one column each, as an editor shows them.
        assert_eq!(field_column(line, 2), Some(25));
        assert_eq!(field_column(line, 3), Some(29));
        assert_eq!(field_column(line, 4), None);
        assert_eq!(field_column("\u{feff}a,b", 1), Some(3));
    }
}
