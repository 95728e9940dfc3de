//! The rule of the arrows (`docs/architecture.md`), checked on the source:
//! imports point down the pipeline (cli → report/tasks/book → exports → plan →
//! text → leaves), no two modules import each other, and the library knows
//! nothing of clap.

use crate::common::root;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The layers of the library, lowest first; a module may use its own layer
/// and the layers below it.
const LAYERS: [(&str, u8); 11] = [
    ("output", 0),
    ("parallel", 0),
    ("text", 1),
    ("document", 2),
    ("plan", 3),
    ("exports", 4),
    ("report", 5),
    ("tasks", 5),
    ("book", 5),
    ("schedule", 5),
    ("almanac", 4),
];

fn rank(layer: &str) -> Option<u8> {
    LAYERS.iter().find(|(l, _)| *l == layer).map(|(_, r)| *r)
}

/// One library source file: its module path and its code without comments.
struct Module {
    path: Vec<String>,
    code: String,
}

fn library_modules() -> Vec<Module> {
    let src = root().join("src");
    let mut modules = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let file = entry.path();
        if file.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = file.strip_prefix(&src).unwrap();
        if relative == Path::new("main.rs") || relative.starts_with("cli") {
            continue;
        }
        let mut path: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if path.last().is_some_and(|p| p == "mod" || p == "lib") {
            path.pop();
        }
        let text = fs::read_to_string(file).unwrap();
        // A file's unit tests (its last item by convention) may use fixtures
        // from anywhere; only the module's own code is held to the arrows.
        let own = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        let code = own
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        modules.push(Module { path, code });
    }
    modules
}

/// The module paths a file's code names: `crate::a::b` and `super::c`.
fn references(module: &Module) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let code = &module.code;
    let ident = |s: &str| -> Vec<String> {
        s.split("::")
            .map(|p| {
                p.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|p| !p.is_empty() && p.chars().next().is_some_and(char::is_lowercase))
            .collect()
    };
    let bytes = code.as_bytes();
    for (at, _) in code.match_indices("crate::") {
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let path = ident(&code[at + "crate::".len()..]);
        if !path.is_empty() {
            out.push(path);
        }
    }
    for (at, _) in code.match_indices("super::") {
        if at >= "super::".len() && &code[at - "super::".len()..at] == "super::" {
            continue; // counted from the first `super::` of the chain
        }
        let mut rest = &code[at..];
        // `super` of module `a::b` (file `a/b.rs` or `a/b/mod.rs`) is `a`.
        let mut base = module.path.clone();
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
        base.extend(ident(rest));
        if !base.is_empty() {
            out.push(base);
        }
    }
    out
}

