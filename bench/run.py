#!/usr/bin/env python3
"""Runs Quickdot's UDP and DTLS benchmarks against the C baselines and Godot 4.6.3, prints the table.

Called by bench/run.sh after the build (see there for the options). Each benchmark runs the
baseline, the engine and Godot (GDScript versions of the scenes, bench/godot_project, run in
Godot's chroot by tools/run_godot.sh) in turn, K rounds (the order rotates every round, so a slow
drift of the machine's load hits every side alike); the table shows medians, the ratio
engine/baseline and the ratio Quickdot/Godot. Every raw result goes to bench/out/results.json.
Benchmarks print figures; nothing here asserts.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = os.path.join(ROOT, "bench", "project")
GODOT_PROJECT = os.path.join(ROOT, "bench", "godot_project")
GODOT_ROOT = os.path.join(ROOT, "thirdparty", "godot-sid")
RUN_GODOT = os.path.join(ROOT, "tools", "run_godot.sh")
OUT_DIR = os.path.join(ROOT, "bench", "out")
RUN_TIMEOUT_SEC = 420


class Godot:
    """Godot 4.6.3 in its chroot: a copy of bench/godot_project in a folder inside the chroot
    (Godot writes its .godot/ there), Godot's HOME next to it. reason says why it cannot run."""

    def __init__(self):
        self.reason = None
        self.cell = None  # What the Godot column says when it has no figures.
        self.work = None  # The folder, seen from outside the chroot.
        self.inside = None  # The same, seen by Godot.
        self.version = None

    @property
    def available(self):
        return self.reason is None

    def start(self, wanted):
        if not wanted:
            self.reason, self.cell = "not run (--no-godot)", "not run"
            return
        check = subprocess.run([RUN_GODOT, "--check"], capture_output=True, text=True, cwd=ROOT)
        if check.returncode != 0:
            lines = check.stderr.strip().splitlines() or [f"tools/run_godot.sh --check exited with {check.returncode}"]
            self.reason, self.cell = lines[-1].removeprefix("run_godot: "), "not installed"
            return
        made = subprocess.run([RUN_GODOT, "--mktemp", "quickdot-bench"], capture_output=True, text=True, cwd=ROOT)
        if made.returncode != 0:
            self.reason = "tools/run_godot.sh --mktemp failed: " + (made.stderr.strip().splitlines() or ["?"])[-1]
            self.cell = "not installed"
            return
        self.work = made.stdout.strip()
        self.inside = "/" + os.path.relpath(self.work, GODOT_ROOT)
        shutil.copytree(GODOT_PROJECT, os.path.join(self.work, "godot_project"))
        os.mkdir(os.path.join(self.work, "home"))
        # The version, and a first start that makes the project's .godot/ folder before any timing.
        try:
            version = subprocess.run(self.cmd_prefix() + ["--version"], capture_output=True, text=True, cwd=ROOT, timeout=60)
            self.version = version.stdout.strip().splitlines()[-1] if version.returncode == 0 and version.stdout.strip() else None
            warm_up = subprocess.run(self.cmd("startup"), capture_output=True, text=True, cwd=ROOT, timeout=60)
        except subprocess.TimeoutExpired:
            self.reason, self.cell = "Godot did not start within 60 s", "did not start"
            return
        if "BENCH " not in warm_up.stdout:
            lines = warm_up.stderr.strip().splitlines() or ["no output"]
            self.reason = "Godot ran but printed no BENCH line: " + next((l for l in lines if "ERROR" in l), lines[-1])
            self.cell = "did not start"

    def cmd_prefix(self):
        return [RUN_GODOT, self.inside + "/home", "--headless", "--path", self.inside + "/godot_project"]

    def cmd(self, *args):
        return self.cmd_prefix() + ["-s", "res://main.gd", "--"] + [str(a) for a in args]

    def stop(self):
        if self.work:
            # Godot ran as root: its files may be root's.
            if os.geteuid() == 0:
                shutil.rmtree(self.work, ignore_errors=True)
            else:
                subprocess.run(["sudo", "-n", "rm", "-rf", self.work])
            self.work = None


class Runner:
    def __init__(self, engine, baseline, udp_baseline, verbose, godot):
        self.engine = engine
        self.baseline = baseline
        self.udp_baseline = udp_baseline
        self.verbose = verbose
        self.godot = godot

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

    def godot_cmd(self, *args):
        return self.godot.cmd(*args)


def free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ------------------------------------------------------------------------------------------------
# Benchmarks. Each runs one side ("baseline", "engine" or "godot") once and returns its BENCH
# result, from which "metric" takes the benchmark's figure. Godot runs the engine's arguments
# unless godot_skip says why Godot cannot do the same.

