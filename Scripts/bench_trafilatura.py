#!/usr/bin/env python3
"""Times trafilatura.extract on every page of a directory, single-threaded, pages held in memory.

Usage: bench_trafilatura.py DIR [REPEAT]
Prints one line: pages, wall seconds, CPU seconds, pages/s (wall and CPU), MB/s (wall).
"""
import glob
import os
import sys
import time

import trafilatura


def main():
    directory = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    files = sorted(glob.glob(os.path.join(directory, "*.html")) + glob.glob(os.path.join(directory, "*.htm")))
    pages = [open(path, "rb").read() for path in files]
    size = sum(len(page) for page in pages)
    trafilatura.extract(pages[0])  # warm-up: imports and caches
    wall = time.perf_counter()
    cpu = time.process_time()
    characters = 0
    for _ in range(repeat):
        for page in pages:
            characters += len(trafilatura.extract(page) or "")
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    count = len(pages) * repeat
    print(f"pages {count}  seconds {wall:.3f}  cpu-seconds {cpu:.3f}  pages/s {count / wall:.1f}  "
          f"cpu-pages/s {count / cpu:.1f}  MB/s {size * repeat / wall / 1e6:.2f}  text-chars {characters}")


if __name__ == "__main__":
    main()