#[test]
fn imports_point_down_the_pipeline_and_never_in_a_circle() {
    let mut wrong = Vec::new();
    // Edges between units (a layer's second-level modules: plan::rules, report::format).
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let modules = library_modules();
    assert!(modules.len() > 40, "only {} modules found", modules.len());
    for module in &modules {
        let Some(layer) = module.path.first() else {
            continue; // lib.rs
        };
        let from = rank(layer).unwrap_or_else(|| panic!("{layer} is in no layer"));
        let unit = module
            .path
            .iter()
            .take(2)
            .cloned()
            .collect::<Vec<_>>()
            .join("::");
        for target in references(module) {
            // `crate::t!` is the message macro of text::i18n.
            let target_layer = if target[0] == "t" { "text" } else { &target[0] };
            let Some(to) = rank(target_layer) else {
                continue; // an item of lib.rs or a macro's own path
            };
            if target_layer != layer && to >= from {
                wrong.push(format!(
                    "{} uses {}",
                    module.path.join("::"),
                    target.join("::")
                ));
            }
            let target_unit = target
                .iter()
                .take(2)
                .cloned()
                .collect::<Vec<_>>()
                .join("::");
            if target_unit != unit && target[0] != "t" {
                edges.entry(unit.clone()).or_default().insert(target_unit);
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the arrows:\n{}",
        wrong.join("\n")
    );

    let reaches = |from: &str, to: &str| -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(unit) = stack.pop() {
            for next in edges.get(&unit).into_iter().flatten() {
                if next == to {
                    return true;
                }
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        false
    };
    let circles: Vec<String> = edges
        .iter()
        .flat_map(|(a, targets)| targets.iter().map(move |b| (a, b)))
        .filter(|(a, b)| reaches(b, a))
        .map(|(a, b)| format!("{a} -> {b} -> ... -> {a}"))
        .collect();
    assert!(
        circles.is_empty(),
        "modules in a circle:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_checker_sees_an_import_against_the_arrows() {
    let module = Module {
        path: vec!["plan".into(), "rules".into(), "goals".into()],
        code: "use crate::report::figures::Figure;\nuse super::catalog as rule;".into(),
    };
    // Paths end at their first item (`Figure`): the module is what counts.
    assert_eq!(
        references(&module),
        [
            vec!["report".to_string(), "figures".into()],
            vec!["plan".to_string(), "rules".into(), "catalog".into()],
        ]
    );
}

#[test]
fn the_library_knows_nothing_of_clap_or_anyhow() {
    let offenders: Vec<String> = library_modules()
        .iter()
        .filter(|m| m.code.contains("clap::") || m.code.contains("anyhow::"))
        .map(|m| m.path.join("::"))
        .collect();
    assert!(offenders.is_empty(), "{offenders:?}");
}

/// The exports folder is walked once, by its inventory: a reader that
/// lists a folder itself (with `walkdir`, `read_dir` or a glob over the
/// file system) would not show in `exports` and would have to know the
/// other readers' files.
#[test]
fn only_the_inventory_walks_the_exports_folder() {
    let walks = ["walkdir::", "read_dir(", "glob::glob("];
    let offenders: Vec<String> = library_modules()
        .iter()
        .filter(|m| {
            m.path
                .first()
                .is_some_and(|l| l == "exports" || l == "report")
        })
        .filter(|m| m.path.get(1).is_none_or(|unit| unit != "inventory"))
        .filter(|m| {
            // Test code may make folders to read.
            let code = m.code.split("#[cfg(test)]").next().unwrap_or_default();
            walks.iter().any(|w| code.contains(w))
        })
        .map(|m| m.path.join("::"))
        .collect();
    assert!(
        offenders.is_empty(),
        "modules that walk a folder themselves: {offenders:?}"
    );
    let inventory = library_modules()
        .into_iter()
        .find(|m| m.path == ["exports", "inventory"])
        .expect("exports::inventory exists");
    assert!(
        inventory.code.contains("walkdir::WalkDir"),
        "the inventory walks the folder"
    );
}

/// The functions of `text` longer than `most` lines, by name and length:
/// a `fn` at some indentation runs to the first `}` at that indentation.
fn long_functions(text: &str, most: usize) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut long = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let indent = &line[..line.len() - code.len()];
        let signature = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn "]
            .iter()
            .find_map(|start| code.strip_prefix(start));
        let Some(signature) = signature else { continue };
        if code.ends_with(';') {
            continue;
        }
        let end = lines[i + 1..]
            .iter()
            .position(|l| l.strip_prefix(indent) == Some("}"))
            .map_or(lines.len(), |n| i + 1 + n);
        if end - i + 1 > most {
            let name: String = signature
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            long.push((name, end - i + 1));
        }
    }
    long
}

#[test]
fn no_function_of_the_report_the_book_or_a_renderer_runs_over_80_lines() {
    let mut long = Vec::new();
    for folder in ["report", "book", "document"] {
        for entry in walkdir::WalkDir::new(root().join("src").join(folder)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = fs::read_to_string(entry.path()).unwrap();
            for (name, lines) in long_functions(&text, 80) {
                long.push(format!(
                    "{}: {name} ({lines} lines)",
                    entry.path().display()
                ));
            }
        }
    }
    assert!(long.is_empty(), "split these: {long:#?}");
}

#[test]
fn the_length_checker_counts_a_function_to_its_closing_brace() {
    let body = "    let x = 1;\n".repeat(80);
    let text = format!("fn short() {{\n}}\n\nimpl A {{\n    pub fn long() {{\n{body}    }}\n}}\n");
    assert_eq!(long_functions(&text, 80), [("long".to_string(), 82)]);
    assert!(long_functions(&text, 82).is_empty());
}
