//! Importing the CSV files platforms export into two canonical tables:
//! **posts** (one published post and its totals) and **account days** (one
//! day of one account). Files are decoded (UTF-8, UTF-8 with BOM, UTF-16
//! with `sep=,` and a title line), recognised by their header, and streamed,
//! so a file of any size is read in bounded memory. Every cell that cannot
//! be read becomes a located [`Problem`] and a missing value — never a zero.

pub mod accounts;
pub mod ads;
pub mod by_hand;
pub mod chunked;
mod counts;
mod date_order;
mod decode;
pub mod findings;
pub mod folder;
pub mod followers;
pub mod formats;
mod halves;
mod import;
pub mod inventory;
mod mapping;
pub mod measures;
pub mod peers;
mod problems;
pub mod quirks;
mod reader;
mod shapes;
mod stubs;
pub mod summary;
mod tables;
pub mod values;

pub use folder::import_dir;
pub use import::{import, import_file};

pub use problems::{Decision, Problem};

pub(crate) use counts::impressions_of;
pub use counts::{Counts, Pair, PostCounts, PostTotals, Sum};
pub use stubs::{PostStub, Stubs};
pub use tables::{
    Day, ExportFile, HandFile, HandPost, Imported, Inquiry, Options, Post, PostDay, Source,
};
