//! Process exit statuses, shared by every command.

/// Everything ran and nothing at or above the failure threshold was found.
pub const OK: u8 = 0;
/// The run completed but found what the user asked to fail on (findings, stale sentences).
pub const FINDINGS: u8 = 1;
/// Bad usage or bad input: nothing was written.
pub const ERROR: u8 = 2;
