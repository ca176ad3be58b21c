import { a1, cellRef, columnLetters, parseCellRef } from "../../src/core/address";

describe("cell addresses", () => {
  it("give column letters past Z", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "ZZ",
      "AAA",
    ]);
    expect(a1(6, 1)).toBe("B7");
  });

  it("quote each sheet's own name when references alternate between sheets", () => {
    expect(cellRef("CSF", 0, 0)).toBe("'CSF'!A1");
    expect(cellRef("Ka'bag", 9, 27)).toBe("'Ka''bag'!AB10");
    expect(cellRef("CSF", 1, 2)).toBe("'CSF'!C2");
    expect(parseCellRef(cellRef("Ka'bag", 4, 3))).toEqual({ sheet: "Ka'bag", row: 4, col: 3 });
  });
});
