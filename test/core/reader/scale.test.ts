import { readWorkbook } from "../../../src/core/reader";
import { allIndicators } from "../../../src/core/model";
import { indicatorCount, shapeFor, syntheticWorkbook } from "../../../bench/synthetic";

// Speed is measured by `npm run bench` (core10kMs, growth10x), not here: this checks the result.
describe("reading large workbooks", () => {
  it("reads 10,000 indicators, every one under its condition", () => {
    const wb = syntheticWorkbook(shapeFor(10000));
    const model = readWorkbook(wb);
    expect(allIndicators(model).length).toBe(indicatorCount(wb));
    expect(model.orphans.length).toBe(0);
  });
});
