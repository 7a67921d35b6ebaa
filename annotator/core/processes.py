"""Whether another process still runs: for jobs, partial files and window sessions that name
their process."""

from __future__ import annotations

import os
from typing import Any

_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_STILL_ACTIVE = 259
_ERROR_ACCESS_DENIED = 5


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (one of another user counts as alive)."""
    if os.name == "nt":
        # On Windows os.kill(pid, 0) is not a probe: signal 0 there is CTRL_C_EVENT, which
        # would send Ctrl+C to that process's console group.
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
        return windows_process_alive(pid, kernel32, ctypes.get_last_error)  # type: ignore[attr-defined,unused-ignore]
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def windows_process_alive(pid: int, kernel32: Any, last_error: Any) -> bool:
    """Whether ``pid`` runs, asked of Windows' ``kernel32`` (OpenProcess, GetExitCodeProcess)."""
    import ctypes

    handle = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return bool(last_error() == _ERROR_ACCESS_DENIED)  # exists, but not ours to look at
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
