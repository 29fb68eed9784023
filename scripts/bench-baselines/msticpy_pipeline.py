#!/usr/bin/env python3
"""The EventClustering notebook's own stack: msticpy on pandas and scikit-learn.

    msticpy_pipeline.py EVENTS.csv --labels OUT.bin

Loads the events, adds msticpy's process features, clusters them with
dbcluster_events as the notebook does (eps 0.0001, 2 samples), counts events
per process name, and writes the DBSCAN label of every input row to OUT.bin
(little-endian int64, row order).  One JSON line on stdout gives the time of
each step in seconds.
"""

import json
import sys
import time

STARTED = time.perf_counter()

from stepclock import StepClock, arguments  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from msticpy.analysis.eventcluster import add_process_features, dbcluster_events  # noqa: E402

CLUSTER_COLUMNS = ["commandlineTokensFull", "pathScore", "isSystemSession"]


def main():
    args = arguments(__doc__.splitlines()[0])
    step = StepClock(STARTED)
    steps = step.steps

    events = pd.read_csv(args.events, parse_dates=["TimeGenerated"])
    step("load")
    features = add_process_features(events)
    step("features")
    clusters, model, _ = dbcluster_events(
        features, cluster_columns=CLUSTER_COLUMNS, time_column="TimeGenerated",
        max_cluster_distance=0.0001, min_cluster_samples=2)
    step("cluster")
    per_name = features.groupby("processName").size()
    step("groupby")

    np.asarray(model.labels_, dtype="<i8").tofile(args.labels)
    json.dump({"rows": len(events), "steps": steps, "outputRows": len(clusters),
               "processNames": len(per_name)}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
