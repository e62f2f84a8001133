"""Build the one-folder bundle with PyInstaller and prove it starts and finds its data.

    python packaging/build.py            # builds dist/taskforce-desktop/
    python packaging/build.py --no-build # only runs the self-test of an existing bundle

The self-test imports the sample meeting into a temporary store and exports it, which
fails loudly when migrations, the Word template or the sample are missing from the bundle.
Windows installers are made from the same folder with Inno Setup (windows-installer.iss);
PyInstaller cannot cross-build, so that step runs on a Windows machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUNDLE = REPO / "dist" / "taskforce-desktop"


def build() -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", str(REPO / "dist"), "--workpath", str(REPO / "build"),
         str(REPO / "packaging" / "taskforce-desktop.spec")],
        check=True,
    )


def self_test() -> None:
    executable = BUNDLE / ("taskforce-desktop.exe" if sys.platform == "win32" else "taskforce-desktop")
    with tempfile.TemporaryDirectory() as data_dir:
        sample = BUNDLE / "_internal" / "taskforce_desktop" / "_bundled" / "resources" / "samples"
        imported = subprocess.run(
            [str(executable), "--data-dir", data_dir, "import", str(sample / "voorbeeld.verslag.json")],
            check=True, capture_output=True, text=True,
        )
        meeting_id = imported.stdout.strip().splitlines()[-1]
        for fmt in ("json", "docx"):
            target = Path(data_dir) / f"verslag.{fmt}"
            subprocess.run(
                [str(executable), "--data-dir", data_dir, "export", meeting_id,
                 "--format", fmt, "--output", str(target)],
                check=True,
            )
            if target.stat().st_size == 0:
                raise SystemExit(f"self-test: empty {fmt} export")
    print(f"self-test passed: {executable}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true")
    options = parser.parse_args()
    if not options.no_build:
        build()
    self_test()
