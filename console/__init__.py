"""eWard Console: coordination console for Region Sjælland's eHospital virtual ward."""

import gc as _gc

__version__ = "0.1.0"

# Issue 17, a fast start. A desk's start allocates some 150,000 objects (modules, SQLAlchemy's
# mappers, the first screen) and none of them is garbage: the young-generation collections
# that walked them were about 8 % of the start. Until ``start_up_done()`` (the first screen
# painted, or a command begun) a young collection waits for a million new objects: a bound,
# not a switch, so a process that never says it has started still collects.
START_UP_YOUNG_THRESHOLD = 1_000_000
_YOUNG_THRESHOLD, *_OLDER = _gc.get_threshold()
if _YOUNG_THRESHOLD < START_UP_YOUNG_THRESHOLD:
    _gc.set_threshold(START_UP_YOUNG_THRESHOLD, *_OLDER)


def start_up_done() -> None:
    """Young collections as often as the interpreter's default again (older generations'
    thresholds are left as they are: the GUI's collection policy sets its own).

    What start-up allocated is frozen first (``gc.freeze()``: moved out of the collector's
    sight, not walked): restoring the threshold alone made the next young collection walk all
    of it, 85-190 ms of frozen window just after the census was painted (issue 17)."""
    young, *older = _gc.get_threshold()
    if young == START_UP_YOUNG_THRESHOLD:
        _gc.freeze()
        _gc.set_threshold(_YOUNG_THRESHOLD, *older)
