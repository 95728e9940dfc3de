"""A Python package an oracle needs, installed on first use into
target/oracle-python (pinned), so the oracles run on a machine with only
Python: `vendored.module("openpyxl", "openpyxl==3.1.5")`."""
import importlib, os, subprocess, sys

VENDOR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "target", "oracle-python")


def module(name, requirement):
    if VENDOR not in sys.path:
        sys.path.insert(0, VENDOR)
    try:
        return importlib.import_module(name)
    except ImportError:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--root-user-action", "ignore", "--target", VENDOR, requirement],
            check=True,
        )
        importlib.invalidate_caches()
        return importlib.import_module(name)
