/** The sample's kertas kerja, read on its own, gives back the sample's model. */
import * as path from "path";
import { expectRoundTrip } from "./round-trip-check";

const sample = path.resolve(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");

describe("the sample's kertas kerja read on its own", () => {
  it("gives back the sample's 44 conditions with their narratives and indicators", async () => {
    const model = await expectRoundTrip(sample);
    expect(model.nodes).toHaveLength(44);
  });
});
