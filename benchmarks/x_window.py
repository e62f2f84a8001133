"""Start to the first visible window on a real X server, seen from outside the process.

``python -m benchmarks.x_window --data-dir DIR [--bundle EXECUTABLE] [--runs N]`` starts an
Xvfb of its own and times, from spawning each process to its main window being mapped on
that server: the floor (the bare window of ``benchmarks.child``), the checkout's app
(``python -m taskforce_desktop``) and, when given, the PyInstaller bundle's executable.

The bundle holds neither the benchmark nor Qt's test module (it cannot be driven from
inside, by design), so all three are watched the same way, through Xlib: a top-level
window of the process (its _NET_WM_PID) that the server reports viewable. Each app start gets a
scratch copy of the data dir; the processes are ended with SIGTERM once seen.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import __main__ as bench

POLL_S = 0.002
WAIT_S = 60
IS_VIEWABLE = 2
XA_CARDINAL = 6


class XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int),
        ("width", ctypes.c_int), ("height", ctypes.c_int),
        ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong),
        ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long), ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]  # fmt: skip


class XServer:
    """A private Xvfb and an Xlib connection that lists its viewable top-level windows."""

    def __init__(self) -> None:
        self.number = next(n for n in range(90, 200) if not Path(f"/tmp/.X{n}-lock").exists())
        self.display = f":{self.number}"
        self.process = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.xlib = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
        self.xlib.XOpenDisplay.restype = ctypes.c_void_p
        self.xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        self.xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.xlib.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_void_p] * 4
        self.xlib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
        self.xlib.XInternAtom.restype = ctypes.c_ulong
        self.xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        self.xlib.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
            ctypes.c_int, ctypes.c_ulong, *[ctypes.c_void_p] * 5,
        ]  # fmt: skip
        self.xlib.XFree.argtypes = [ctypes.c_void_p]
        deadline = time.monotonic() + WAIT_S
        self.connection = None
        while not self.connection and time.monotonic() < deadline:
            time.sleep(0.05)
            self.connection = self.xlib.XOpenDisplay(self.display.encode())
        if not self.connection:
            raise RuntimeError(f"Xvfb did not start on {self.display}")
        self.root = self.xlib.XDefaultRootWindow(self.connection)
        self.pid_atom = self.xlib.XInternAtom(self.connection, b"_NET_WM_PID", False)

    def viewable_window_pids(self) -> set[int]:
        """The _NET_WM_PID (which Qt sets) of every viewable top-level window."""
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        self.xlib.XQueryTree(
            self.connection, self.root, ctypes.byref(root), ctypes.byref(parent),
            ctypes.byref(children), ctypes.byref(count),
        )  # fmt: skip
        pids = set()
        try:
            for index in range(count.value):
                window = children[index]
                attributes = XWindowAttributes()
                self.xlib.XGetWindowAttributes(self.connection, window, ctypes.byref(attributes))
                if attributes.map_state == IS_VIEWABLE:
                    pid = self._pid_of(window)
                    if pid is not None:
                        pids.add(pid)
        finally:
            if children:
                self.xlib.XFree(children)
        return pids

    def _pid_of(self, window: int) -> int | None:
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        items, remaining = ctypes.c_ulong(), ctypes.c_ulong()
        value = ctypes.POINTER(ctypes.c_ulong)()
        found = self.xlib.XGetWindowProperty(
            self.connection, window, self.pid_atom, 0, 1, False, XA_CARDINAL,
            ctypes.byref(actual_type), ctypes.byref(actual_format), ctypes.byref(items),
            ctypes.byref(remaining), ctypes.byref(value),
        )  # fmt: skip
        try:
            return value[0] if found == 0 and items.value == 1 else None
        finally:
            if value:
                self.xlib.XFree(value)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def time_to_window(server: XServer, command: list[str], env) -> float:
    """Seconds from spawning ``command`` to a viewable window of its process."""
    spawned = time.monotonic()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while process.pid not in server.viewable_window_pids():
            if process.poll() is not None or time.monotonic() - spawned > WAIT_S:
                raise RuntimeError(f"{command[0]} showed no window (exit {process.returncode})")
            time.sleep(POLL_S)
        return time.monotonic() - spawned
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.x_window", description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True, help="copied for each start")
    parser.add_argument("--bundle", type=Path, help="the bundle's taskforce-desktop executable")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    env, _ = bench.child_environment()
    bench.compile_checkout()
    server = XServer()
    env.pop("QT_QPA_PLATFORM", None)
    env["DISPLAY"] = server.display
    floor = [sys.executable, "-m", "benchmarks.child", "floor", '{"stay": true}']
    apps = {"checkout": [sys.executable, "-m", "taskforce_desktop"]}
    if options.bundle:
        apps["bundle"] = [str(options.bundle)]
    starts = {"floor": floor, **apps}
    samples: dict[str, list[float]] = {name: [] for name in starts}
    try:
        with tempfile.TemporaryDirectory(prefix="taskforce-bench-x-") as scratch:
            for _run in range(options.runs):
                for name, command in starts.items():
                    arguments = list(command)
                    if name in apps:
                        data_dir = Path(scratch) / name
                        shutil.rmtree(data_dir, ignore_errors=True)
                        shutil.copytree(options.data_dir, data_dir)
                        os.chmod(data_dir, 0o700)
                        arguments += ["--data-dir", str(data_dir)]
                    samples[name].append(time_to_window(server, arguments, env))
    finally:
        server.close()
    floor = statistics.median(samples["floor"])
    for name, values in samples.items():
        median = statistics.median(values)
        print(
            f"{name:9s} median {median:.3f} s  min {min(values):.3f} s  max {max(values):.3f} s"
            f"  {median / floor:.1f}× floor"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
