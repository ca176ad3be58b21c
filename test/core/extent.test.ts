import { maxOf, minOf } from "../../src/core/extent";

describe("maxOf and minOf", () => {
  it("give the largest and smallest value, with the start value counted", () => {
    expect(maxOf([3, 9, -2])).toBe(9);
    expect(minOf([3, 9, -2])).toBe(-2);
    expect(maxOf([3, 9], 12)).toBe(12);
    expect(minOf([3, 9], 1)).toBe(1);
    expect(maxOf([])).toBe(-Infinity);
    expect(minOf([], 5)).toBe(5);
  });

  it("take more values than Math.max can take as arguments", () => {
    const many = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect(maxOf(many)).toBe(499_999);
    expect(minOf(many)).toBe(0);
  });
});
