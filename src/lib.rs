//! voices: read news coverage and reports by *who said what*.
//!
//! The crate is split the way the data flows, so each stage can be tested
//! without a terminal:
//!
//! * [`documents`] turns untrusted bytes (embedded seeds, files, folders, stdin)
//!   into sanitised documents made of paragraphs, plus the optional manifest.
//! * [`extract`] finds statements in one document's paragraphs and resolves
//!   who made them. It is pure: text in, statements out.
//! * [`corpus`] merges per-document speakers into corpus-wide speakers and
//!   applies the manifest's names, so every front end sees one model;
//!   [`loading`] builds it, on every core.
//! * [`output`] (plain, JSON) and the TUI ([`app`], [`keymap`], [`ui`]) are
//!   views over that model.
//! * [`generate`] writes the man page and shell completions for packaging.

pub mod allocator;
pub mod app;
pub mod ascii_run;
pub mod cli;
pub mod content;
pub mod corpus;
pub mod documents;
pub mod extract;
#[cfg(test)]
mod fixture;
pub mod generate;
pub mod keymap;
pub mod loading;
pub mod notes;
pub mod output;
pub mod privacy;
pub mod speakers;
pub mod strings;
pub mod tui;
pub mod ui;
