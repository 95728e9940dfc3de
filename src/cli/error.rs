//! How a command ends: its exit status, or the error that stopped it.

/// Exit status of a command that did what was asked and found nothing wrong.
pub(crate) const SUCCESS: u8 = 0;
/// Exit status when the plan has problems (`plan validate`).
pub(crate) const PROBLEMS: u8 = 1;
/// Exit status when the command could not run, for whatever reason.
pub(crate) const COULD_NOT_RUN: u8 = 2;

/// Why a command stopped before it finished.
#[derive(Debug)]
pub(crate) enum Error {
    /// The command line asks for something the plan cannot give (an unknown
    /// person, two periods at once...): said in the reader's language, with
    /// a pointer to `--help`.
    Usage(String),
    /// Something outside the command line failed: an unreadable plan or
    /// exports folder, an output file that cannot be written.
    Run(anyhow::Error),
}

/// What a command returns: its exit status, or why it stopped.
pub(crate) type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The exit status this error ends the process with.
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Run(_) => COULD_NOT_RUN,
        }
    }

    /// Whether the error is only a closed pipe (`khairukum tasks | head`),
    /// which is no failure.
    pub(crate) fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Usage(_) => false,
            Error::Run(err) => err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage(message) => f.write_str(message),
            Error::Run(err) => write!(f, "{err:#}"),
        }
    }
}

impl From<anyhow::Error> for Error {
    fn from(err: anyhow::Error) -> Self {
        Error::Run(err)
    }
}

/// The library's errors (and the few of other crates a command meets) all
/// stop a command in the same way.
macro_rules! run_errors {
    ($($error:ty),* $(,)?) => {$(
        impl From<$error> for Error {
            fn from(err: $error) -> Self {
                Error::Run(err.into())
            }
        }
    )*};
}

run_errors!(
    std::io::Error,
    serde_json::Error,
    khairukum::plan::git::GitError,
    khairukum::plan::load::LoadError,
    khairukum::plan::init::InitError,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_and_run_errors_end_with_could_not_run() {
        assert_eq!(Error::Usage("x".into()).exit_code(), COULD_NOT_RUN);
        let io = std::io::Error::other("disk full");
        assert_eq!(Error::from(io).exit_code(), COULD_NOT_RUN);
    }

    #[test]
    fn only_a_broken_pipe_is_a_broken_pipe() {
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert!(Error::from(anyhow::Error::from(pipe).context("writing")).is_broken_pipe());
        assert!(!Error::from(std::io::Error::other("no")).is_broken_pipe());
        assert!(!Error::Usage("broken pipe".into()).is_broken_pipe());
    }
}
