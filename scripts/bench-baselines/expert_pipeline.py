#!/usr/bin/env python3
"""A careful expert's version of the notebook: polars, deduplicated points, and
scikit-learn's DBSCAN with sample weights.

    expert_pipeline.py EVENTS.csv --labels OUT.bin

Reads the columns as text and parses only the time column the pipeline uses
(letting polars guess dates in every column is twice as slow).  Computes only
the features the clustering and the grouping need (processName, pathScore,
commandlineTokensFull, isSystemSession), with msticpy's meaning; the
character-code sum is computed once per distinct path.  Identical feature
rows are clustered once, weighted by their count, in first-seen order, which
gives scikit-learn's labels for the full data.  Writes every input row's label
to OUT.bin (little-endian int64) and one JSON line of step times to stdout.
"""

import json
import sys
import time

STARTED = time.perf_counter()

from stepclock import StepClock, arguments  # noqa: E402

import numpy as np  # noqa: E402
import polars as pl  # noqa: E402
from sklearn.cluster import DBSCAN  # noqa: E402
from sklearn.preprocessing import normalize  # noqa: E402

CLUSTER_COLUMNS = ["commandlineTokensFull", "pathScore", "isSystemSession"]
DELIMITERS = r"""[\s\-\\/\.,"'|&:;%$()]"""
SYSTEM_SESSIONS = ["0x3e7", "-1"]


def add_features(events):
    """The four features, as msticpy's add_process_features computes them."""
    paths = pl.col("NewProcessName").fill_null("")
    first_paths = events.head(10).select(paths)["NewProcessName"]
    separator = "/" if first_paths.str.contains("/", literal=True).any() else "\\"
    distinct = events.select(paths.unique())["NewProcessName"].to_list()
    scores = {path: sum(map(ord, path)) for path in distinct}
    return events.with_columns(
        processName=paths.str.split(separator).list.last(),
        pathScore=paths.replace_strict(scores, return_dtype=pl.Int64),
        commandlineTokensFull=pl.col("CommandLine").fill_null("").str.count_matches(DELIMITERS),
        isSystemSession=pl.col("SubjectLogonId").cast(pl.Utf8)
        .is_in(SYSTEM_SESSIONS).fill_null(False),
    )


def cluster_labels(features):
    """DBSCAN labels of every row, from the distinct feature rows and their counts."""
    keyed = features.select(CLUSTER_COLUMNS).with_row_index("row")
    points = (keyed.group_by(CLUSTER_COLUMNS, maintain_order=True)
              .agg(pl.len().alias("weight"))
              .with_row_index("point"))
    point_of_row = (keyed.join(points.select(CLUSTER_COLUMNS + ["point"]), on=CLUSTER_COLUMNS,
                               how="left")
                    .sort("row")["point"].to_numpy())
    matrix = normalize(points.select(CLUSTER_COLUMNS).to_numpy().astype(np.float64))
    model = DBSCAN(eps=0.0001, min_samples=2)
    model.fit(matrix, sample_weight=points["weight"].to_numpy())
    return model.labels_[point_of_row]


def main():
    args = arguments(__doc__.splitlines()[0])
    step = StepClock(STARTED)
    steps = step.steps

    events = pl.read_csv(args.events).with_columns(
        pl.col("TimeGenerated").str.to_datetime("%Y-%m-%d %H:%M:%S%.f"))
    step("load")
    features = add_features(events)
    step("features")
    labels = cluster_labels(features)
    step("cluster")
    per_name = features.group_by("processName", maintain_order=True).len()
    step("groupby")

    np.asarray(labels, dtype="<i8").tofile(args.labels)
    clusters = int(labels.max()) + 1 if len(labels) else 0
    json.dump({"rows": events.height, "steps": steps, "clusters": clusters,
               "processNames": per_name.height}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
