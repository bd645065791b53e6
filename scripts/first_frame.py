#!/usr/bin/env python3
# Time to first frame of the real binary in a pseudo-terminal: from exec until the article's
# first words are on the screen (their bytes in the output), median of N runs.
# usage: cargo build --release && python3 scripts/first_frame.py FILE "first words" [N=20]
import os, pty, select, statistics, sys, time, signal, struct, fcntl, termios

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXE = os.path.join(ROOT, "target/release/hearsay")

def once(path, needle):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = "/tmp/hearsay-first-frame"
        os.makedirs("/tmp/hearsay-first-frame", exist_ok=True)
        os.execv(EXE, [EXE, path])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    t0 = time.perf_counter()
    out = b""
    took = None
    while time.perf_counter() - t0 < 10:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        out += data
        if needle in out.replace(b"\x1b", b" "):
            took = time.perf_counter() - t0
            break
    os.write(fd, b"q")
    time.sleep(0.05)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return took

path, needle = sys.argv[1], sys.argv[2].encode()
n = int(sys.argv[3]) if len(sys.argv) > 3 else 20
times = [once(path, needle) for _ in range(n)]
ok = [t for t in times if t is not None]
print(f"{len(ok)}/{n} runs drew it; median {statistics.median(ok)*1000:.1f} ms, "
      f"min {min(ok)*1000:.1f} ms, max {max(ok)*1000:.1f} ms")
