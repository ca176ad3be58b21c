// The built pane (dist/) must start in the oldest webviews Office uses: Safari 14 (Excel on
// older macOS and iPad) and Chromium 86 (Edge WebView2's oldest). Parsed as ES2020, with no
// regex lookbehind (Safari 16.4) and no Array/String `.at()` (Safari 15.4, Chromium 92), which
// no compiler rewrites. Run after `npm run build`.
import * as fs from "fs";
import * as path from "path";
import { parse, tokenizer, type Token } from "acorn";

const dist = path.resolve(__dirname, "../../dist");
const bundles = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith(".js")) : [];

/** What an old webview could not run: regex lookbehinds and `.at(` calls, by token. */
function tooNew(source: string): string[] {
  const found: string[] = [];
  const tokens = [...tokenizer(source, { ecmaVersion: 2020 })] as (Token & { value?: unknown })[];
  tokens.forEach((tok, i) => {
    const value = tok.value;
    if (
      tok.type.label === "regexp" &&
      /\(\?<[=!]/.test(String((value as { pattern?: string }).pattern))
    )
      found.push(`lookbehind at ${tok.start}`);
    if (tok.type.label === "string" && /\(\?<[=!]/.test(String(value)))
      found.push(`lookbehind in a string at ${tok.start}`);
    const next = tokens[i + 1];
    if (tok.type.label === "." && next?.value === "at" && tokens[i + 2]?.type.label === "(")
      found.push(`.at() at ${tok.start}`);
  });
  return found;
}

describe("the built bundles", () => {
  it("exist (npm run build)", () => {
    expect(bundles.some((f) => f.startsWith("taskpane."))).toBe(true);
    expect(bundles.some((f) => f.startsWith("commands."))).toBe(true);
  });

  it.each(bundles)("%s parses as ES2020 and uses nothing newer", (file) => {
    const source = fs.readFileSync(path.join(dist, file), "utf8");
    expect(() => parse(source, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
    expect(tooNew(source)).toEqual([]);
  });

  it("the check itself finds what it looks for", () => {
    expect(() => parse("class A { static { } }", { ecmaVersion: 2020 })).toThrow();
    expect(() => parse("a ??= 1", { ecmaVersion: 2020 })).toThrow();
    expect(tooNew("x.split(/(?<=\\.)\\s+/); [1].at(-1); new RegExp('(?<!a)b')")).toHaveLength(3);
  });

  it("the task pane stays under 256,000 bytes of gzip", () => {
    const size = JSON.parse(fs.readFileSync(path.join(dist, "size.json"), "utf8")) as {
      taskpaneGzipBytes: number;
    };
    expect(size.taskpaneGzipBytes).toBeLessThanOrEqual(256_000);
  });
});
