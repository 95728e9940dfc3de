//! The `khairukum` binary: parse arguments, run one command, exit.

mod app;
mod cli;

fn main() -> std::process::ExitCode {
    app::main()
}
