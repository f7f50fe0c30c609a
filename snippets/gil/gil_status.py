import sys
import sysconfig


def gil_enabled():
    # sys._is_gil_enabled() exists from Python 3.13. Before that every CPython
    # build has a GIL that is always on, so a missing function means True.
    check = getattr(sys, "_is_gil_enabled", lambda: True)
    return check()


if __name__ == "__main__":
    # A setting fixed when CPython was compiled: 1 for a free-threaded build,
    # 0 for a standard one. Python 3.11 and 3.12 do not define it (None).
    gil_disabled = sysconfig.get_config_var("Py_GIL_DISABLED") or 0
    print(f"Switch interval: {sys.getswitchinterval()} s")
    print(f"Py_GIL_DISABLED: {gil_disabled}")
    print(f"GIL enabled now: {int(gil_enabled())}")
