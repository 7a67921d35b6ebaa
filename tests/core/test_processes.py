"""process_alive: a real probe on POSIX, and never os.kill on Windows (signal 0 is Ctrl+C there)."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

from annotator.core import processes
from annotator.core.processes import process_alive, windows_process_alive


def test_this_process_is_alive_and_a_finished_one_is_not():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert process_alive(os.getpid())
    assert not process_alive(child.pid)


class FakeKernel32:
    """Windows' answers for a table of process ids: exit code, or None when OpenProcess fails."""

    def __init__(self, processes: dict[int, int | None]):
        self.processes = processes
        self.closed: list[int] = []

    def OpenProcess(self, access, inherit, pid):
        return pid if self.processes.get(pid) is not None else 0

    def GetExitCodeProcess(self, handle, code_ref):
        ctypes.cast(code_ref, ctypes.POINTER(ctypes.c_ulong)).contents.value = self.processes[handle]
        return 1

    def CloseHandle(self, handle):
        self.closed.append(handle)


def test_windows_answer_comes_from_the_exit_code_and_handles_are_closed():
    kernel32 = FakeKernel32({10: 259, 11: 0})
    assert windows_process_alive(10, kernel32, lambda: 0)
    assert not windows_process_alive(11, kernel32, lambda: 0)
    assert not windows_process_alive(12, kernel32, lambda: 87)  # ERROR_INVALID_PARAMETER: no such id
    assert windows_process_alive(13, kernel32, lambda: 5)  # ERROR_ACCESS_DENIED: someone else's
    assert kernel32.closed == [10, 11]


def test_windows_never_sends_a_signal(monkeypatch):
    def no_kill(*args):
        raise AssertionError("os.kill(pid, 0) sends Ctrl+C on Windows")

    monkeypatch.setattr(processes.os, "name", "nt")
    monkeypatch.setattr(processes.os, "kill", no_kill)
    monkeypatch.setattr(ctypes, "WinDLL", lambda *a, **k: FakeKernel32({42: 259}), raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: 0, raising=False)
    assert process_alive(42)
    assert not process_alive(43)
