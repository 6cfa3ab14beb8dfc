#!/usr/bin/env python3
"""measure.py OUT.json CMD...: runs CMD and writes its wall time, the CPU of it and every
process it waited for (user + system), its peak RSS (largest single process), and the CPU
time of its busiest thread (sampled from /proc every 10 ms; a thread's last 10 ms may be
missed) as JSON to OUT.json. Exits with CMD's status."""
import json, os, subprocess, sys, time

out, cmd = sys.argv[1], sys.argv[2:]
tick = os.sysconf("SC_CLK_TCK")
start = time.monotonic()
process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
threads = {}
while True:
    pid, status, usage = os.wait4(process.pid, os.WNOHANG)
    if pid:
        break
    try:
        for tid in os.listdir(f"/proc/{process.pid}/task"):
            try:
                fields = open(f"/proc/{process.pid}/task/{tid}/stat").read().rsplit(")", 1)[1].split()
                threads[tid] = (int(fields[11]) + int(fields[12])) / tick
            except OSError:
                pass
    except OSError:
        pass
    time.sleep(0.01)
wall = time.monotonic() - start
json.dump({
    "wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
    "busiest_thread": max(threads.values(), default=0.0),
    "status": os.waitstatus_to_exitcode(status),
}, open(out, "w"))
sys.exit(os.waitstatus_to_exitcode(status))
