//! The input limits, in one place: the readers keep to them and the
//! problems name them, so neither needs the other.

use std::time::Duration;

/// Most bytes read from one input (a file, standard input, a pipe):
/// 256 MiB. Past it the rest is left unread and a warning names the input.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Most bytes read from a folder's `corpus.toml` (a manifest is a few
/// kilobytes; past this it is ignored with a warning).
pub const MAX_MANIFEST_BYTES: u64 = 4 * 1024 * 1024;

/// Deepest folder read inside a folder named on the command line; deeper
/// folders are skipped with a warning.
pub const MAX_DEPTH: usize = 64;

/// How long a pipe or device named on the command line may send nothing
/// before it is given up (with what had arrived kept).
pub const STALL: Duration = Duration::from_secs(30);
