import { previewEdit, type CellEdit } from "../../../src/core/fixes";

const edit = (before: CellEdit["before"], after: CellEdit["after"]): CellEdit => ({
  sheet: "CSF",
  row: 19,
  col: 2,
  before,
  after,
});

describe("what the pane shows of an edit", () => {
  it("shows only the line that changes in a cell listing several conditions", () => {
    const p = previewEdit(
      edit(
        "Bina Mental (2.1)\nKesejahteraan Sosial (2.2)",
        "Bina Mental (2.1)\nKesejahteraan Sosial (1.2.2)"
      )
    );
    expect(p).toEqual({
      cell: "'CSF'!C20",
      before: "Kesejahteraan Sosial (2.2)",
      after: "Kesejahteraan Sosial (1.2.2)",
    });
  });

  it("shows the words around the change of a long line", () => {
    const long = `Terwujudnya kondisi ini dapat tergambar dari indikator (1) ${"Jumlah Dokumen ".repeat(12)}Lama`;
    const p = previewEdit(edit(long, long.replace(/Lama$/, "Baru")));
    expect(p.before.startsWith("…")).toBe(true);
    expect(p.before.endsWith("Lama")).toBe(true);
    expect(p.after.endsWith("Baru")).toBe(true);
    expect(p.after.length).toBeLessThan(80);
  });

  it("shows numbers in the user's language and emptied cells as empty", () => {
    expect(previewEdit(edit("82,5", 82.5))).toMatchObject({ before: "82,5", after: "82,5" });
    expect(previewEdit(edit("82,5", 82.5), "en")).toMatchObject({ after: "82.5" });
    expect(previewEdit(edit("(3) Persentase BMD", null))).toMatchObject({ after: "" });
    const percent = { ...edit("16,5%", 0.165), numberFormat: "0.0%", numberFormatBefore: null };
    expect(previewEdit(percent)).toMatchObject({ before: "16,5%", after: "16,5%" });
  });
});
