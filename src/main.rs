//! The `khairukum` binary: parse arguments, run one command, exit.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
