import { recogniseHeader } from "../../../src/core/reader/headers";

describe("recogniseHeader", () => {
  it("recognises a row again after its cells change (same array, same length)", () => {
    const row = ["Indikator Kinerja", "Target", "Realisasi"];
    expect(recogniseHeader(row)?.kind).toBe("measure");
    row[1] = "Definisi";
    row[2] = "Sumber Data";
    expect(recogniseHeader(row)?.kind).toBe("indicator-text");
    expect(recogniseHeader(row)?.columns).toEqual({ name: 0, definition: 1, dataSource: 2 });
    row[2] = "Keterangan";
    expect(recogniseHeader(row)?.columns).toEqual({ name: 0, definition: 1 });
    row[1] = "Uraian";
    expect(recogniseHeader(row)).toBeNull();
  });

  it("gives repeated header rows the same columns, whichever row came between", () => {
    const text = ["Indikator Kinerja", "Definisi/Penjelasan", "Formulasi", "Sumber Data"];
    const measure = ["Kode", "Indikator Kinerja", "Target", "Realisasi"];
    const first = recogniseHeader([...text]);
    recogniseHeader([...measure]);
    const again = recogniseHeader([...text]);
    expect(again).toEqual(first);
    expect(again?.columns).toEqual({ name: 0, definition: 1, formula: 2, dataSource: 3 });
    expect(recogniseHeader([...measure])?.columns).toEqual({
      code: 0,
      name: 1,
      target: 2,
      actual: 3,
    });
  });
});
