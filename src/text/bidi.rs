//! Latin, figures and code kept left to right inside right-to-left text
//! that a browser lays out (Markdown on GitHub): each run wrapped in the
//! Unicode isolates LRI … PDI, so `57000 SAR ← 51000 SAR`, a date
//! `2026-11-25` or `huda ← sara` read in the order they are written, the
//! arrow pointing from the old value to the new.

/// Left-to-right isolate.
const LRI: char = '\u{2066}';
/// Pop directional isolate.
const PDI: char = '\u{2069}';

/// True for a character that belongs to a left-to-right run: ASCII letters
/// and figures and what joins them in ids, dates, times and amounts (a
/// no-break space holds an amount and its currency together).
fn is_part(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-−+.,:%/_@\u{a0}".contains(c)
}

/// `text` with each run of Latin letters or figures, and each code span
/// (`` `…` ``, kept whole), isolated left to right. Trailing punctuation
/// stays outside, with the sentence.
pub fn isolate_ltr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut run = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '`' {
            flush(&mut run, &mut out);
            let mut span = String::from('`');
            for next in chars.by_ref() {
                span.push(next);
                if next == '`' {
                    break;
                }
            }
            out.push(LRI);
            out.push_str(&span);
            out.push(PDI);
        } else if is_part(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Writes a run: isolated when it holds a Latin letter or a figure.
fn flush(run: &mut String, out: &mut String) {
    let kept = run.trim_end_matches(['.', ',', ':']).len();
    let (word, tail) = run.split_at(kept);
    if word.chars().any(|c| c.is_ascii_alphanumeric()) {
        out.push(LRI);
        out.push_str(word);
        out.push(PDI);
    } else {
        out.push_str(word);
    }
    out.push_str(tail);
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        isolate_ltr(text).replace(LRI, "[").replace(PDI, "]")
    }

    #[test]
    fn latin_figures_and_code_are_isolated_punctuation_is_not() {
        assert_eq!(
            shown("الإنفاق: 57000\u{a0}SAR ← 51000\u{a0}SAR"),
            "الإنفاق: [57000\u{a0}SAR] ← [51000\u{a0}SAR]"
        );
        assert_eq!(
            shown("اعتمده khalid في 2026-11-25، و"),
            "اعتمده [khalid] في [2026-11-25]، و"
        );
        assert_eq!(shown("أسبوع (2026-W48)."), "أسبوع ([2026-W48]).");
        assert_eq!(shown("`FETCH_HEAD` ← `HEAD`"), "[`FETCH_HEAD`] ← [`HEAD`]");
        assert_eq!(shown("الأمر `a b` ثم: 7.5"), "الأمر [`a b`] ثم: [7.5]");
        assert_eq!(shown("— : ←"), "— : ←");
    }

    #[test]
    fn an_unclosed_code_span_runs_to_the_end() {
        assert_eq!(shown("قبل `x y"), "قبل [`x y]");
    }
}
