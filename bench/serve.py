"""Load on the loopback: the production server with two workers, about 50 clients at once.

Starts `jdhotline.web:app` under a production server on 127.0.0.1 (a free port), sends a
bounded number of requests (10,000 by default) of realistic problems from
bench/corpus.yaml, half to the JSON API and half to the page, from 50 clients with
keep-alive connections (two client processes of 25 threads, so that the client's own
interpreter lock does not cap the figure), and prints throughput, p50, p99 and errors.
Then the time of one answer inside the app (`which` JSON, shipped catalogue, no server).

    python bench/serve.py [--server gunicorn|waitress] [--requests 10000] [--clients 50]

Targets (issue 23): >= 500 answers a second, p99 <= 100 ms, 0 errors; one answer in
the app <= 2 ms median. The client shares the machine's two cores with the server, so
the figures are a floor for a server with the machine to itself.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import yaml

ROOT = Path(__file__).resolve().parent.parent
AT = "2026-12-07T20:00"  # a pinned moment: every run answers the same questions


def problems() -> list[tuple[str, str]]:
    """The corpus's problems that have an answer: the others are refused (400), rightly
    (tests check that), and a refusal is not what a load test should count."""
    from wsgiref.util import setup_testing_defaults

    from jdhotline.web.wsgi import make_app

    app = make_app()
    cases = yaml.safe_load((ROOT / "bench" / "corpus.yaml").read_text(encoding="utf-8"))
    found = []
    for case in cases:
        text, user = case["text"], case.get("user") or "regular"
        environ: dict = {}
        setup_testing_defaults(environ)
        environ["PATH_INFO"] = "/api/v1/which"
        environ["QUERY_STRING"] = urlencode({"q": text, "who": user, "at": AT})
        status: list[str] = []
        app(environ, lambda s, headers, status=status: status.append(s))
        if status[0].startswith("200"):
            found.append((text, user))
    return found


def paths(count: int, found: list[tuple[str, str]]) -> list[str]:
    out = []
    for i in range(count):
        text, user = found[i % len(found)]
        query = urlencode({"q": text, "who": user, "at": AT, "lang": "zh" if i % 3 else "en"})
        out.append(("/api/v1/which?" if i % 2 else "/?") + query)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(server: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    bindir = Path(sys.executable).parent
    if server == "waitress":
        # One process: waitress serves with threads, and its reading and writing run in
        # its own loop, so a slow client holds no worker thread.
        command = [
            str(bindir / "waitress-serve"), "--listen", f"127.0.0.1:{port}",
            f"--threads={workers}", "jdhotline.web:app",
        ]  # fmt: skip
    else:
        command = [
            str(bindir / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
            "--worker-class", "gthread", "--threads", "4", "--keep-alive", "5",
            "--log-level", "warning", "jdhotline.web:app",
        ]  # fmt: skip
    if not Path(command[0]).exists():
        sys.exit(f"{command[0]} is not installed: pip install -e '.[serve]' (and gunicorn)")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                pass
            # One real answer, so the workers have loaded the catalogue before the clock runs.
            for _ in range(workers * 2):
                get(port, "/api/v1/which?q=fridge")
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    sys.exit("the server did not start within 30 s")


def get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def client_process(
    port: int, work: list[str], threads: int, results: multiprocessing.Queue
) -> None:
    """``threads`` clients, each with one keep-alive connection, sharing ``work``."""
    lock = threading.Lock()
    queue = list(reversed(work))
    times: list[float] = []
    errors: list[str] = []

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while True:
            with lock:
                if not queue:
                    break
                path = queue.pop()
            start = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors.append(str(response.status))
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            except (OSError, http.client.HTTPException) as exc:
                errors.append(type(exc).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            times.append(time.perf_counter() - start)
        connection.close()

    pool = [threading.Thread(target=client) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    results.put((times, errors))


def load(port: int, work: list[str], clients: int) -> tuple[float, list[float], list[str]]:
    processes = 2
    results: multiprocessing.Queue = multiprocessing.Queue()
    shares = [work[i::processes] for i in range(processes)]
    started = time.perf_counter()
    pool = [
        multiprocessing.Process(
            target=client_process, args=(port, share, clients // processes, results)
        )
        for share in shares
    ]
    for process in pool:
        process.start()
    times: list[float] = []
    errors: list[str] = []
    for _ in pool:
        t, e = results.get(timeout=600)
        times += t
        errors += e
    elapsed = time.perf_counter() - started
    for process in pool:
        process.join()
    return elapsed, times, errors


def in_app(found: list[tuple[str, str]], runs: int = 400) -> float:
    """The median time of one `which` JSON answer inside the app, in milliseconds."""
    from wsgiref.util import setup_testing_defaults

    from jdhotline.web.wsgi import make_app

    app = make_app()
    samples = []
    for i in range(runs):
        environ: dict = {}
        setup_testing_defaults(environ)
        text, user = found[i % len(found)]
        environ["PATH_INFO"] = "/api/v1/which"
        environ["QUERY_STRING"] = urlencode({"q": text, "who": user, "at": AT})
        start = time.perf_counter()
        b"".join(app(environ, lambda status, headers: None))
        samples.append(time.perf_counter() - start)
    return statistics.median(samples[runs // 10 :]) * 1000  # the first tenth warms up


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", choices=("gunicorn", "waitress"), default="gunicorn")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    found = problems()
    work = paths(args.requests, found)
    port = free_port()
    os.environ.setdefault("JDHOTLINE_HOME", str(ROOT / ".bench-home-unused"))
    server = start(args.server, port, args.workers)
    try:
        elapsed, times, errors = load(port, work, args.clients)
    finally:
        server.terminate()
        server.wait(timeout=10)
    shutil.rmtree(ROOT / ".bench-home-unused", ignore_errors=True)
    times.sort()
    p50 = times[len(times) // 2] * 1000
    p99 = times[int(len(times) * 0.99) - 1] * 1000
    print(f"server      {args.server}, {args.workers} workers, 127.0.0.1:{port}")
    print(
        f"requests    {len(times)} from {args.clients} clients (half API, half page), "
        f"{len(found)} problems"
    )
    print(f"throughput  {len(times) / elapsed:.0f} answers/s ({elapsed:.1f} s)")
    print(f"latency     p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    print(f"errors      {len(errors)}" + (f" ({sorted(set(errors))})" if errors else ""))
    print(f"in the app  {in_app(found):.2f} ms median, one `which` JSON answer")


if __name__ == "__main__":
    main()
