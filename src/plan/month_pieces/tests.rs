use super::*;

const MONTH: &str = "# The month's calendar.
# A second comment.
month: 2026-11
status: approved
# Finished tasks.
done:
  - weekly-review/2026-W45
items:
  # The first week.
  - id: a
    title: {ar: أ, en: A}
    notes: |
      line one

      - not an item

  - id: b
    title: {ar: ب, en: B}
# After the items.
done_notes:
  weekly-review/2026-W45: on time
";

#[test]
fn a_month_is_cut_at_its_items_key_and_at_each_item() {
    let pieces = split(MONTH).unwrap();
    assert_eq!(
        pieces.head,
        "month: 2026-11\nstatus: approved\n# Finished tasks.\ndone:\n  - weekly-review/2026-W45\n"
    );
    assert_eq!(
        pieces.items,
        [
            "  - id: a\n    title: {ar: أ, en: A}\n    notes: |\n      line one\n\n      - not an item\n\n",
            "  - id: b\n    title: {ar: ب, en: B}\n# After the items.\n",
        ]
    );
    assert_eq!(
        pieces.tail,
        "done_notes:\n  weekly-review/2026-W45: on time\n"
    );
}

#[test]
fn the_comments_that_open_the_file_are_left_out_of_its_head() {
    let edited = MONTH.replace("# A second comment.", "# edit 42");
    assert_eq!(split(&edited).unwrap().head, split(MONTH).unwrap().head);
    let at_top = "# c\nitems:\n  - id: a\n";
    assert_eq!(split(at_top).unwrap().head, "");
}

#[test]
fn windows_line_breaks_cut_as_unix_ones() {
    let crlf = MONTH.replace('\n', "\r\n");
    let pieces = split(&crlf).unwrap();
    assert_eq!(pieces.items.len(), 2);
    assert!(pieces.tail.starts_with("done_notes:\r\n"));
}

#[test]
fn what_could_join_the_pieces_is_read_whole() {
    let refused = [
        (
            "a tab in an indentation",
            "items:\n  - id: a\n\t  title: x\n",
        ),
        ("a document marker", "---\nitems:\n  - id: a\n"),
        ("a second document", "items:\n  - id: a\n...\n"),
        ("a directive", "%YAML 1.2\nitems:\n  - id: a\n"),
        ("an alias", "items:\n  - id: a\n    title: *t\n"),
        ("an alias in a list", "items:\n  - [a, *t]\n"),
        ("a merge key", "items:\n  - <<: {id: a}\n"),
        ("a lone carriage return", "items:\r  - id: a\n"),
        ("a byte-order mark", "items:\n  - id: \u{feff}a\n"),
        ("no items key", "month: 2026-11\n"),
        ("items written inline", "items: [{id: a}]\n"),
        ("no items", "items:\nmonth: 2026-11\n"),
        ("items at the margin", "items:\n- id: a\n"),
        (
            "a line between the margin and the items",
            "items:\n  - id: a\n x: 1\n",
        ),
        ("a line at the items' margin", "items:\n  - id: a\n  x: 1\n"),
        ("a file over the limit", &"#".repeat(MAX_BYTES + 1)),
        (
            "a control character in an opening comment",
            "# a\u{0}b\nitems:\n  - id: a\n",
        ),
        (
            "a control character by the items key",
            "items: # \u{7}\n  - id: a\n",
        ),
        (
            "a control character before the first item",
            "items:\n  # \u{1b}\n  - id: a\n",
        ),
    ];
    for (what, text) in refused {
        assert_eq!(split(text), None, "{what}");
    }
}

#[test]
fn a_star_or_a_key_that_no_alias_can_be_is_cut() {
    let text = "items:\n  - id: a\n    title: {ar: \"أ*\", en: 5 * 3}\n    x: items:\n";
    assert_eq!(split(text).unwrap().items.len(), 1);
    assert!(!is_items_key("items: [] \n"));
    assert!(is_items_key("items:   # the month's posts\n"));
    assert!(!is_items_key("items:#x\n"));
}

#[test]
fn an_item_piece_is_one_item_or_nothing() {
    let item = "  - id: a\n    title: {ar: أ, en: A}\n    publish: 2026-11-02T10:00\n    \
                platforms: [x]\n    format: image\n    owner: sara\n    status: drafted\n";
    assert_eq!(read_item(item).unwrap().id.value, "a");
    let two = format!("{item}{item}");
    assert!(read_item(&two).is_none(), "two items");
    assert!(
        read_item("  - id: a\n").is_none(),
        "an item without its fields"
    );
    let unclosed = item.replace("title: {ar: أ, en: A}", "title: \"A");
    assert!(read_item(&unclosed).is_none(), "an open quote");
}

#[test]
fn a_head_that_leaves_a_quote_open_is_not_read() {
    let pieces = Pieces {
        head: "month: 2026-11\ndone_notes:\n  a: \"open\n",
        items: Vec::new(),
        tail: "\"\n",
    };
    assert!(read_month_part(&pieces).is_none());
    let closed = Pieces {
        head: "month: 2026-11\n",
        items: Vec::new(),
        tail: "status: approved\n",
    };
    let month = read_month_part(&closed).unwrap();
    assert!(month.status.is_some() && month.month.is_some());
}

#[test]
fn an_items_key_written_twice_is_not_read_in_pieces() {
    let item = "  - id: a\n    title: {ar: أ, en: A}\n    publish: 2026-11-02T10:00\n    \
                platforms: [x]\n    format: image\n    owner: sara\n    status: drafted\n";
    let name = Path::new("calendar/2026-11.yaml");
    for head in ["\"items\": []\n", "month: 2026-11\n? items\n: []\n"] {
        let text = format!("{head}items:\n{item}");
        let whole = crate::plan::load::decode_month(name, text.clone().into_bytes());
        assert!(whole.is_none(), "{text}");
        assert!(read(name, &text).is_none(), "{text}");
    }
    let once = format!("month: 2026-11\nitems:\n{item}");
    assert_eq!(read(name, &once).unwrap().items.len(), 1);
}
