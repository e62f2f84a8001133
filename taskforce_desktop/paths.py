"""The one place that knows where things live: the data dir, resources and migrations.

Works the same in a checkout (resources/ and db/ at the top level) and in an installed
wheel (the build copies them into taskforce_desktop/_bundled/).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from taskforce_desktop import APP_AUTHOR, APP_NAME

DATA_DIR_ENV = "TASKFORCE_DATA_DIR"
DATABASE_FILENAME = "taskforce.sqlite3"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundle_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "taskforce_desktop" / "_bundled"
    installed = _PACKAGE_DIR / "_bundled"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent


def resources_dir() -> Path:
    return _bundle_root() / "resources"


def migrations_dir() -> Path:
    return _bundle_root() / "db"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def default_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def private_root() -> Path:
    """Where the per-user private folders live (``private_dir``)."""
    import platformdirs

    if sys.platform.startswith("win"):
        # %LOCALAPPDATA%\TaskforceVerslag, beside the default data folder (not inside it).
        root = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    else:
        root = Path(platformdirs.user_state_dir(APP_NAME, APP_AUTHOR))
    return root / "private"


def private_dir(name: str) -> Path:
    """A per-user folder for files nobody else may read (mail drafts, the emergency copy).

    Outside the data folder where the platform allows (on macOS the state folder is the
    data folder), so it is there when the data folder has vanished. Only the path:
    ``core.private_files.ensure_private_dir`` creates and checks it.
    """
    return private_root() / name


def instance_socket_dir() -> Path:
    """Where the single-instance sockets live: short, because a socket path has ~100 bytes.

    The session's runtime folder when there is one, else a folder per user in the temp
    folder (checked to be private before use).
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / "taskforce-verslag"
    import tempfile

    return Path(tempfile.gettempdir()) / f"taskforce-verslag-{os.getuid()}"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins over TASKFORCE_DATA_DIR, which wins over the platform default."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return default_data_dir()


def prepare_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created 0700 before anything is written into it, or refused.

    Raises core.private_files.FolderNotPrivate for a folder another user owns or everyone
    may write into (the message is Dutch and names the way out).
    """
    from taskforce_desktop.core.private_files import check_data_dir

    return check_data_dir(resolve_data_dir(cli_value))