def kib(value):
    return value / 1024


class Benchmark:
    """name, metric text, how the ratio reads, the target, and how to run one side once."""

    def __init__(self, key, title, unit, better, target_text, check, baseline_args=None, engine_args=None, metric=None, reference="",
                 udp=False, godot_skip=None, godot_reference=""):
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
        self.godot_skip = godot_skip  # Why Godot has no counterpart (None: it has one).
        self.godot_reference = godot_reference  # Like reference, filled from Godot's runs.

    def run_side(self, runner, side):
        if side == "godot" and self.godot_skip:
            return {"skipped": self.godot_skip}
        return self.run_one(runner, side)

    def run_one(self, runner, side):
        if side == "baseline":
            program = runner.udp_baseline if self.udp else runner.baseline
            result, _ = runner.run([program] + [str(a) for a in self.baseline_args])
        elif side == "godot":
            result, _ = runner.run(runner.godot_cmd(*self.engine_args))
        else:
            result, _ = runner.run(runner.engine_cmd(*self.engine_args))
        return result


class MemoryBenchmark(Benchmark):
    def run_one(self, runner, side):
        n = self.engine_args[0]
        if side == "baseline":
            result, _ = runner.run(runner.baseline_cmd("memory", n))
            return result
        port = free_udp_port()
        server = runner.godot_cmd if side == "godot" else runner.engine_cmd
        result, _ = runner.run(server("idle", port, n), extra=runner.baseline_cmd("clients", port, n))
        return result


class StartupBenchmark(Benchmark):
    """Wall time of the whole process, measured from outside, and its peak RSS, which the process
    reads itself (VmHWM): the rusage of a child started from Python counts Python's own pages,
    which the child shares until exec."""

    def __init__(self, *args, field, **kwargs):
        super().__init__(*args, **kwargs)
        self.field = field

    def run_one(self, runner, side):
        command = {"baseline": runner.baseline_cmd, "engine": runner.engine_cmd, "godot": runner.godot_cmd}[side]
        argv = command("startup")
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
    """A figure of the engine (and Godot) alone, no C counterpart: shown for information, no target."""

    def run_one(self, runner, side):
        if side == "baseline":
            return {"skipped": "no baseline for this figure"}
        return super().run_one(runner, side)


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
              ["echo", 10, 1000, 64], ["echo", 10, 1000, 64], echo_metric),
    Benchmark("echo_1200", "echo 10x1000, 1200 B (1163 B payload)", "round trips/s", "higher", "ratio >= 0.9", ok_ratio_at_least(0.9),
              ["echo", 10, 1000, 1200], ["echo", 10, 1000, 1200], echo_metric),
    Benchmark("handshake_100", "handshake storm, 100 clients", "s", "lower", "0 failures",
              lambda median, ratio, runs: handshake_check(runs),
              ["handshake", 100], ["handshake", 100], seconds_metric),
    Benchmark("handshake_100_ec", "handshake storm, 100 clients, ECDSA P-256 key", "s", "lower", "0 failures",
              lambda median, ratio, runs: handshake_check(runs),
              ["handshake", 100, "ec"], ["handshake", 100, 0, "ec"], seconds_metric,
              godot_skip="Godot's Crypto makes RSA keys only (no generate_ec)"),
    Benchmark("handshake_1000", "handshake storm, 1000 clients", "s", "lower", "0 failures, ratio <= 1.5",
              lambda median, ratio, runs: handshake_check(runs) and ratio is not None and ratio <= 1.5,
              ["handshake", 1000], ["handshake", 1000], seconds_metric),
    MemoryBenchmark("memory_per_peer", "memory per established peer (1000 idle)", "KiB", "lower", "<= 80 KiB",
                    lambda median, ratio, runs: median is not None and median <= 80,
                    engine_args=[1000], metric=lambda r: kib(r["bytes_per_peer"]),
                    reference="polling an idle peer: {poll_ns_per_peer:.0f} ns a frame",
                    godot_reference="polling an idle peer: {poll_ns_per_peer:.0f} ns a frame"),
    Benchmark("memory_per_source", "memory per unverified source (2000-source flood)", "KiB", "lower", "<= 2 KiB",
              lambda median, ratio, runs: median is not None and median <= 2,
              ["flood", 2000], ["flood", 2000], lambda r: kib(r["bytes_per_source"]),
              godot_skip="Godot's DTLSServer answers a cookie-less ClientHello with a HelloVerifyRequest and a peer in "
                         "STATUS_ERROR: a script keeps nothing per source"),
    StartupBenchmark("startup_time", "start to quit", "ms", "lower", "<= 50 ms",
                     lambda median, ratio, runs: median is not None and median <= 50,
                     metric=lambda r: r["wall_ms"], field="wall_ms"),
    StartupBenchmark("startup_rss", "start to quit, peak RSS", "MB", "lower", "<= 20 MB",
                     lambda median, ratio, runs: median is not None and median <= 20,
                     metric=lambda r: r["max_rss_mb"], field="max_rss_mb"),
    EngineOnlyBenchmark("binding_call", "one bound call (get_status), same loop in plain TS", "ns", "lower", "(information)",
                        lambda median, ratio, runs: None, engine_args=["calls", 1000000],
                        metric=lambda r: r["bound_ns"],
                        reference="plain TS method call: {plain_ns:.0f} ns; Vector3.add {vector3_add_ns:.0f} ns, Transform3D * Vector3 {transform3d_xform_ns:.0f} ns",
                        godot_reference="plain GDScript method call: {plain_ns:.0f} ns; Vector3 + Vector3 {vector3_add_ns:.0f} ns, Transform3D * Vector3 {transform3d_xform_ns:.0f} ns"),
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


