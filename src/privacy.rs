//! What voices does so it leaves no trace on a shared computer. It writes
//! no file and opens no socket by construction (there is no code that does);
//! this module covers what the operating system would otherwise do for us.

/// Turns off core dumps for this process, so a crash never writes the
/// documents being read (they are in memory) to disk.
#[allow(unsafe_code)] // setrlimit has no safe wrapper in libc; the block says why it is sound.
pub fn disable_core_dumps() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: setrlimit reads a valid, initialised rlimit struct.
        if unsafe { libc::setrlimit(libc::RLIMIT_CORE, &limit) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[cfg(unix)]
    #[test]
    #[allow(unsafe_code)] // getrlimit, to read the limit back.
    fn core_dumps_are_off_afterwards() {
        super::disable_core_dumps().unwrap();
        let mut limit = libc::rlimit { rlim_cur: 1, rlim_max: 1 };
        // SAFETY: getrlimit writes into a valid rlimit struct.
        assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) }, 0);
        assert_eq!((limit.rlim_cur, limit.rlim_max), (0, 0));
    }
}
