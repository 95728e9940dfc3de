//! Text in a self-contained HTML page: escaped as it is written, figures
//! and dates kept left to right inside right-to-left text, and the page's
//! policy that nothing loads or runs.

/// Text as HTML: the characters markup would read, escaped.
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `text` escaped, each run of figures and dates in it (`2026-10`, `−2`,
/// `41,250.50`, `79%`) kept left to right inside right-to-left text.
pub fn isolated(text: &str) -> String {
    // A no-break space holds an amount and its currency in one run.
    let is_part = |c: char| c.is_ascii_alphanumeric() || "-−+.,:%/\u{a0}".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        // Trailing punctuation belongs to the sentence, not the figure.
        let kept = run.trim_end_matches(['.', ',', ':']).len();
        let (figure, tail) = run.split_at(kept);
        if figure.chars().any(|c| c.is_ascii_digit()) {
            out.push_str(r#"<bdi dir="ltr">"#);
            out.push_str(&esc(figure));
            out.push_str("</bdi>");
        } else {
            out.push_str(&esc(figure));
        }
        out.push_str(&esc(tail));
        run.clear();
    };
    for c in text.chars() {
        if is_part(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push_str(&esc(&c.to_string()));
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The page's Content-Security-Policy: nothing may load or run — no script,
/// no request to the network, no form — but the page's own style
/// sheet and images written into it. Text is escaped as it is written; the
/// policy is the second wall, should an escaping mistake ever let markup in.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
