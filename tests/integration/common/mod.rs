//! Helpers shared by integration tests.

pub mod strace;

#[path = "../../../benches/support/pdf_gen.rs"]
mod pdf_gen;

pub use pdf_gen::pdf_from_objects;
