"""The first answered call of a fresh process, smsmock against moto: what every pytest-xdist
worker, CLI run or server start pays once.

Each measurement is a new interpreter that imports boto3, then — timed, and its resident memory
compared — imports the mock, enters it, makes a client and answers one call: smsmock's
``describe_opt_out_lists``, moto's ``logs.describe_log_groups`` (the service of the per-call
figures). Runs alternate between the two; medians are reported. One untimed run of each comes
first so that both read compiled bytecode, as an installed package does (the child processes may
write it even where ``PYTHONDONTWRITEBYTECODE`` is set).

    python benchmarks/first_call.py [runs]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys

_MEASURE = """
import json, os, sys, time

def resident():
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: the peak, in bytes on macOS
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

import boto3

memory, wall, cpu = resident(), time.perf_counter(), time.process_time()
{call}
print(json.dumps({{
    "seconds": time.perf_counter() - wall,
    "cpu": time.process_time() - cpu,
    "bytes": resident() - memory,
}}))
"""

CALLS = {
    "smsmock": """
from smsmock import mock_sms_voice
with mock_sms_voice():
    boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1").describe_opt_out_lists()
""",
    "moto": """
from moto import mock_aws
with mock_aws():
    boto3.client("logs", region_name="us-east-1").describe_log_groups()
""",
}

Figures = dict[str, float]


def measure_once(variant: str) -> Figures:
    """Seconds (wall and CPU) and resident bytes of one fresh process's first call."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    code = _MEASURE.format(call=CALLS[variant])
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    )
    figures: Figures = json.loads(done.stdout.splitlines()[-1])
    return figures


def first_call_cost(runs: int) -> dict[str, Figures]:
    """Median figures of each variant over ``runs`` fresh processes, after one warm-up each."""
    for variant in CALLS:
        measure_once(variant)
    samples: dict[str, list[Figures]] = {variant: [] for variant in CALLS}
    for _ in range(runs):
        for variant in CALLS:
            samples[variant].append(measure_once(variant))
    return {
        variant: {key: statistics.median(s[key] for s in runs_of) for key in runs_of[0]}
        for variant, runs_of in samples.items()
    }


def report(cost: dict[str, Figures]) -> None:
    ours, moto = cost["smsmock"], cost["moto"]
    print("first answered call of a fresh process (import, enter, client, one call; median)")
    for name, figures in cost.items():
        print(
            f"  {name:8s} {figures['seconds'] * 1e3:6.0f} ms  (CPU {figures['cpu'] * 1e3:4.0f} ms)"
            f"  +{figures['bytes'] / 2**20:5.1f} MB resident"
        )
    print(
        f"  smsmock / moto: time {ours['seconds'] / moto['seconds']:.2f},"
        f" CPU {ours['cpu'] / moto['cpu']:.2f}, memory {ours['bytes'] / moto['bytes']:.2f}"
        "   (target <= 0.50)"
    )


if __name__ == "__main__":
    report(first_call_cost(int(sys.argv[1]) if len(sys.argv) > 1 else 11))
