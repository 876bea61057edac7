#!/usr/bin/env python3
"""Lookups at a trickle, the way machines ask: a new connection per request, paced.

    bench/lookups.py PORT MACFILE [--rate 20] [--seconds 20] [--touch FILE --touch-every 5]

Asks GET /unattended/iPXE?mac=<m> for MACs from MACFILE (one a line, in a random order), RATE a second for SECONDS;
the first request is timed on its own (the first lookup after start). With --touch, FILE (a host file) gets a new
modification time every --touch-every seconds meanwhile: an operator's edit, which must not hold lookups up.
Prints one line: first=<ms> n=<count> p50=<ms> p99=<ms> max=<ms> errors=<count>
"""
import argparse
import http.client
import os
import random
import time


def ask(port, path):
    t = time.perf_counter()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        c.request("GET", path)
        r = c.getresponse()
        r.read()
        status = r.status
    finally:
        c.close()
    return (time.perf_counter() - t) * 1000, status


def main():
    p = argparse.ArgumentParser()
    p.add_argument("port", type=int)
    p.add_argument("macfile")
    p.add_argument("--rate", type=float, default=20)
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--touch")
    p.add_argument("--touch-every", type=float, default=5)
    a = p.parse_args()
    macs = [line.strip() for line in open(a.macfile) if line.strip()]
    rnd = random.Random(15)
    first, _ = ask(a.port, "/unattended/iPXE?mac=" + rnd.choice(macs))
    lat, errors = [], 0
    start = time.time()
    nxt = start
    next_touch = start + a.touch_every
    while time.time() - start < a.seconds:
        nxt += 1.0 / a.rate
        ms, status = ask(a.port, "/unattended/iPXE?mac=" + rnd.choice(macs))
        lat.append(ms)
        errors += status != 200
        if a.touch and time.time() >= next_touch:
            os.utime(a.touch)
            next_touch += a.touch_every
        d = nxt - time.time()
        if d > 0:
            time.sleep(d)
    lat.sort()
    pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]
    print(f"first={first:.2f} n={len(lat)} p50={pct(0.5):.2f} p99={pct(0.99):.2f} max={lat[-1]:.2f} errors={errors}")


if __name__ == "__main__":
    main()
