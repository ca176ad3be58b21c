import { applyAchievements, computeAchievement, roundHalfAway } from "../../src/core/achievement";
import { emptyModel, indicator, node, numberCell } from "../helpers/model-builder";

describe("computeAchievement", () => {
  it("divides realisasi by target for higher-is-better indicators", () => {
    expect(computeAchievement(80, 60, "higher")).toBe(75);
    expect(computeAchievement(3, 2, "higher")).toBe(66.67);
  });

  it("uses (2 × target − realisasi) / target for lower-is-better indicators, as in the domain notes", () => {
    expect(computeAchievement(7, 6.5, "lower")).toBe(107.14);
    expect(computeAchievement(8, 9, "lower")).toBe(87.5);
  });

  it("does not cap values above 100", () => {
    expect(computeAchievement(10, 15, "higher")).toBe(150);
    expect(computeAchievement(10, 2, "lower")).toBe(180);
  });

  it("gives null, never 0 or Infinity, when the target is 0 or missing or the realisasi is missing", () => {
    expect(computeAchievement(0, 5, "higher")).toBeNull();
    expect(computeAchievement(0, 5, "lower")).toBeNull();
    expect(computeAchievement(null, 5, "higher")).toBeNull();
    expect(computeAchievement(5, null, "higher")).toBeNull();
    expect(computeAchievement(Number.NaN, 5, "higher")).toBeNull();
  });

  it("gives a real 0 when the realisasi is 0 against a real target", () => {
    expect(computeAchievement(10, 0, "higher")).toBe(0);
  });
});

describe("roundHalfAway", () => {
  it("rounds half away from zero like Excel's ROUND despite binary float error", () => {
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
    expect(roundHalfAway(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
    expect(roundHalfAway(107.142857, 2)).toBe(107.14);
  });
});

describe("applyAchievements", () => {
  it("sets the capaian of every indicator, orphans included", () => {
    const model = emptyModel();
    model.nodes.push(
      node({
        code: "1",
        indicators: [
          indicator({ name: "Jumlah Dokumen", target: 4, actual: 3 }),
          indicator({ name: "Angka Kasus", target: 8, actual: 9, polarity: "lower" }),
        ],
      })
    );
    model.orphans.push({
      indicator: indicator({ name: "Jumlah Laporan", target: 2, actual: 2 }),
      refersTo: "9",
    });
    applyAchievements(model);
    expect(model.nodes[0]?.indicators.map((i) => i.achievement)).toEqual([75, 87.5]);
    expect(model.orphans[0]?.indicator.achievement).toBe(100);
  });

  it("computes a Persentase realisasi from pembilang and penyebut when the realisasi is empty", () => {
    const model = emptyModel();
    const ind = indicator({
      name: "Persentase Layanan Terpenuhi",
      target: 90,
      actual: null,
      numerator: 45,
      denominator: 52,
    });
    model.nodes.push(node({ code: "1", indicators: [ind] }));
    applyAchievements(model);
    // 45 / 52 × 100 = 86.538… → 86.54; capaian 86.54 / 90 × 100 = 96.155… → 96.16
    expect(ind.actual).toBe(86.54);
    expect(ind.achievement).toBe(96.16);
  });

  it("keeps a typed realisasi and an unreadable one, and does not derive it for a Jumlah indicator", () => {
    const typed = indicator({
      name: "% Layanan",
      target: 80,
      actual: 70,
      numerator: 1,
      denominator: 2,
    });
    const unreadable = indicator({
      name: "Persentase Layanan",
      target: 80,
      actual: null,
      numerator: 1,
      denominator: 2,
      values: { actual: numberCell({ raw: "-", value: null, readable: false }) },
    });
    const count = indicator({
      name: "Jumlah Layanan",
      target: 80,
      actual: null,
      numerator: 1,
      denominator: 2,
    });
    const model = emptyModel();
    model.nodes.push(node({ code: "1", indicators: [typed, unreadable, count] }));
    applyAchievements(model);
    expect(typed.actual).toBe(70);
    expect(typed.achievement).toBe(87.5);
    expect(unreadable.actual).toBeNull();
    expect(unreadable.achievement).toBeNull();
    expect(count.actual).toBeNull();
  });

  it("leaves the realisasi empty when the penyebut is 0", () => {
    const ind = indicator({
      name: "Persentase Layanan",
      target: 80,
      actual: null,
      numerator: 3,
      denominator: 0,
    });
    const model = emptyModel();
    model.nodes.push(node({ code: "1", indicators: [ind] }));
    applyAchievements(model);
    expect(ind.actual).toBeNull();
    expect(ind.achievement).toBeNull();
  });
});
