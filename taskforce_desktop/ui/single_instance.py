"""One running instance per data dir; a second start hands its request to the first.

The instance that holds ``<data dir>/taskforce.lock`` (a QLockFile) owns the store and
listens on a local socket named after the data dir. A later start for the same data dir
sends what it was asked to do ("raise", or "import" with a file) to that socket and exits.
A lock left behind by a killed instance is taken over: QLockFile sees its process is gone,
and a lock whose owner does not answer is removed once it is older than STALE_LOCK_MS.

On Linux and macOS the socket lives in a private folder of the user (0700), not in the
shared temp folder, and sockets that killed instances left there (or, from older versions,
in the temp folder) are removed when an instance starts listening. A request longer than
MAX_REQUEST_BYTES ends the connection, so nobody can hold the app up with a huge message.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import socket
import stat
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from taskforce_desktop import paths
from taskforce_desktop.core.integrity import INSTANCE_LOCK_FILENAME
from taskforce_desktop.core.private_files import FolderNotPrivate, ensure_private_dir

log = logging.getLogger(__name__)

STALE_LOCK_MS = 2000
CONNECT_TIMEOUT_MS = 500
# Once connected the owner is alive; it answers when its event loop runs, which can be
# late while it is still starting. Resending instead would import a file twice.
ANSWER_TIMEOUT_MS = 15000
CLAIM_TIMEOUT_MS = 8000
_RETRY_PAUSE_MS = 50
_ACK = b"ok\n"
# An import request is one short path; a megabyte would only be someone holding the app up.
MAX_REQUEST_BYTES = 64 * 1024
# A socket this young may belong to an instance that has bound it but not yet listens.
STALE_SOCKET_SECONDS = 60
_NAME_PREFIX = "taskforce-verslag-"

RAISE = {"action": "raise"}


def import_request(file: str | os.PathLike[str]) -> dict:
    return {"action": "import", "file": str(Path(file).resolve())}


def server_name(data_dir: Path) -> str:
    """Per data dir and user; short, because Unix socket paths are limited to ~100 bytes."""
    key = os.path.normcase(str(Path(data_dir).resolve()))
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return f"{_NAME_PREFIX}{digest}"


def server_address(data_dir: Path) -> str:
    """The socket's full path in the user's private folder; on Windows the pipe's name.

    When that folder cannot be made private (someone else planted it), the plain name,
    which Qt puts in the temp folder, still works; the socket itself is the user's only.
    """
    name = server_name(data_dir)
    if os.name != "posix":
        return name
    try:
        return str(ensure_private_dir(paths.instance_socket_dir()) / name)
    except (OSError, FolderNotPrivate) as error:
        log.warning("instance socket in the temp folder: %s", error)
        return name


def _is_dead_socket(path: str) -> bool:
    try:
        status = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISSOCK(status.st_mode) or status.st_uid != os.getuid():
        return False
    if time.time() - status.st_mtime < STALE_SOCKET_SECONDS:
        return False
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(path)
    except ConnectionRefusedError:
        return True  # nobody listens: the instance that made it was killed
    except OSError:
        return False
    finally:
        probe.close()
    return False


def remove_dead_sockets(keep: str) -> list[str]:
    """Remove the sockets of killed instances of this user, here and in the temp folder."""
    folders = {Path(tempfile.gettempdir())}
    if os.path.isabs(keep):
        folders.add(Path(keep).parent)
    removed = []
    for folder in folders:
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if entry.name.startswith(_NAME_PREFIX) and entry.path != keep:
                    if _is_dead_socket(entry.path):
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
                            removed.append(entry.path)
    if removed:
        log.info("removed %d socket(s) of killed instances", len(removed))
    return removed


class InstanceUnreachable(RuntimeError):
    """Another instance holds the data dir but does not answer; the message is Dutch."""


class SingleInstance(QObject):
    """Claim the data dir, or hand a request to the instance that has it."""

    request_received = Signal(dict)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.name = server_address(self.data_dir)
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
        if os.name == "posix":
            remove_dead_sockets(keep=self.name)
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
        if len(data) > MAX_REQUEST_BYTES:
            log.warning("dropped a request of more than %d bytes", MAX_REQUEST_BYTES)
            self._buffers[connection] = b""
            connection.abort()
            return
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
