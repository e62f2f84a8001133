"""The benchmark: start-up, typing, switching, export and search at archive scale.

Run it from a checkout with ``python -m benchmarks`` (``--help`` for the options). Every
figure is measured in fresh processes beside the same figure for a bare PySide6 window
with four tabs (the floor), printed as one table and written to a JSON file.

Tooling, never shipped: the wheel holds only ``taskforce_desktop``, and the app imports
nothing from here. ``launch`` starts the real app with a driver on its window, for the
timed processes (``child``) and for the crash soak's typing app (``typing_driver``). The
package stays import-light because ``child`` is the entry of the timed processes.
"""
