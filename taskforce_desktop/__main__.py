import sys

from taskforce_desktop.cli import main

sys.exit(main())
