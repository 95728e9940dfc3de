//! X's weighted length, URLs and hashtags of the text on standard input:
//! `cargo run --release --example x_count < post.txt`. Used by
//! `benches/x-text.sh` to time the counter on long and hostile texts.

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let khairukum_length = khairukum::text::x::weighted_length(&text);
    let urls = khairukum::text::x::urls(&text).len();
    let tags = khairukum::text::x::hashtags(&text).len();
    println!("weighted {khairukum_length} urls {urls} hashtags {tags}");
    Ok(())
}
