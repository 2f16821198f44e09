// `npm run bench [-- --quick]`: our cost against hand-written resources, side by side in one run.
// Every figure is the median over whole processes (fresh `node`, module loading included), with
// ours and the baseline interleaved so drift on a shared machine hits both alike.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

const quick = process.argv.includes("--quick");
const RUNS = quick ? 1 : 5;
const COUNTS = quick ? [1, 10] : [1, 100, 500];
const BENCH_DIR = __dirname;
const OUT = path.join(BENCH_DIR, quick ? "results-quick.json" : "results.json");

interface Sample {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  [key: string]: unknown;
}

function runProcess(script: string, args: string[]): Sample {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [path.join(BENCH_DIR, script), ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${script} ${args.join(" ")} failed:\n${result.stderr}`);
  const lastLine = result.stdout.trim().split("\n").pop() as string;
  return { wallMs, ...(JSON.parse(lastLine) as { peakRssMb: number; cpuMs: number }) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

interface EngineRow {
  engine: string;
  clusters: number;
  oursSeconds: number;
  baselineSeconds: number;
  /** Wall-clock ratio: what a user waits. */
  ratio: number;
  oursCpuSeconds: number;
  baselineCpuSeconds: number;
  /** CPU-time ratio: what the work costs, steadier than wall time on a shared machine. */
  cpuRatio: number;
  oursPeakRssMb: number;
  baselinePeakRssMb: number;
}

function compareEngine(engine: string, ours: string, baseline: string, baselineArgs: string[] = []): EngineRow[] {
  return COUNTS.map((clusters) => {
    const oursSamples: Sample[] = [];
    const baselineSamples: Sample[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
      const order = run % 2 === 0 ? [ours, baseline] : [baseline, ours];
      for (const script of order) {
        if (script === ours) oursSamples.push(runProcess(ours, [String(clusters)]));
        else baselineSamples.push(runProcess(baseline, [String(clusters), ...baselineArgs]));
      }
    }
    const oursSeconds = median(oursSamples.map((s) => s.wallMs)) / 1000;
    const baselineSeconds = median(baselineSamples.map((s) => s.wallMs)) / 1000;
    const oursCpuSeconds = median(oursSamples.map((s) => s.cpuMs)) / 1000;
    const baselineCpuSeconds = median(baselineSamples.map((s) => s.cpuMs)) / 1000;
    const row = {
      engine,
      clusters,
      oursSeconds: round(oursSeconds),
      baselineSeconds: round(baselineSeconds),
      ratio: round(oursSeconds / baselineSeconds),
      oursCpuSeconds: round(oursCpuSeconds),
      baselineCpuSeconds: round(baselineCpuSeconds),
      cpuRatio: round(oursCpuSeconds / baselineCpuSeconds),
      oursPeakRssMb: median(oursSamples.map((s) => s.peakRssMb)),
      baselinePeakRssMb: median(baselineSamples.map((s) => s.peakRssMb)),
    };
    console.error(
      `  ${engine} N=${clusters}: ours ${row.oursSeconds} s (${row.oursCpuSeconds} s CPU), baseline ${row.baselineSeconds} s (${row.baselineCpuSeconds} s CPU)`,
    );
    return row;
  });
}

interface LoadRow {
  entryPoint: string;
  loadMs: number;
  peakRssMb: number;
  modules: number;
  packages: string[];
  files: string[];
}

function measureLoad(entryPoint: string, runs = RUNS): LoadRow {
  const samples = Array.from({ length: runs }, () => runProcess("workloads/load.js", [entryPoint]));
  const last = samples[samples.length - 1] as Sample & { modules: number; packages: string[]; files: string[] };
  return {
    entryPoint,
    loadMs: round(median(samples.map((s) => s.loadMs as number)), 1),
    peakRssMb: median(samples.map((s) => s.peakRssMb)),
    modules: last.modules,
    packages: last.packages,
    files: last.files,
  };
}

function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: (string | number)[]) => `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(" | ")} |`;
  return [line(headers), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

function main(): void {
  console.error(
    `camunda-byok-kms benchmark (${quick ? "quick" : "full"}: ${RUNS} run(s) per figure, N = ${COUNTS.join(", ")}) on Node.js ${process.version}`,
  );
  const engines = [
    ...compareEngine("CDKTF synth", "workloads/cdktf-ours.js", "baseline/cdktf-baseline.js"),
    ...compareEngine("CDKTF synth, vs own construct", "workloads/cdktf-ours.js", "baseline/cdktf-baseline.js", ["--own-construct"]),
    ...compareEngine("Pulumi (mocks)", "workloads/pulumi-ours.js", "baseline/pulumi-baseline.js"),
  ];
  const loads = ["camunda-byok-kms", "camunda-byok-kms/pulumi", "camunda-byok-kms/cdktf", "cdktf-dependencies"].map((entry) =>
    measureLoad(entry),
  );
  if (!quick) loads.push(measureLoad("@cdktf/provider-aws", 1));
  const throughput = median(
    Array.from({ length: RUNS }, () => runProcess("workloads/core-throughput.js", [quick ? "0.2" : "1"]).policiesPerSecond as number),
  );

  const core = loads[0];
  const cdktfEntry = loads[2];
  const cdktfDependencies = new Set(loads[3].files);
  const extraCdktfModules = cdktfEntry.files.filter((file) => !file.includes("/dist/") && !cdktfDependencies.has(file));
  const iacPackages = ["@pulumi/pulumi", "@pulumi/aws", "cdktf", "constructs", "@cdktf/provider-aws"];
  const largest = COUNTS[COUNTS.length - 1];
  const previous = COUNTS[COUNTS.length - 2];
  const scaling = (engine: string) => {
    const at = (n: number) => engines.find((row) => row.engine === engine && row.clusters === n)!.oursSeconds;
    return round(at(largest) / at(previous));
  };
  const targets = [
    ...["CDKTF synth", "Pulumi (mocks)"].flatMap((engine) => {
      const rows = engines.filter((row) => row.engine === engine);
      return [
        {
          target: `${engine}: ours / baseline <= 1.10 in wall time, every N`,
          met: rows.every((r) => r.ratio <= 1.1),
          measured: `max ${Math.max(...rows.map((r) => r.ratio))}`,
        },
        {
          target: `${engine}: ours / baseline <= 1.10 in CPU time, every N`,
          met: rows.every((r) => r.cpuRatio <= 1.1),
          measured: `max ${Math.max(...rows.map((r) => r.cpuRatio))}`,
        },
      ];
    }),
    ...["CDKTF synth", "Pulumi (mocks)"].map((engine) => ({
      target: `${engine}: N=${largest} <= ${round((largest / previous) * 1.1, 1)} x N=${previous} (linear)`,
      met: scaling(engine) <= (largest / previous) * 1.1,
      measured: `${scaling(engine)} x`,
    })),
    { target: "core loads in < 50 ms", met: core.loadMs < 50, measured: `${core.loadMs} ms` },
    { target: "core loads no IaC package", met: !core.packages.some((p) => iacPackages.includes(p)), measured: core.packages.join(", ") },
    {
      target: "/cdktf loads only cdktf and the provider modules it uses",
      met: extraCdktfModules.length === 0,
      measured: `${extraCdktfModules.length} other modules`,
    },
    { target: ">= 100,000 validated policies / s", met: throughput >= 100_000, measured: `${throughput.toLocaleString("en-US")} / s` },
  ];

  console.log(
    table(
      [
        "engine",
        "N",
        "ours (s)",
        "baseline (s)",
        "ratio",
        "ours CPU (s)",
        "baseline CPU (s)",
        "CPU ratio",
        "ours peak MB",
        "baseline peak MB",
      ],
      engines.map((r) => [
        r.engine,
        r.clusters,
        r.oursSeconds,
        r.baselineSeconds,
        r.ratio,
        r.oursCpuSeconds,
        r.baselineCpuSeconds,
        r.cpuRatio,
        r.oursPeakRssMb,
        r.baselinePeakRssMb,
      ]),
    ),
  );
  console.log();
  console.log(
    table(
      ["load", "time (ms)", "peak MB", "modules", "packages"],
      loads.map((l) => [
        l.entryPoint === "cdktf-dependencies" ? "cdktf + the provider modules /cdktf uses" : l.entryPoint,
        l.loadMs,
        l.peakRssMb,
        l.modules,
        l.packages.length,
      ]),
    ),
  );
  console.log();
  console.log(`core throughput: ${throughput.toLocaleString("en-US")} validated key policies per second`);
  console.log();
  console.log(
    table(
      ["target", "met", "measured"],
      targets.map((t) => [t.target, t.met ? "yes" : "NO", t.measured]),
    ),
  );

  const results = {
    node: process.version,
    mode: quick ? "quick" : "full",
    runsPerFigure: RUNS,
    engines,
    loads: loads.map(({ files, ...rest }) => rest),
    policiesPerSecond: throughput,
    targets,
  };
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), OUT)}`);
}

main();
