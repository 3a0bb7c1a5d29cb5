"""A local static server for the built site that serves the precompressed copies (.br, .gz)
written by precompression.py, as a host configured for them does, and the Cache-Control
rules of the site's ``_headers`` file (immutable runtime).

Used by `make serve` (which also rebuilds on every change, through Pelican's autoreload),
by the test server (tests/conftest.py) and by the benchmarks (bench/).

    python plugins/publication/serveur.py OUTPUT [--bind 127.0.0.1] [--port 8000] [-- PELICAN ARGS]

With PELICAN ARGS, runs ``pelican PELICAN ARGS --autoreload`` in the same process, the
server answering meanwhile.
"""

from __future__ import annotations

import argparse
import email.utils
import fnmatch
import http.server
import os
import sys
import threading

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".whl": "application/octet-stream",
    ".zip": "application/zip",
}
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted(header: str | None) -> set[str]:
    """Codings the request accepts (``q=0`` excluded)."""
    out = set()
    for part in (header or "").split(","):
        token, _, params = part.strip().partition(";")
        q = params.strip()
        if q.startswith("q="):
            try:
                if float(q[2:]) == 0:
                    continue
            except ValueError:
                continue
        if token:
            out.add(token.strip().lower())
    return out


def header_rules(directory: str) -> list[tuple[str, str, str]]:
    """(pattern, name, value) of the Cache-Control lines of ``_headers`` (Netlify format)."""
    rules, pattern = [], None
    try:
        with open(os.path.join(directory, "_headers"), encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                if not line[0].isspace():
                    pattern = line.strip()
                elif pattern and ":" in line:
                    name, value = line.strip().split(":", 1)
                    if name.lower() == "cache-control":
                        rules.append((pattern, name, value.strip()))
    except OSError:
        pass
    return rules


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    precompressed = True  # False: plain files only (to measure "before")

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def send_header(self, keyword, value):
        if keyword.lower() == "content-type":
            self._content_type = value
        super().send_header(keyword, value)

    def end_headers(self):
        url = self.path.split("?", 1)[0]
        cached = False
        for pattern, name, value in header_rules(self.directory):
            if fnmatch.fnmatch(url, pattern):
                self.send_header(name, value)
                cached = True
        if not cached and getattr(self, "_content_type", "").startswith("text/html"):
            # pages revalidated at each visit, as Netlify and Cloudflare Pages do by default
            # (the browser would otherwise keep an old page for a while after a rebuild)
            self.send_header("Cache-Control", "no-cache")
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # redirect to the slash
            path = os.path.join(path, "index.html")
        if self.precompressed and os.path.isfile(path):
            codings = accepted(self.headers.get("Accept-Encoding"))
            for coding, ext in ENCODINGS:
                if coding in codings and os.path.isfile(path + ext):
                    return self._send_encoded(path, path + ext, coding)
        return super().send_head()

    def _send_encoded(self, original: str, encoded: str, coding: str):
        f = open(encoded, "rb")
        try:
            st = os.fstat(f.fileno())
            mtime = int(os.stat(original).st_mtime)
            since = self.headers.get("If-Modified-Since")
            if since and not self.headers.get("If-None-Match"):
                try:
                    if email.utils.parsedate_to_datetime(since).timestamp() >= mtime:
                        f.close()
                        self.send_response(304)
                        self.end_headers()
                        return None
                except (TypeError, ValueError, OverflowError, IndexError):
                    pass
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(original))
            self.send_header("Content-Encoding", coding)
            self.send_header("Content-Length", str(st.st_size))
            self.send_header("Last-Modified", self.date_time_string(mtime))
            self.end_headers()
            return f
        except Exception:
            f.close()
            raise


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection mid-response (a page left, a cancelled
        # download) is normal traffic, not an error worth a traceback.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            return
        super().handle_error(request, client_address)


def make_server(directory: str, bind: str = "127.0.0.1", port: int = 0, precompressed: bool = True) -> Server:
    class _H(Handler):
        pass

    _H.precompressed = precompressed

    def handler(*args, **kwargs):
        return _H(*args, directory=directory, **kwargs)

    return Server((bind, port), handler)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    pelican_args = []
    if "--" in argv:
        i = argv.index("--")
        argv, pelican_args = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output")
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    args = ap.parse_args(argv)
    os.makedirs(args.output, exist_ok=True)
    server = make_server(os.path.abspath(args.output), args.bind, args.port)
    if not pelican_args:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        return 0
    threading.Thread(target=server.serve_forever, name="serveur", daemon=True).start()
    from pelican import main as pelican_main

    try:
        pelican_main(pelican_args + ["--autoreload"])
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
