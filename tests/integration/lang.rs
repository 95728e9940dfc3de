//! The language of messages: `--lang`, else the locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`, in that order), else English.

use crate::common::*;

/// The summary line of `plan validate` on a plan with one unknown field,
/// run with the given environment and extra arguments.
fn summary(env: &[(&str, &str)], args: &[&str]) -> String {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    copy_dir(
        &root().join("tests/cases/unknown-field/plan"),
        &dir.path().join("plan"),
    );
    let mut command = command(dir.path());
    command
        .args(["plan", "validate", "--plan", "plan"])
        .args(args)
        .env_remove("LANG");
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    stdout.lines().last().unwrap_or_default().to_string()
}

const ENGLISH: &str = "1 error, 0 warnings in 8 files";
const ARABIC: &str = "خطأ واحد ولا تحذيرات في 8 ملفات";

#[test]
fn english_without_a_locale() {
    assert_eq!(summary(&[], &[]), ENGLISH);
}

#[test]
fn an_arabic_locale_gives_arabic() {
    assert_eq!(summary(&[("LANG", "ar_SA.UTF-8")], &[]), ARABIC);
    assert_eq!(
        summary(
            &[("LC_MESSAGES", "ar_SA.UTF-8"), ("LANG", "en_US.UTF-8")],
            &[]
        ),
        ARABIC
    );
}

#[test]
fn lc_all_comes_before_lang() {
    assert_eq!(
        summary(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "ar_SA.UTF-8")], &[]),
        ENGLISH
    );
}

#[test]
fn the_flag_comes_before_the_locale() {
    assert_eq!(
        summary(&[("LANG", "ar_SA.UTF-8")], &["--lang", "en"]),
        ENGLISH
    );
    assert_eq!(
        summary(&[("LANG", "en_US.UTF-8")], &["--lang", "ar"]),
        ARABIC
    );
}
