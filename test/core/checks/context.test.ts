import { makeContext } from "../../../src/core/checks/context";

describe("rule context: values shared by the rules", () => {
  it("works a value out once per model and key, and separately for another model or key", () => {
    const ctx = makeContext("id");
    const a = { n: 1 };
    const b = { n: 2 };
    const made: string[] = [];
    const make =
      (tag: string) =>
      (m: { n: number }): string => {
        made.push(`${tag}${m.n}`);
        return `${tag}${m.n}`;
      };
    expect(ctx.shared(a, "x", make("x"))).toBe("x1");
    expect(ctx.shared(a, "x", make("x"))).toBe("x1");
    expect(ctx.shared(b, "x", make("x"))).toBe("x2");
    expect(ctx.shared(a, "y", make("y"))).toBe("y1");
    expect(made).toEqual(["x1", "x2", "y1"]);
  });

  it("keeps a value that is null or undefined instead of making it again", () => {
    const ctx = makeContext("en");
    const model = {};
    let calls = 0;
    const make = (): undefined => {
      calls++;
      return undefined;
    };
    ctx.shared(model, "k", make);
    ctx.shared(model, "k", make);
    expect(calls).toBe(1);
  });

  it("does not share between two contexts (one per check)", () => {
    const model = {};
    let calls = 0;
    const make = (): number => ++calls;
    expect(makeContext("id").shared(model, "k", make)).toBe(1);
    expect(makeContext("id").shared(model, "k", make)).toBe(2);
  });
});
