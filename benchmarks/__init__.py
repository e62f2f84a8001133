"""The benchmark: start-up, typing, switching, export and search at archive scale.

Run it with ``python -m benchmarks`` (``--help`` for the options). Every
figure is measured in fresh processes beside the same figure for a bare PySide6 window
with four tabs (the floor), printed as one table and written to a JSON file.

This package is not imported by the app; it stays import-light because its ``child``
module is the entry of the timed processes.
"""
