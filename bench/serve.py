"""Load on the loopback: the production server with two workers, about 50 clients at once.

Starts `jdhotline.web:app` under a production server on 127.0.0.1 (a free port), sends a
bounded number of requests (10,000 by default) of realistic problems from
bench/corpus.yaml, half to the JSON API and half to the page, from 50 clients with
keep-alive connections, and prints throughput, p50, p99 and errors. Then the time of
one answer inside the app (`which` JSON, shipped catalogue, no server).

The 50 clients are two processes, each driving 25 sockets with a selector, the requests
encoded before the clock starts and each response read by its Content-Length: the
clients share the two cores with the server, and the earlier client (http.client, two
processes of 25 threads) took 300 us of CPU a request beside the server's 1.3 ms; this
one takes about 90 us (`--client http` runs the earlier one, to compare). Each client
still sends its next request only when its answer is whole, and every request counts,
a failed one too, with its time.

    python bench/serve.py [--server gunicorn|waitress] [--requests 10000] [--clients 50]
                          [--client lean|http]

Targets (issue 23): >= 500 answers a second, p99 <= 100 ms, 0 errors; one answer in
the app <= 2 ms median. The client shares the machine's two cores with the server, so
the figures are a floor for a server with the machine to itself.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import selectors
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
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
        # The settings docs/web.md gives for many users (gthread, 4 threads, a listening
        # socket a worker, the collector frozen after the app is made).
        command = [
            str(bindir / "gunicorn"), "-c", "python:jdhotline.web.gunicorn_conf",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "jdhotline.web:app",
        ]  # fmt: skip
    if not Path(command[0]).exists():
        sys.exit(f"{command[0]} is not installed: pip install -e '.[serve]' (and gunicorn)")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                pass
            # Real answers, so that every worker has made the app before the clock runs:
            # the kernel gives each new connection to a worker by its address, so 8 a
            # worker miss one with a chance of 2^-15 (two workers).
            for _ in range(workers * 8):
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


class Client:
    """One client: a keep-alive connection and the request it waits on."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = bytearray()
        self.need = -1  # the whole response's length, once its head is read
        self.close = False  # the server said Connection: close
        self.sent = 0.0


def load(
    port: int, work: list[str], clients: int, kind: str = "lean", processes: int = 2
) -> tuple[float, list[float], list[str]]:
    """``clients`` keep-alive connections, shared by ``processes`` client processes:
    the lean client (`drive`), or http.client in threads (`threaded`, the one before).

    Two processes, not one: on a busy machine a single client process waits its turn
    for the CPU while answers pile up in its sockets and the server idles (measured at
    load average 13-15: one process 296-395 answers a second, two 433-532)."""
    if kind == "http":
        shares: list[Any] = [work[i::processes] for i in range(processes)]
        target: Callable[..., None] = threaded
    else:
        requests = [f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode() for path in work]
        shares, target = [requests[i::processes] for i in range(processes)], drive
    results: multiprocessing.Queue = multiprocessing.Queue()
    started = time.perf_counter()
    pool = [
        multiprocessing.Process(
            target=target, args=(port, share, len(range(i, clients, processes)), results)
        )
        for i, share in enumerate(shares)
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


def threaded(port: int, work: list[str], threads: int, results: multiprocessing.Queue) -> None:
    """The client before the lean one, kept to compare: ``threads`` clients, each with
    one keep-alive http.client connection, sharing ``work`` (300 us of CPU a request)."""
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


def drive(port: int, requests: list[bytes], clients: int, results: multiprocessing.Queue) -> None:
    """``clients`` keep-alive connections in one process, driven by one selector.

    The requests come encoded, and a response is read by its Content-Length, not
    parsed: every microsecond the clients spend on the two cores is one the server
    does not get. A client waits at most 10 s for an answer; a timeout, a dropped
    connection and a status other than 200 are errors."""
    pending = list(reversed(requests))
    selector = selectors.DefaultSelector()
    times: list[float] = []
    errors: list[str] = []
    live = 0

    def send(client: Client) -> None:
        nonlocal live
        if not pending:
            client.sock.close()
            live -= 1
            return
        client.buffer.clear()
        client.need = -1
        client.sent = time.perf_counter()
        client.sock.sendall(pending.pop())
        selector.register(client.sock, selectors.EVENT_READ, client)

    def renew(client: Client, error: str) -> None:
        times.append(time.perf_counter() - client.sent)  # a failed request counts too
        errors.append(error)
        selector.unregister(client.sock)
        client.sock.close()
        send(Client(port))

    for _ in range(clients):
        live += 1
        send(Client(port))
    while live:
        for key, _ in selector.select(1.0):
            client: Client = key.data
            try:
                data = client.sock.recv(1 << 18)
            except OSError as exc:
                renew(client, type(exc).__name__)
                continue
            if not data:
                renew(client, "closed")
                continue
            client.buffer += data
            if client.need < 0:
                end = client.buffer.find(b"\r\n\r\n")
                if end < 0:
                    continue
                head = bytes(client.buffer[:end]).lower()
                at = head.find(b"\r\ncontent-length:") + 17
                if at < 17:  # every answer of the app has one
                    renew(client, "no Content-Length")
                    continue
                client.need = end + 4 + int(head[at : head.index(b"\r\n", at)])
                client.close = b"\r\nconnection: close" in head
            if len(client.buffer) < client.need:
                continue
            times.append(time.perf_counter() - client.sent)
            if not client.buffer.startswith(b"HTTP/1.1 200 "):
                errors.append(client.buffer[9:12].decode())
            selector.unregister(client.sock)
            if client.close:
                client.sock.close()
                client = Client(port)
            send(client)
        now = time.perf_counter()
        for key in list(selector.get_map().values()):
            if now - key.data.sent > 10:
                renew(key.data, "timeout")
    results.put((times, errors))


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


def loadavg() -> str:
    """The 1-minute load average: other work on the machine moves every figure here."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", choices=("gunicorn", "waitress"), default="gunicorn")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--client", choices=("lean", "http"), default="lean",
        help="lean: selectors, 90 us a request; http: http.client in threads, 300 us",
    )  # fmt: skip
    args = parser.parse_args()
    found = problems()
    work = paths(args.requests, found)
    port = free_port()
    os.environ.setdefault("JDHOTLINE_HOME", str(ROOT / ".bench-home-unused"))
    server = start(args.server, port, args.workers)
    before = loadavg()
    try:
        elapsed, times, errors = load(port, work, args.clients, args.client)
    finally:
        server.terminate()
        server.wait(timeout=10)
    shutil.rmtree(ROOT / ".bench-home-unused", ignore_errors=True)
    times.sort()
    p50 = times[len(times) // 2] * 1000
    p99 = times[int(len(times) * 0.99) - 1] * 1000
    print(f"server      {args.server}, {args.workers} workers, 127.0.0.1:{port}")
    print(
        f"requests    {len(times)} from {args.clients} {args.client} clients "
        f"(half API, half page), {len(found)} problems"
    )
    print(f"throughput  {len(times) / elapsed:.0f} answers/s ({elapsed:.1f} s)")
    print(f"latency     p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    print(f"errors      {len(errors)}" + (f" ({sorted(set(errors))})" if errors else ""))
    print(f"in the app  {in_app(found):.2f} ms median, one `which` JSON answer")
    print(f"machine     load average {before} before, {loadavg()} after (2 cores shared)")


if __name__ == "__main__":
    main()
