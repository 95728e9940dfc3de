//! The command-line definition, and nothing else.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "khairukum",
    version,
    about = "Plan-as-code for a charity's social media: validate the plan, list who does what, measure the month.",
    after_help = "Examples:\n  khairukum plan validate\n  khairukum plan validate --plan path/to/plans --format github"
)]
pub struct Cli {
    /// The plan folder [default: ./plans]
    #[arg(long, global = true, env = "KHAIRUKUM_PLAN", value_name = "DIR")]
    pub plan: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Work with the plan folder itself
    #[command(subcommand)]
    Plan(PlanCommand),
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Check every plan file and report all problems, located at file:line:column
    #[command(
        after_help = "Exit status: 0 clean (warnings allowed), 1 problems found, 2 could not run.\n\nExamples:\n  khairukum plan validate\n  khairukum plan validate --format sarif > plan.sarif\n  khairukum plan validate --deny warnings"
    )]
    Validate(ValidateArgs),
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Output format [default: github when GITHUB_ACTIONS=true, else human]
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,

    /// Treat warnings as errors for the exit status
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<DenyLevel>,

    /// When to colour the human format
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Source lines with the problem marked
    Human,
    /// One JSON object per finding, with a summary
    Json,
    /// GitHub Actions annotations
    Github,
    /// SARIF 2.1.0
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    Warnings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
