import { readWorkbook } from "../../../src/core/reader";
import { allIndicators } from "../../../src/core/model";
import { indicatorCount, shapeFor, syntheticWorkbook } from "../../../bench/synthetic";

/** CPU milliseconds of one read (CPU time, so a busy machine does not fail the test). */
function cpuMs(n: number): { ms: number; read: number; expected: number; orphans: number } {
  const wb = syntheticWorkbook(shapeFor(n));
  const start = process.cpuUsage();
  const model = readWorkbook(wb);
  const used = process.cpuUsage(start);
  return {
    ms: (used.user + used.system) / 1000,
    read: allIndicators(model).length,
    expected: indicatorCount(wb),
    orphans: model.orphans.length,
  };
}

describe("reading large workbooks", () => {
  it("reads 10,000 indicators, every one under its condition", () => {
    cpuMs(2000); // warm up the JIT
    const r = cpuMs(10000);
    expect(r.read).toBe(r.expected);
    expect(r.orphans).toBe(0);
    // Generous: a quadratic scan takes tens of seconds here; the benchmark measures the real budget.
    expect(r.ms).toBeLessThan(6000);
  });

  it("grows linearly: four times the indicators take well under sixteen times as long", () => {
    cpuMs(2000);
    const small = Math.min(cpuMs(5000).ms, cpuMs(5000).ms);
    const large = Math.min(cpuMs(20000).ms, cpuMs(20000).ms);
    expect(large / small).toBeLessThan(8);
  });
});
