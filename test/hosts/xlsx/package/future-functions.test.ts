import {
  fromFileFormula,
  toFileFormula,
} from "../../../../src/hosts/xlsx/package/future-functions";
import { capaianFormula } from "../../../../src/core/capaian";

describe("future functions in the file format", () => {
  it("are stored with the _xlfn. prefix, every call of them", () => {
    expect(toFileFormula('NUMBERVALUE(A1,",",".")+numbervalue(B1)')).toBe(
      '_xlfn.NUMBERVALUE(A1,",",".")+_xlfn.numbervalue(B1)'
    );
    expect(toFileFormula("IFNA(STDEV.S(A1:A9),0)")).toBe("_xlfn.IFNA(_xlfn.STDEV.S(A1:A9),0)");
  });

  it("leave older functions, names that only end like one, texts and sheet names alone", () => {
    const f = `SUM(A1)+MYNUMBERVALUE(1)+LEN("NUMBERVALUE(")+'NUMBERVALUE(1)'!A1`;
    expect(toFileFormula(f)).toBe(f);
  });

  it("are prefixed once, however often the formula is written", () => {
    const once = toFileFormula("NUMBERVALUE(A1)");
    expect(toFileFormula(once)).toBe(once);
  });

  it("are read back as Excel shows them, _xlws. too, texts untouched", () => {
    expect(fromFileFormula('_xlfn.NUMBERVALUE(A1)&"_xlfn.x"')).toBe('NUMBERVALUE(A1)&"_xlfn.x"');
    expect(fromFileFormula("_xlfn._xlws.SORT(A1:A3)")).toBe("SORT(A1:A3)");
    expect(fromFileFormula("SUM(A1)")).toBe("SUM(A1)");
  });

  it("round-trip the capaian formula that reads text", () => {
    const f = capaianFormula({ ref: "D5", kind: "text" }, { ref: "E5", kind: "text" }, "lower");
    const stored = toFileFormula(f);
    expect(stored.match(/_xlfn\.NUMBERVALUE\(/g)?.length).toBe(f.match(/NUMBERVALUE\(/g)?.length);
    expect(stored).not.toMatch(/[^.]NUMBERVALUE\(/);
    expect(fromFileFormula(stored)).toBe(f);
  });
});
