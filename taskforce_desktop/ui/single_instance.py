"""One running instance per data dir; a second start hands its request to the first.

The instance that holds ``<data dir>/taskforce.lock`` (a QLockFile) owns the store and
listens on a local socket named after the data dir. A later start for the same data dir
sends what it was asked to do ("raise", or "import" with a file) to that socket and exits.
A lock left behind by a killed instance is taken over: QLockFile sees its process is gone,
and a lock whose owner does not answer is removed once it is older than STALE_LOCK_MS.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from taskforce_desktop.core.integrity import INSTANCE_LOCK_FILENAME

log = logging.getLogger(__name__)

STALE_LOCK_MS = 2000
CONNECT_TIMEOUT_MS = 500
# Once connected the owner is alive; it answers when its event loop runs, which can be
# late while it is still starting. Resending instead would import a file twice.
ANSWER_TIMEOUT_MS = 15000
CLAIM_TIMEOUT_MS = 8000
_RETRY_PAUSE_MS = 50
_ACK = b"ok\n"

RAISE = {"action": "raise"}


def import_request(file: str | os.PathLike[str]) -> dict:
    return {"action": "import", "file": str(Path(file).resolve())}


def server_name(data_dir: Path) -> str:
    """Per data dir and user; short, because Unix socket paths are limited to ~100 bytes."""
    key = os.path.normcase(str(Path(data_dir).resolve()))
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return f"taskforce-verslag-{digest}"


class InstanceUnreachable(RuntimeError):
    """Another instance holds the data dir but does not answer; the message is Dutch."""


class SingleInstance(QObject):
    """Claim the data dir, or hand a request to the instance that has it."""

    request_received = Signal(dict)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.name = server_name(self.data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self.data_dir / INSTANCE_LOCK_FILENAME))
        self._lock.setStaleLockTime(STALE_LOCK_MS)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def is_primary(self) -> bool:
        return self._server is not None

    def claim(self, request: dict, *, timeout_ms: int = CLAIM_TIMEOUT_MS) -> bool:
        """True when this process is now the one instance; False when request was handed over.

        Raises InstanceUnreachable when neither happens within timeout_ms.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        unanswered_since: float | None = None
        while True:
            if self._lock.tryLock(0):
                self._listen()
                return True
            if self._send(request):
                return False
            now = time.monotonic()
            unanswered_since = unanswered_since or now
            if (now - unanswered_since) * 1000 > STALE_LOCK_MS:
                # The owner neither answers nor is gone: a hung process or a lock copied in
                # with the data. The OS lock a live owner holds keeps this from taking it.
                self._lock.removeStaleLockFile()
                unanswered_since = None
            if now > deadline:
                raise InstanceUnreachable(
                    "Taskforce Verslag lijkt al geopend met deze gegevensmap, maar reageert "
                    "niet. Sluit het andere venster (of wacht even) en probeer het opnieuw."
                )
            QThread.msleep(_RETRY_PAUSE_MS)

    def release(self) -> None:
        self._buffers.clear()
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    # ------------------------------------------------------------------ the first instance

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A socket file left by a killed instance would make listen() fail; only the lock
        # holder gets here, so nobody else is using that name.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            log.error("instance server could not listen: %s", server.errorString())
        server.newConnection.connect(self._accept)
        self._server = server

    def _accept(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            self._buffers[connection] = b""
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(lambda c=connection: self._forget(c))

    def _read(self, connection: QLocalSocket) -> None:
        data = self._buffers.get(connection, b"") + bytes(connection.readAll().data())
        if b"\n" not in data:
            self._buffers[connection] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[connection] = b""
        connection.write(_ACK)
        connection.flush()
        try:
            request = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            log.warning("ignored an unreadable request from another start")
            return
        if isinstance(request, dict) and request.get("action") in {"raise", "import"}:
            log.info("request from another start: %s", request.get("action"))
            self.request_received.emit(request)

    def _forget(self, connection: QLocalSocket) -> None:
        # After release() the server has already taken its connections down with it.
        if self._buffers.pop(connection, None) is not None:
            connection.deleteLater()

    # ------------------------------------------------------------------ a later start

    def _send(self, request: dict) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        try:
            socket.write(json.dumps(request).encode("utf-8") + b"\n")
            socket.flush()
            answer = b""
            while _ACK not in answer and socket.waitForReadyRead(ANSWER_TIMEOUT_MS):
                answer += bytes(socket.readAll().data())
            return _ACK in answer
        finally:
            socket.disconnectFromServer()
