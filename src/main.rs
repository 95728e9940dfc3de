//! The `khairukum` binary: parse arguments, run one command, exit.

mod app;
mod app_report;
mod app_tasks;
mod cli;

/// Parsing a plan allocates many small strings on several threads; mimalloc
/// handles that markedly faster than the system allocator. Transparent huge
/// pages are off: they only inflated resident memory here.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    app::main()
}
