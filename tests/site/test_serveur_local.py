"""The local server of `make serve` and of the tests (plugins/publication/serveur.py):
a browser that leaves a page mid-download is ordinary traffic, not a traceback in the
editor's terminal; a real error in a request is still reported."""

from __future__ import annotations

import importlib.util
import socket
import struct
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _serveur():
    spec = importlib.util.spec_from_file_location("_serveur_local", ROOT / "plugins" / "publication" / "serveur.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def server(tmp_path):
    (tmp_path / "gros.bin").write_bytes(b"\0" * (32 * 1024 * 1024))
    module = _serveur()
    srv = module.make_server(str(tmp_path))
    srv.module = module
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _get_and_hang_up(port: int) -> None:
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /gros.bin HTTP/1.1\r\nHost: x\r\n\r\n")
    s.recv(1024)
    # close with a reset (SO_LINGER 0) while 32 MB are still to be sent
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def test_a_client_that_goes_away_leaves_no_traceback(server, capfd):
    for _ in range(3):
        _get_and_hang_up(server.server_address[1])
    time.sleep(0.5)
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert "BrokenPipe" not in err and "ConnectionReset" not in err


def test_other_errors_are_still_reported(server, capfd, monkeypatch):
    def broken(self):
        raise ValueError("panne de test")

    monkeypatch.setattr(server.module.Handler, "send_head", broken)
    with socket.create_connection(("127.0.0.1", server.server_address[1])) as s:
        s.sendall(b"GET /gros.bin HTTP/1.1\r\nHost: x\r\n\r\n")
        s.settimeout(2)
        try:
            s.recv(1024)
        except OSError:
            pass
    time.sleep(0.3)
    err = capfd.readouterr().err
    assert "panne de test" in err
