//! Every catchable signal whose default would end voices puts the
//! terminal back first. Two kinds, handled two ways:
//!
//! * Signals sent to end it (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1,
//!   SIGUSR2, SIGALRM and the rest of [`quick_exit_signals`]) are a quick
//!   exit, as Esc Esc is: a thread of their own asks the loop to leave
//!   and, if it is busy, does the quick exit itself ([`terminal::quick_exit_soon`]).
//! * Crashes (SIGABRT, which an allocation failure, a stack overflow or a
//!   double panic end in, and SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP,
//!   SIGSYS) cannot wait for a thread: the process dies when the handler
//!   returns. The handler restores the terminal itself with async-signal-safe
//!   calls only, says what happened in one line, and lets the signal take
//!   its course: the previous handler for a real fault (Rust's own, which
//!   reports a stack overflow), else the default action.
//!
//! SIGKILL and SIGSTOP cannot be caught; the README says what to type then.
//! SIGPIPE is ignored by the Rust runtime, so it ends nothing.

use std::io;
use std::sync::OnceLock;

use libc::c_int;

use super::terminal;
use crate::strings;

/// The signals whose default is to end the process and that mean "stop"
/// rather than a fault: each is a quick exit.
pub fn quick_exit_signals() -> Vec<c_int> {
    let mut signals = vec![
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGTERM,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGXCPU,
        libc::SIGXFSZ,
    ];
    // Linux's own, and its real-time signals (glibc keeps the first two).
    #[cfg(target_os = "linux")]
    {
        signals.extend([libc::SIGIO, libc::SIGPWR, libc::SIGSTKFLT]);
        signals.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    signals
}

/// The signals a crash arrives as, with their names for the note.
pub const CRASH_SIGNALS: [(c_int, &str); 7] = [
    (libc::SIGABRT, "SIGABRT"),
    (libc::SIGSEGV, "SIGSEGV"),
    (libc::SIGBUS, "SIGBUS"),
    (libc::SIGILL, "SIGILL"),
    (libc::SIGFPE, "SIGFPE"),
    (libc::SIGTRAP, "SIGTRAP"),
    (libc::SIGSYS, "SIGSYS"),
];

/// Routes the quick-exit signals to a thread of their own; once per process.
pub fn watch_quick_exit_signals() -> io::Result<()> {
    static WATCHING: OnceLock<()> = OnceLock::new();
    if WATCHING.get().is_some() {
        return Ok(());
    }
    let mut signals = signal_hook::iterator::Signals::new(quick_exit_signals())?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if signals.forever().next().is_some() {
            terminal::quick_exit_soon();
        }
    })?;
    let _ = WATCHING.set(());
    Ok(())
}

/// A crash signal's handler before ours, and the note written when it
/// arrives (made beforehand: a signal handler cannot format).
struct Crash {
    signal: c_int,
    previous: libc::sigaction,
    note: String,
}

static CRASHES: OnceLock<Vec<Crash>> = OnceLock::new();

/// Installs the crash handler for [`CRASH_SIGNALS`] (not for one the
/// parent process set to be ignored); once per process.
#[allow(unsafe_code)] // sigaction(2); each block says why it is sound.
pub fn guard_crashes() -> io::Result<()> {
    if CRASHES.get().is_some() {
        return Ok(());
    }
    let mut crashes = Vec::new();
    for (signal, name) in CRASH_SIGNALS {
        // SAFETY: sigaction is plain old data; all zeroes is a valid value
        // (SIG_DFL, no flags), which the call below overwrites.
        let mut previous: libc::sigaction = unsafe { std::mem::zeroed() };
        // SAFETY: a null new action only reads the current one into `previous`.
        if unsafe { libc::sigaction(signal, std::ptr::null(), &mut previous) } != 0 {
            return Err(io::Error::last_os_error());
        }
        if previous.sa_sigaction != libc::SIG_IGN {
            crashes.push(Crash { signal, previous, note: format!("{}\n", strings::crashed(name)) });
        }
    }
    let crashes = CRASHES.get_or_init(|| crashes);
    // SAFETY: as above; the mask is then emptied by sigemptyset.
    let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
    action.sa_sigaction = on_crash as extern "C" fn(c_int, *mut libc::siginfo_t, *mut libc::c_void) as usize;
    // On the alternate stack: a stack overflow arrives as SIGSEGV on a
    // stack with no room left.
    action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
    // SAFETY: `action.sa_mask` is a valid sigset_t to initialise.
    unsafe { libc::sigemptyset(&mut action.sa_mask) };
    for crash in crashes {
        // SAFETY: `action` is fully initialised and `on_crash` only makes
        // async-signal-safe calls.
        if unsafe { libc::sigaction(crash.signal, &action, std::ptr::null_mut()) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// The crash handler: restore the terminal, say so, then let the signal
/// end the process as it would have.
#[allow(unsafe_code)] // sigaction(2), raise(3) and reading siginfo in a signal handler; each block says why.
extern "C" fn on_crash(signal: c_int, info: *mut libc::siginfo_t, _context: *mut libc::c_void) {
    let crash = CRASHES.get().and_then(|crashes| crashes.iter().find(|c| c.signal == signal));
    if terminal::restore_in_signal_handler()
        && let Some(crash) = crash
    {
        terminal::write_all_raw(libc::STDERR_FILENO, crash.note.as_bytes());
    }
    // SAFETY: with SA_SIGINFO the kernel passes a valid siginfo_t (checked
    // for null all the same). A code above zero is a real fault; zero or
    // below, a signal sent by kill, raise or abort.
    let fault = !info.is_null() && unsafe { (*info).si_code } > 0;
    let handled =
        |action: &libc::sigaction| action.sa_sigaction != libc::SIG_DFL && action.sa_sigaction != libc::SIG_IGN;
    match crash.map(|c| &c.previous) {
        // The faulting instruction runs again and reaches the previous
        // handler (Rust's reports a stack overflow, then aborts).
        Some(previous) if fault && handled(previous) => {
            // SAFETY: `previous` is the action sigaction returned for this
            // signal, unchanged.
            unsafe { libc::sigaction(signal, previous, std::ptr::null_mut()) };
        }
        // The default action: raised now, it is delivered as this handler
        // returns (the signal is blocked until then).
        _ => {
            // SAFETY: as in guard_crashes: a zeroed sigaction is SIG_DFL.
            let default: libc::sigaction = unsafe { std::mem::zeroed() };
            // SAFETY: `default` is a valid action; raise only sends a signal.
            unsafe {
                libc::sigaction(signal, &default, std::ptr::null_mut());
                libc::raise(signal);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_signal_is_both_a_quick_exit_and_a_crash() {
        let quick = quick_exit_signals();
        for (signal, name) in CRASH_SIGNALS {
            assert!(!quick.contains(&signal), "{name}");
        }
        for forbidden in signal_hook::consts::FORBIDDEN {
            assert!(!quick.contains(forbidden), "signal-hook cannot take {forbidden}");
        }
        assert!(!quick.contains(&libc::SIGPIPE), "SIGPIPE is ignored by the Rust runtime");
    }
}
