"""What both baseline pipelines share: their arguments and the timing of their steps."""

import argparse
import time


def arguments(description):
    """EVENTS.csv and --labels OUT.bin, as both pipelines take them."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("events")
    parser.add_argument("--labels", required=True)
    return parser.parse_args()


class StepClock:
    """Records how long each step took since the previous one; the first entry is the
    time from the script's start to the end of its imports."""

    def __init__(self, started):
        self.steps = {"imports": time.perf_counter() - started}
        self.mark = time.perf_counter()

    def __call__(self, name):
        now = time.perf_counter()
        self.steps[name] = now - self.mark
        self.mark = now
