#!/usr/bin/env python3
"""Runs Quickdot's UDP and DTLS benchmarks against the C baselines and prints the table.

Called by bench/run.sh after the build (see there for the options). Each benchmark runs the
baseline and the engine alternately, K rounds (the order flips every round, so a slow drift of
the machine's load hits both sides alike); the table shows medians and the ratio engine/baseline.
Every raw result goes to bench/out/results.json. Benchmarks print figures; nothing here asserts.
"""

import argparse
import datetime
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = os.path.join(ROOT, "bench", "project")
OUT_DIR = os.path.join(ROOT, "bench", "out")
RUN_TIMEOUT_SEC = 420


class Runner:
    def __init__(self, engine, baseline, udp_baseline, verbose):
        self.engine = engine
        self.baseline = baseline
        self.udp_baseline = udp_baseline
        self.verbose = verbose

    def _log(self, text):
        if self.verbose:
            print("    " + text, file=sys.stderr, flush=True)

    def run(self, argv, extra=None):
        """Runs argv (and extra, a helper process started next to it and killed after it).
        Returns (the BENCH result or an error dict, wall seconds)."""
        self._log(" ".join(argv))
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            process = subprocess.Popen(argv, stdout=out, stderr=err, cwd=ROOT)
            helper = None
            if extra:
                time.sleep(0.5)  # Let the server reach listen(); clients retransmit anyway.
                helper = subprocess.Popen(extra, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            # A blocking wait, so the wall time ends when the process does; a timer kills a hung run.
            watchdog = threading.Timer(RUN_TIMEOUT_SEC, process.kill)
            watchdog.start()
            process.wait()
            wall = time.perf_counter() - start
            watchdog.cancel()
            if helper:
                helper.kill()
                helper.wait()
            out.seek(0)
            err.seek(0)
            stdout = out.read().decode(errors="replace")
            stderr = err.read().decode(errors="replace")
        result = None
        for line in stdout.splitlines():
            if line.startswith("BENCH "):
                result = json.loads(line[6:])
        if result is None:
            tail = (stderr.strip().splitlines() or ["no output"])[-1]
            result = {"error": f"exit code {process.returncode}, no BENCH line: {tail}"}
        elif "error" not in result and process.returncode != 0:
            result["error"] = f"exit code {process.returncode}"
        return result, wall

    def engine_cmd(self, *args):
        return [self.engine, "--headless", "--path", PROJECT, "--"] + [str(a) for a in args]

    def baseline_cmd(self, *args):
        return [self.baseline] + [str(a) for a in args]



def free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ------------------------------------------------------------------------------------------------
# Benchmarks. Each returns {"baseline": value, "engine": value, ...} for one run of each side, in
# the order given. "value" is the benchmark's metric; the raw results ride along.

def kib(value):
    return value / 1024


class Benchmark:
    """name, metric text, how the ratio reads, the target, and how to run one side once."""

    def __init__(self, key, title, unit, better, target_text, check, baseline_args=None, engine_args=None, metric=None, reference="",
                 udp=False):
        self.key = key
        self.title = title
        self.unit = unit
        self.better = better  # "higher" or "lower"
        self.target_text = target_text
        self.check = check  # (engine_median, ratio, engine_runs) -> bool
        self.baseline_args = baseline_args
        self.engine_args = engine_args
        self.metric = metric
        self.reference = reference
        self.udp = udp  # Measured against bench/baseline/udp_baseline.c instead of the DTLS baseline.

    def run_side(self, runner, side):
        if side == "baseline":
            program = runner.udp_baseline if self.udp else runner.baseline
            result, _ = runner.run([program] + [str(a) for a in self.baseline_args])
        else:
            result, _ = runner.run(runner.engine_cmd(*self.engine_args))
        return result


class MemoryBenchmark(Benchmark):
    def run_side(self, runner, side):
        n = self.engine_args[0]
        if side == "baseline":
            result, _ = runner.run(runner.baseline_cmd("memory", n))
            return result
        port = free_udp_port()
        result, _ = runner.run(runner.engine_cmd("idle", port, n), extra=runner.baseline_cmd("clients", port, n))
        return result


class StartupBenchmark(Benchmark):
    """Wall time of the whole process, measured from outside, and its peak RSS, which the process
    reads itself (VmHWM): the rusage of a child started from Python counts Python's own pages,
    which the child shares until exec."""

    def __init__(self, *args, field, **kwargs):
        super().__init__(*args, **kwargs)
        self.field = field

    def run_side(self, runner, side):
        argv = runner.baseline_cmd("startup") if side == "baseline" else runner.engine_cmd("startup")
        walls, rss = [], []
        for _ in range(5):  # Short runs: five per round, median kept.
            result, wall = runner.run(argv)
            if "error" in result:
                return result
            walls.append(wall)
            rss.append(max(result["peak_rss"], result["rss"]))  # The kernel updates VmHWM lazily.
        result["wall_ms"] = statistics.median(walls) * 1000
        result["max_rss_mb"] = statistics.median(rss) / 1e6
        result["value"] = result[self.field]
        return result


class EngineOnlyBenchmark(Benchmark):
    """A figure of the engine alone (no C counterpart): shown for information, no target."""

    def run_side(self, runner, side):
        if side == "baseline":
            return {"skipped": "no baseline for this figure"}
        result, _ = runner.run(runner.engine_cmd(*self.engine_args))
        return result


def echo_metric(result):
    return result["packets_per_sec"]


def datagrams_metric(result):
    return result["datagrams_per_sec"]


def seconds_metric(result):
    return result["seconds"]


def ok_ratio_at_least(limit):
    return lambda median, ratio, runs: ratio is not None and ratio >= limit


def handshake_check(runs):
    return all(r.get("failed", 1) == 0 and "error" not in r for r in runs)


BENCHMARKS = [
    Benchmark("udp_64_w1", "UDP echo 10x16000, 64 B, 1 in flight", "datagrams/s", "higher", "ratio >= 0.8",
              ok_ratio_at_least(0.8), ["echo", 10, 16000, 64, 1], ["udp_echo", 10, 16000, 64, 1], datagrams_metric, udp=True),
    Benchmark("udp_64_w8", "UDP echo 10x16000, 64 B, 8 in flight", "datagrams/s", "higher", "ratio >= 0.8",
              ok_ratio_at_least(0.8), ["echo", 10, 16000, 64, 8], ["udp_echo", 10, 16000, 64, 8], datagrams_metric, udp=True),
    Benchmark("echo_64", "echo 10x1000, 64 B", "round trips/s", "higher", "ratio >= 0.9", ok_ratio_at_least(0.9),
              ["echo", 10, 1000, 64], ["echo", 10, 1000, 64], echo_metric, "Godot 4.6.3: ~0.75"),
    Benchmark("echo_1200", "echo 10x1000, 1200 B (1163 B payload)", "round trips/s", "higher", "ratio >= 0.9", ok_ratio_at_least(0.9),
              ["echo", 10, 1000, 1200], ["echo", 10, 1000, 1200], echo_metric, "Godot 4.6.3: ~0.35"),
    Benchmark("handshake_100", "handshake storm, 100 clients", "s", "lower", "0 failures",
              lambda median, ratio, runs: handshake_check(runs),
              ["handshake", 100], ["handshake", 100], seconds_metric, "Godot 4.6.3: ~31 s"),
    Benchmark("handshake_100_ec", "handshake storm, 100 clients, ECDSA P-256 key", "s", "lower", "0 failures",
              lambda median, ratio, runs: handshake_check(runs),
              ["handshake", 100, "ec"], ["handshake", 100, 0, "ec"], seconds_metric),
    Benchmark("handshake_1000", "handshake storm, 1000 clients", "s", "lower", "0 failures, ratio <= 1.5",
              lambda median, ratio, runs: handshake_check(runs) and ratio is not None and ratio <= 1.5,
              ["handshake", 1000], ["handshake", 1000], seconds_metric, "Godot 4.6.3: stalls"),
    MemoryBenchmark("memory_per_peer", "memory per established peer (1000 idle)", "KiB", "lower", "<= 80 KiB",
                    lambda median, ratio, runs: median is not None and median <= 80,
                    engine_args=[1000], metric=lambda r: kib(r["bytes_per_peer"]),
                    reference="polling an idle peer: {poll_ns_per_peer:.0f} ns a frame"),
    Benchmark("memory_per_source", "memory per unverified source (2000-source flood)", "KiB", "lower", "<= 2 KiB",
              lambda median, ratio, runs: median is not None and median <= 2,
              ["flood", 2000], ["flood", 2000], lambda r: kib(r["bytes_per_source"])),
    StartupBenchmark("startup_time", "start to quit", "ms", "lower", "<= 50 ms",
                     lambda median, ratio, runs: median is not None and median <= 50,
                     metric=lambda r: r["wall_ms"], field="wall_ms"),
    StartupBenchmark("startup_rss", "start to quit, peak RSS", "MB", "lower", "<= 20 MB",
                     lambda median, ratio, runs: median is not None and median <= 20,
                     metric=lambda r: r["max_rss_mb"], field="max_rss_mb"),
    EngineOnlyBenchmark("binding_call", "one bound call (get_status), same loop in plain TS", "ns", "lower", "(information)",
                        lambda median, ratio, runs: None, engine_args=["calls", 1000000],
                        metric=lambda r: r["bound_ns"],
                        reference="plain TS method call: {plain_ns:.0f} ns; Vector3.add {vector3_add_ns:.0f} ns, Transform3D * Vector3 {transform3d_xform_ns:.0f} ns"),
]


def median_of(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def value_of(benchmark, result):
    if "error" in result or "skipped" in result:
        return None
    try:
        return benchmark.metric(result)
    except (KeyError, TypeError, ZeroDivisionError):
        return None


def cpu_value(benchmark, result):
    """CPU seconds for the same work, where the scene reports them (echo, handshake)."""
    if "error" in result or "cpu_seconds" not in result:
        return None
    return result["cpu_seconds"]


def fmt(value, unit):
    if value is None:
        return "n/a"
    if unit in ("round trips/s", "datagrams/s"):
        return f"{value:,.0f}/s"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "KiB" and value < 10:
        return f"{value:.2f} {unit}"
    return f"{value:.1f} {unit}"


def met_text(met):
    return "-" if met is None else ("yes" if met else "NO")


def machine_info():
    info = {"hostname": platform.node(), "kernel": platform.release(), "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            models = [line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")]
        info["cpu"] = models[0] if models else "?"
        info["cpus"] = len(models)
    except OSError:
        pass
    try:
        info["openssl"] = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    try:
        info["git_commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
        info["git_dirty"] = bool(subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, cwd=ROOT).stdout.strip())
    except OSError:
        pass
    return info


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", required=True)
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--udp-baseline", required=True)
    parser.add_argument("-k", "--rounds", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated benchmark keys")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    runner = Runner(args.engine, args.baseline, args.udp_baseline, args.verbose)
    selected = [b for b in BENCHMARKS if not args.only or b.key in args.only.split(",")]
    if not selected:
        print("bench: --only matches none of: " + ", ".join(b.key for b in BENCHMARKS), file=sys.stderr)
        return 2
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
    raw = {b.key: {"baseline": [], "engine": []} for b in selected}
    for round_index in range(args.rounds):
        order = ("baseline", "engine") if round_index % 2 == 0 else ("engine", "baseline")
        for benchmark in selected:
            for side in order:
                print(f"  round {round_index + 1}/{args.rounds}  {benchmark.key:<18} {side:<8}", end="", file=sys.stderr, flush=True)
                result = benchmark.run_side(runner, side)
                value = value_of(benchmark, result)
                shown = result.get("error", result.get("skipped")) if value is None else fmt(value, benchmark.unit)
                print(f"  {shown}", file=sys.stderr, flush=True)
                raw[benchmark.key][side].append(result)

    rows = []
    for benchmark in selected:
        base_runs, engine_runs = raw[benchmark.key]["baseline"], raw[benchmark.key]["engine"]
        base = median_of([value_of(benchmark, r) for r in base_runs])
        engine = median_of([value_of(benchmark, r) for r in engine_runs])
        ratio = engine / base if base and engine is not None else None
        base_cpu = median_of([cpu_value(benchmark, r) for r in base_runs])
        engine_cpu = median_of([cpu_value(benchmark, r) for r in engine_runs])
        # CPU for the same work; for throughput the ratio is inverted so that it reads like the wall one.
        cpu_ratio = None
        if base_cpu and engine_cpu:
            cpu_ratio = base_cpu / engine_cpu if benchmark.better == "higher" else engine_cpu / base_cpu
        met = benchmark.check(engine, ratio, engine_runs)  # None: no target.
        reference = benchmark.reference
        if "{" in reference:  # Filled from the engine's own runs (medians of their fields).
            fields = {k: median_of([r.get(k) for r in engine_runs if "error" not in r]) for k in re.findall(r"{(\w+)", reference)}
            reference = reference.format(**{k: (v if v is not None else float("nan")) for k, v in fields.items()})
        rows.append({
            "key": benchmark.key, "benchmark": benchmark.title, "unit": benchmark.unit, "better": benchmark.better,
            "baseline_median": base, "engine_median": engine, "ratio": ratio, "cpu_ratio": cpu_ratio,
            "baseline_cpu_median": base_cpu, "engine_cpu_median": engine_cpu,
            "target": benchmark.target_text, "met": met, "reference": reference,
            "runs": {"baseline": base_runs, "engine": engine_runs},
        })

    print()
    header = f"{'benchmark':<48} {'baseline':>16} {'engine':>16} {'ratio':>7} {'cpu ratio':>9}  {'target':<26} met?  reference"
    print(header)
    print("-" * len(header))
    for row in rows:
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "n/a"
        cpu_ratio = f"{row['cpu_ratio']:.2f}" if row["cpu_ratio"] is not None else ""
        print(f"{row['benchmark']:<48} {fmt(row['baseline_median'], row['unit']):>16} {fmt(row['engine_median'], row['unit']):>16} "
              f"{ratio:>7} {cpu_ratio:>9}  {row['target']:<26} {met_text(row['met']):<5} {row['reference']}")
    print()
    print("ratio = engine / baseline medians (wall clock); cpu ratio = the same from process CPU time.")
    for row in rows:
        failures = [r.get("failed") for r in row["runs"]["engine"] if "failed" in r]
        if failures and any(failures):
            print(f"{row['benchmark']}: engine failures per run {failures}")
        errors = [r["error"] for side in ("baseline", "engine") for r in row["runs"][side] if "error" in r]
        if errors:
            print(f"{row['benchmark']}: {len(errors)} run(s) failed: {errors[0]}")

    os.makedirs(OUT_DIR, exist_ok=True)
    report = {
        "started": started.isoformat(), "rounds": args.rounds, "machine": machine_info(),
        "load_average_before": load_before, "load_average_after": os.getloadavg(),
        "engine": os.path.relpath(args.engine, ROOT), "baseline": os.path.relpath(args.baseline, ROOT),
        "udp_baseline": os.path.relpath(args.udp_baseline, ROOT),
        "results": rows,
    }
    path = os.path.join(OUT_DIR, "results.json")
    with open(path, "w") as handle:
        json.dump(report, handle, indent=2)
    print(f"results: {os.path.relpath(path, ROOT)}  (load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
