/**
 * The split of the tests into `npm run test:unit` (fast: no LibreOffice, no browser, no build)
 * and `npm run test:slow`: every test file runs in one of them, and none that needs LibreOffice,
 * a browser or the built command line slips into the fast one.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const { SLOW } = require(path.join(ROOT, "jest.suites.js")) as { SLOW: string[] };

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return testFiles(rel);
    return /\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const all = testFiles("test").filter((f) => !f.startsWith("test/e2e/"));
const THIS = "test/jest-suites.test.ts";
const slow = new Set(SLOW);

/** What makes a test file slow, as its source shows it. */
const SLOW_SIGNS: [string, RegExp][] = [
  ["LibreOffice", /\/libreoffice"/],
  ["a browser", /helpers\/(browser|pane-page)"|playwright/],
  ["the built command line", /bin\/pokin\.js|"bin", "pokin\.js"|lib\/src\//],
  ["the production build", /\bdist\/|"dist"/],
];

describe("the fast and slow test suites", () => {
  it("list only test files that exist", () => {
    expect(SLOW.filter((f) => !all.includes(f))).toEqual([]);
  });

  it("leave LibreOffice, browsers and the built command line to the slow suite", () => {
    const signs = all
      .filter((f) => f !== THIS)
      .flatMap((f) => {
        const text = fs.readFileSync(path.join(ROOT, f), "utf8");
        return SLOW_SIGNS.filter(([, sign]) => sign.test(text)).map(([what]) => ({ f, what }));
      });
    expect(signs.filter((s) => !slow.has(s.f)).map((s) => `${s.f}: ${s.what}`)).toEqual([]);
    // The signs still see what they look for: the LibreOffice files and the built CLI's.
    expect(new Set(signs.map((s) => s.f)).size).toBeGreaterThanOrEqual(13);
  });

  it("run every test file somewhere: the unit config leaves out exactly the slow files", () => {
    const unit = require(path.join(ROOT, "jest.unit.config.js")) as {
      testPathIgnorePatterns: string[];
    };
    const ignored = (f: string) =>
      unit.testPathIgnorePatterns.some((p) =>
        new RegExp(p.replace("<rootDir>", ROOT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).test(
          path.join(ROOT, f)
        )
      );
    expect(all.filter(ignored).sort()).toEqual([...SLOW].sort());
  });
});
