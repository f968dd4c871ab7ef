#!/usr/bin/env python3
"""Time the reader until a corpus is fully loaded, and its peak memory.

usage: tui_load_timing.py [--cols N] [--rows N] -- CMD [ARGS...]

Starts CMD in a detached tmux session of the given size (tmux keeps the
screen, so "Loading" leaving the status bar can be seen), polls the screen
every 20 ms, and prints the time until the status bar first shows a
"Loading" count and until it no longer does. It then reads the program's
peak resident memory (VmHWM) and CPU time from /proc (the whole process,
and its main thread, which draws and indexes: the part of the load that
does not spread over the cores) and ends the session. Needs tmux.
"""
import os, subprocess, sys, time, uuid


def cpu_seconds(stat_path):
    """utime + stime of a process or thread, from its /proc stat file."""
    with open(stat_path) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def main():
    args = sys.argv[1:]
    opts = {"--cols": "200", "--rows": "60"}
    while args and args[0] != "--":
        key = args.pop(0)
        opts[key] = args.pop(0)
    cmd = args[1:]
    session = f"voices-timing-{uuid.uuid4().hex[:8]}"
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", opts["--cols"], "-y", opts["--rows"], "--", *cmd)
    pid = tmux("list-panes", "-t", session, "-F", "#{pane_pid}").strip()
    seen_loading = None
    try:
        while True:
            screen = tmux("capture-pane", "-p", "-t", session)
            now = time.perf_counter() - start
            if "Loading" in screen and seen_loading is None:
                seen_loading = now
            elif seen_loading is not None and "Loading" not in screen and screen.strip():
                break
            if now > 120:
                raise SystemExit("timed out waiting for the load to finish")
            time.sleep(0.02)
        print(f"loading shown: {seen_loading * 1000:.0f} ms")
        print(f"fully loaded: {now * 1000:.0f} ms (polled every 20 ms)")
        print(f"CPU: {cpu_seconds(f'/proc/{pid}/stat'):.2f} s in all, "
              f"{cpu_seconds(f'/proc/{pid}/task/{pid}/stat'):.2f} s on the main thread")
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(("VmHWM", "VmRSS")):
                    print(line.strip())
    finally:
        tmux("kill-session", "-t", session)


if __name__ == "__main__":
    main()
