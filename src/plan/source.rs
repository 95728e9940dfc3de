//! The text of every file read, kept so renderers can quote source lines.

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

/// One file as read: its display path and its (UTF-8) text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to the user: the plan folder joined with the file's
    /// path inside it, with `/` separators.
    pub path: String,
    pub text: String,
}

/// All files of one run, addressed by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, path: String, text: String) -> FileId {
        self.files.push(SourceFile { path, text });
        FileId(self.files.len() - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    pub(crate) fn set_text(&mut self, id: FileId, text: String) {
        self.files[id.0].text = text;
    }

    /// Shows the files read under the folder `from` as under `to` (a copy
    /// checked in place of the folder it was made from).
    pub(crate) fn reroot(&mut self, from: &str, to: &str) {
        for file in &mut self.files {
            if let Some(rest) = file.path.strip_prefix(from) {
                file.path = format!("{to}{rest}");
            }
        }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Where a value was written: its line and column (1-based, in characters)
/// and its bytes in the file. Sixteen bytes, where the YAML reader's own
/// location takes twice that for each of the two places it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct At {
    pub line: u32,
    pub column: u32,
    /// The value's first byte in the file (files are at most 16 MB).
    pub byte: u32,
    pub len: u32,
}

impl From<&serde_saphyr::Location> for At {
    fn from(location: &serde_saphyr::Location) -> At {
        let span = location.span();
        let small = |n: Option<u64>| n.and_then(|n| u32::try_from(n).ok()).unwrap_or(0);
        At {
            line: u32::try_from(location.line()).unwrap_or(u32::MAX).max(1),
            column: u32::try_from(location.column()).unwrap_or(u32::MAX).max(1),
            byte: small(span.byte_offset()),
            len: small(span.byte_len()),
        }
    }
}

/// The byte where the line holding byte `at` of `text` begins.
pub(crate) fn line_start(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

/// Line and column (1-based, in characters) of a byte offset in `text`.
pub(crate) fn line_column(text: &str, byte: usize) -> (u32, u32) {
    let byte = byte.min(text.len());
    let before = &text.as_bytes()[..byte];
    #[allow(
        clippy::naive_bytecount,
        reason = "counted once per finding shown, on plan-sized files"
    )]
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start(text, byte)..])
        .chars()
        .count()
        + 1;
    let saturate = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    (saturate(line), saturate(column))
}

/// Byte offset of a 1-based line and character column in `text` (clamped to the text).
pub(crate) fn byte_offset(text: &str, line: u32, column: u32) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[offset..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    offset
        + rest[..line_end]
            .char_indices()
            .nth(column.saturating_sub(1) as usize)
            .map_or(line_end, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a: 1\nname: سارة x\n";
        let x = text.find('x').unwrap();
        assert_eq!(line_column(text, x), (2, 12));
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(byte_offset(text, 2, 12), x);
        assert_eq!(byte_offset(text, 1, 1), 0);
        assert_eq!(byte_offset(text, 9, 1), text.len());
    }
}
