"""Entry script for the frozen app: the same command line as the installed one."""

import sys

from taskforce_desktop.cli import main

sys.exit(main())
