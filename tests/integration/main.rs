//! Every integration test, in one binary: the crate is linked once, not
//! once per topic. Each module is a topic; `common` holds what several share.
//!
//!     cargo test --test integration            # all of them
//!     cargo test --test integration pty::      # one topic

mod cli;
mod common;
// The benches' corpus generator: the long document of the busy-loop tests.
#[path = "../../benches/support/corpus_gen.rs"]
mod corpus_gen;
mod faults;
mod formats;
mod hostile;
mod no_traces;
mod packaging;
mod properties;
mod pty;
mod reader_cli;
mod seed;
mod terminology;
