//! Running voices under strace and reading the trace for writes and sockets.

use std::path::Path;
use std::process::Command;

/// The calls that could leave a trace on disk or reach the network.
pub const TRACED: &str =
    "trace=openat,open,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,socket,connect";

/// Whether strace can trace here; the reason when it cannot.
pub fn strace_available() -> Result<(), String> {
    if !cfg!(target_os = "linux") {
        return Err("strace tracing is Linux-only".into());
    }
    match Command::new("strace").args(["-f", "-qq", "-e", "trace=none", "true"]).output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!("strace cannot trace here: {}", String::from_utf8_lossy(&out.stderr).trim())),
        Err(_) => Err("strace is not installed (.ci/run installs it)".into()),
    }
}

/// `strace … voices` with a fresh HOME and a clean XDG environment.
pub fn traced_command(log: &Path, voices: &Path, home: &Path) -> Command {
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-qq", "-e", TRACED, "-o"])
        .arg(log)
        .arg(voices)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_STATE_HOME");
    cmd
}

/// Every problem in a trace: a file opened for writing (other than paths
/// starting with one of `terminals`), any create, rename, unlink or mkdir,
/// any socket or connect. Failed calls (`= -1`) count too: they show intent.
pub fn check_trace(trace: &str, terminals: &[&str]) -> Result<(), String> {
    let mut problems = Vec::new();
    for line in trace.lines() {
        let call = line.split_whitespace().nth(1).unwrap_or("");
        let name = call.split('(').next().unwrap_or("");
        let path = line.split('"').nth(1).unwrap_or("");
        let writes = line.contains("O_WRONLY") || line.contains("O_RDWR") || line.contains("O_CREAT");
        let bad = match name {
            "open" | "openat" => writes && !terminals.iter().any(|t| path.starts_with(t)),
            "creat" | "rename" | "renameat" | "renameat2" | "unlink" | "unlinkat" | "mkdir" | "mkdirat" => true,
            "socket" | "connect" => true,
            _ => false,
        };
        if bad {
            problems.push(line.to_string());
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}
