"""Shared test infrastructure (owned by the site foundation; see notes/contracts.md).

- `site_dir` (session): the site built once with the same command as `make build`,
  into a temporary directory, or the directory named by $CADRE_LIBRE_OUTPUT if set
  ($CADRE_LIBRE_CONTENT builds another content folder instead of content/).
  Under pytest-xdist the workers share one build (a file lock guards it).
- `site_url` (session): that directory served on 127.0.0.1:<free port> by the server of
  `make serve` (plugins/publication/serveur.py: threaded http.server, .wasm as
  application/wasm, .mjs as text/javascript, the precompressed .br/.gz files sent with their
  Content-Encoding when the request accepts it, Cache-Control from _headers); the base URL,
  no trailing slash.
- `browser_type_launch_args`: pytest-playwright drives Debian's Chromium.
- `build_site(output, content, strict=False)`: runs the build command on another content
  folder and returns the CompletedProcess (for tests that break content on purpose).

Content checks make the build fail on a broken link; while drafting, a developer may run
`CADRE_LIBRE_VERIFICATIONS=avertir pytest …` to turn them into warnings (never in CI).
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests (Hypothesis): in CI (CI=true) the examples are derandomised, so a
# run is reproducible, and a failure prints the blob that replays it
# (@reproduce_failure); on a developer's machine they stay random, to find new cases.
settings.register_profile("ci", derandomize=True, print_blob=True, database=None)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


CONTENT = os.environ.get("CADRE_LIBRE_CONTENT") or "content"


def build_command(output: Path, content: Path | str = CONTENT) -> list[str]:
    """The command `make build` runs, for another output (and optionally content) folder."""
    return ["make", "--no-print-directory", "build", f"OUTPUT={output}", f"CONTENT={content}"]


def run_build(output: Path, content: Path | str = CONTENT, strict: bool = False) -> subprocess.CompletedProcess:
    """Build with `make build`. `strict` ignores CADRE_LIBRE_VERIFICATIONS=avertir (content checks fatal)."""
    dropped = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"} | ({"CADRE_LIBRE_VERIFICATIONS"} if strict else set())
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env["COLUMNS"] = "250"
    return subprocess.run(
        build_command(output, content), cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def build_site():
    return run_build


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    preset = os.environ.get("CADRE_LIBRE_OUTPUT")
    if preset:
        path = Path(preset).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"CADRE_LIBRE_OUTPUT={preset} ne contient pas de site construit (index.html manquant)")
        return path
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    output = shared / "site"
    ok, failed = shared / "site.ok", shared / "site.failed"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not ok.exists() and not failed.exists():
            if output.exists():
                shutil.rmtree(output)
            result = run_build(output)
            if result.returncode == 0:
                ok.write_text(result.stdout + result.stderr, encoding="utf-8")
            else:
                failed.write_text(result.stdout + "\n" + result.stderr, encoding="utf-8")
    if failed.exists():
        pytest.fail("La construction du site a échoué :\n" + failed.read_text(encoding="utf-8")[-6000:])
    return output


def _load_server_module():
    """plugins/publication/serveur.py, the server of `make serve` (precompressed .br/.gz)."""
    spec = importlib.util.spec_from_file_location("_cadre_libre_serveur", ROOT / "plugins" / "publication" / "serveur.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


serveur = _load_server_module()


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    server = serveur.make_server(str(site_dir))
    thread = threading.Thread(target=server.serve_forever, name="site-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = list(browser_type_launch_args.get("args") or [])
    args += [a for a in ("--disable-gpu", "--disable-quic") if a not in args]
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": args}
