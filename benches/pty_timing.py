#!/usr/bin/env python3
"""Time a terminal program in a pseudo-terminal, as a person would see it.

usage: pty_timing.py [--cols N] [--rows N] [--keys KEYS --until-after TEXT]
                     [--settle SECONDS] [--resize COLSxROWS] --until TEXT -- CMD [ARGS...]

Starts CMD in a pty of the given size, measures the time until TEXT first
appears in what it wrote (the first screen), then, if --keys is given, sends
the keys and measures the time until --until-after TEXT appears. With
--resize, the pty is resized (SIGWINCH) just before the keys are sent, so
the time includes the re-wrap; --settle waits that long first (reading
what the program writes meanwhile, as a terminal does). Used by
BENCHMARKS.md for `less` (the baseline) and for `voices` itself.
"""
import os, pty, select, sys, time, struct, fcntl, termios, signal


def main():
    args = sys.argv[1:]
    opts = {"--cols": "200", "--rows": "60", "--keys": None, "--until-after": None, "--until": None, "--settle": "0", "--resize": None}
    while args and args[0] != "--":
        key = args.pop(0)
        opts[key] = args.pop(0)
    cmd = args[1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", int(opts["--rows"]), int(opts["--cols"]), 0, 0))
    start = time.perf_counter()
    seen = b""

    def wait_for(text, deadline=30.0):
        nonlocal seen
        target = text.encode()
        begin = time.perf_counter()
        while target not in seen:
            if time.perf_counter() - begin > deadline:
                raise SystemExit(f"timed out waiting for {text!r}")
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    raise SystemExit(f"program ended before {text!r} appeared")
        return time.perf_counter()

    first = wait_for(opts["--until"]) - start
    print(f"first screen: {first * 1000:.1f} ms")
    if opts["--keys"]:
        # Keep reading while settling, as a terminal would: a program whose
        # writes fill the pty blocks, and a loading reader would then finish
        # its load only after the keys were sent.
        settle_end = time.perf_counter() + float(opts["--settle"])
        while time.perf_counter() < settle_end:
            if select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 65536)
        while select.select([fd], [], [], 0)[0]:
            os.read(fd, 65536)
        seen = b""
        sent = time.perf_counter()
        if opts["--resize"]:
            cols, rows = (int(n) for n in opts["--resize"].split("x"))
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.write(fd, opts["--keys"].encode())
        after = wait_for(opts["--until-after"]) - sent
        print(f"after keys {opts['--keys']!r}: {after * 1000:.1f} ms")
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)


if __name__ == "__main__":
    main()
