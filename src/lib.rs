//! Parallax: read several news articles about one story side by side and
//! find where they disagree — with each other, with the calendar, or with a
//! dated knowledge base of who held which office when.
//!
//! The pipeline runs one way: [`ingest`] reads files into [`model::Article`]s,
//! [`text`] splits sentences and words, [`extract`] finds mentions, [`kb`]
//! knows the dated facts, and [`analysis`] puts it together into one
//! [`analysis::Analysis`] value that every report and the terminal reader
//! ([`tui`], the only module that knows about terminals) reads.

pub mod align;
pub mod analysis;
pub mod detect;
pub mod extract;
pub mod fetch;
pub mod files;
pub mod ingest;
pub mod kb;
pub mod lexicon;
pub mod model;
pub mod par;
pub mod report;
pub mod review;
pub mod samples;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;