def fill_reference(template, runs):
    """A reference text filled from a side's runs (medians of the fields it names)."""
    if "{" not in template:
        return template
    fields = {k: median_of([r.get(k) for r in runs if "error" not in r and "skipped" not in r]) for k in re.findall(r"{(\w+)", template)}
    if all(v is None for v in fields.values()):
        return ""
    return template.format(**{k: (v if v is not None else float("nan")) for k, v in fields.items()})


def godot_cell(row, godot):
    if not godot.available:
        return godot.cell
    if row["godot_skip"]:
        return "skipped"
    text = fmt(row["godot_median"], row["unit"])
    # A storm that ended at its deadline: the time is a lower bound, the failures say by how much.
    failures = median_of([r.get("failed") for r in row["runs"]["godot"] if "error" not in r and "skipped" not in r])
    if failures:
        text += f", {failures:.0f} failed"
    return text


def godot_ratio_text(row):
    """Quickdot/Godot medians, and who is ahead (Q or G), by the figure's direction."""
    ratio = row["godot_ratio"]
    if ratio is None:
        return ""
    text = f"{ratio:.3f}" if ratio < 0.1 else (f"{ratio:.0f}" if ratio >= 100 else f"{ratio:.2f}")
    if abs(ratio - 1) < 0.005:
        return text + "  "
    quickdot_ahead = ratio > 1 if row["better"] == "higher" else ratio < 1
    return text + (" Q" if quickdot_ahead else " G")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", required=True)
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--udp-baseline", required=True)
    parser.add_argument("-k", "--rounds", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated benchmark keys")
    parser.add_argument("--no-godot", action="store_true", help="leave out the Godot column")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    selected = [b for b in BENCHMARKS if not args.only or b.key in args.only.split(",")]
    if not selected:
        print("bench: --only matches none of: " + ", ".join(b.key for b in BENCHMARKS), file=sys.stderr)
        return 2
    godot = Godot()
    try:
        godot.start(not args.no_godot)
        if godot.available:
            print(f"bench: Godot {godot.version or '(version unknown)'} in {os.path.relpath(godot.work, ROOT)}", file=sys.stderr)
        else:
            print(f"bench: no Godot column: {godot.reason}", file=sys.stderr)
        runner = Runner(args.engine, args.baseline, args.udp_baseline, args.verbose, godot)
        return run_and_report(args, selected, runner, godot)
    finally:
        godot.stop()


def run_and_report(args, selected, runner, godot):
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
    sides = ["baseline", "engine"] + (["godot"] if godot.available else [])
    raw = {b.key: {side: [] for side in ("baseline", "engine", "godot")} for b in selected}
    for round_index in range(args.rounds):
        shift = round_index % len(sides)
        order = sides[shift:] + sides[:shift]
        for benchmark in selected:
            for side in order:
                print(f"  round {round_index + 1}/{args.rounds}  {benchmark.key:<18} {side:<8}", end="", file=sys.stderr, flush=True)
                result = benchmark.run_side(runner, side)
                value = value_of(benchmark, result)
                shown = result.get("error", result.get("skipped")) if value is None else fmt(value, benchmark.unit)
                if side == "godot" and "skipped" in result:
                    shown = "skipped (see below the table)"
                print(f"  {shown}", file=sys.stderr, flush=True)
                raw[benchmark.key][side].append(result)

    rows = []
    for benchmark in selected:
        runs = raw[benchmark.key]
        base_runs, engine_runs, godot_runs = runs["baseline"], runs["engine"], runs["godot"]
        base = median_of([value_of(benchmark, r) for r in base_runs])
        engine = median_of([value_of(benchmark, r) for r in engine_runs])
        godot_value = median_of([value_of(benchmark, r) for r in godot_runs])
        ratio = engine / base if base and engine is not None else None
        godot_ratio = engine / godot_value if godot_value and engine is not None else None
        base_cpu = median_of([cpu_value(benchmark, r) for r in base_runs])
        engine_cpu = median_of([cpu_value(benchmark, r) for r in engine_runs])
        godot_cpu = median_of([cpu_value(benchmark, r) for r in godot_runs])
        # CPU for the same work; for throughput the ratio is inverted so that it reads like the wall one.
        cpu_ratio = None
        if base_cpu and engine_cpu:
            cpu_ratio = base_cpu / engine_cpu if benchmark.better == "higher" else engine_cpu / base_cpu
        godot_cpu_ratio = None
        if godot_cpu and engine_cpu:
            godot_cpu_ratio = godot_cpu / engine_cpu if benchmark.better == "higher" else engine_cpu / godot_cpu
        met = benchmark.check(engine, ratio, engine_runs)  # None: no target.
        rows.append({
            "key": benchmark.key, "benchmark": benchmark.title, "unit": benchmark.unit, "better": benchmark.better,
            "baseline_median": base, "engine_median": engine, "ratio": ratio, "cpu_ratio": cpu_ratio,
            "baseline_cpu_median": base_cpu, "engine_cpu_median": engine_cpu,
            "godot_median": godot_value, "godot_cpu_median": godot_cpu,
            "godot_ratio": godot_ratio, "godot_cpu_ratio": godot_cpu_ratio,
            "godot_skip": benchmark.godot_skip if godot.available else None,
            "target": benchmark.target_text, "met": met, "reference": fill_reference(benchmark.reference, engine_runs),
            "godot_reference": fill_reference(benchmark.godot_reference, godot_runs),
            "runs": {"baseline": base_runs, "engine": engine_runs, "godot": godot_runs},
        })

    print()
    header = (f"{'benchmark':<48} {'baseline':>16} {'engine':>16} {'ratio':>7} {'cpu ratio':>9} {'Godot 4.6.3':>22} {'Q/Godot':>8}"
              f"  {'target':<26} met?  reference")
    print(header)
    print("-" * len(header))
    for row in rows:
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "n/a"
        cpu_ratio = f"{row['cpu_ratio']:.2f}" if row["cpu_ratio"] is not None else ""
        print(f"{row['benchmark']:<48} {fmt(row['baseline_median'], row['unit']):>16} {fmt(row['engine_median'], row['unit']):>16} "
              f"{ratio:>7} {cpu_ratio:>9} {godot_cell(row, godot):>22} {godot_ratio_text(row):>8}"
              f"  {row['target']:<26} {met_text(row['met']):<5} {row['reference']}")
    print()
    print("ratio = engine / baseline medians (wall clock); cpu ratio = the same from process CPU time.")
    if godot.available:
        print("Q/Godot = Quickdot's engine / Godot 4.6.3 medians of the figure, Q or G: whose figure is better"
              " (higher for /s, lower for the rest).")
    else:
        print(f"Godot 4.6.3: {godot.reason}")
    for row in rows:
        if row["godot_skip"]:
            print(f"{row['benchmark']}: no Godot figure: {row['godot_skip']}")
        if row["godot_reference"]:
            print(f"{row['benchmark']}: Godot: {row['godot_reference']}")
        for side, name in (("engine", "engine"), ("godot", "Godot")):
            failures = [r.get("failed") for r in row["runs"][side] if "failed" in r]
            if failures and any(failures):
                print(f"{row['benchmark']}: {name} failures per run {failures}")
        errors = [f"{side}: {r['error']}" for side in ("baseline", "engine", "godot") for r in row["runs"][side] if "error" in r]
        if errors:
            print(f"{row['benchmark']}: {len(errors)} run(s) failed: {errors[0]}")

    os.makedirs(OUT_DIR, exist_ok=True)
    report = {
        "started": started.isoformat(), "rounds": args.rounds, "machine": machine_info(),
        "load_average_before": load_before, "load_average_after": os.getloadavg(),
        "engine": os.path.relpath(args.engine, ROOT), "baseline": os.path.relpath(args.baseline, ROOT),
        "udp_baseline": os.path.relpath(args.udp_baseline, ROOT),
        "godot": {"available": godot.available, "reason": godot.reason, "version": godot.version,
                  "project": os.path.relpath(GODOT_PROJECT, ROOT), "runner": os.path.relpath(RUN_GODOT, ROOT)},
        "results": rows,
    }
    path = os.path.join(OUT_DIR, "results.json")
    with open(path, "w") as handle:
        json.dump(report, handle, indent=2)
    print(f"results: {os.path.relpath(path, ROOT)}  (load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
