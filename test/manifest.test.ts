/**
 * @jest-environment jsdom
 */
// Offline manifest checks (`office-addin-manifest validate` needs Microsoft's online service).
// Run after `npm run build` (npm test does): resource URLs must point at files the build emits.
import * as fs from "fs";
import * as path from "path";
import { PNG } from "pngjs";

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const DEV = "https://localhost:3000";

function parse(file: string): Document {
  const doc = new DOMParser().parseFromString(fs.readFileSync(file, "utf8"), "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`${file} does not parse: ${err.textContent}`);
  return doc;
}

/** Elements by local name, whatever their namespace prefix. */
function all(doc: Document | Element, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", localName));
}

function one(doc: Document | Element, localName: string): Element {
  const found = all(doc, localName);
  if (found.length === 0) throw new Error(`missing <${localName}>`);
  return found[0]!;
}

function urls(doc: Document): string[] {
  const out: string[] = [];
  for (const el of all(doc, "*")) {
    const v = el.getAttribute("DefaultValue");
    if (v && /^https?:\/\//.test(v)) out.push(v);
  }
  return out;
}

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

describe("manifest.xml", () => {
  const doc = parse(path.join(root, "manifest.xml"));

  it("is an Excel task pane add-in that may read and write the document", () => {
    const app = doc.documentElement;
    expect(app.localName).toBe("OfficeApp");
    expect(app.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expect(
      all(doc, "Host").map((h) => h.getAttribute("Name") ?? h.getAttributeNS(XSI, "type"))
    ).toEqual(["Workbook", "Workbook"]);
    expect(one(doc, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(one(doc, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
  });

  it("requires ExcelApi 1.7 at least", () => {
    const sets = all(doc, "Set").filter((s) => s.getAttribute("Name") === "ExcelApi");
    expect(sets.map((s) => s.getAttribute("MinVersion"))).toEqual(["1.7"]);
  });

  it("speaks Indonesian by default with English overrides for name and description", () => {
    expect(one(doc, "DefaultLocale").textContent).toBe("id-ID");
    for (const tag of ["DisplayName", "Description"]) {
      const el = one(doc, tag);
      expect(el.getAttribute("DefaultValue")).toBeTruthy();
      const en = all(el, "Override").find((o) => o.getAttribute("Locale") === "en-US");
      expect(en?.getAttribute("Value")).toBeTruthy();
      expect(en?.getAttribute("Value")).not.toBe(el.getAttribute("DefaultValue"));
    }
  });

  it("puts a group on the Home tab with a button for the pane and one that runs Periksa", () => {
    const tab = one(doc, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const actions = all(tab, "Action").map((a) => a.getAttributeNS(XSI, "type"));
    expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    expect(one(tab, "FunctionName").textContent).toBe("runPeriksa");
    // The function name must be the one the command bundle associates.
    const commands = fs.readFileSync(path.join(root, "src/commands/commands.ts"), "utf8");
    expect(commands).toContain('"runPeriksa"');
  });

  it("refers to every resid it uses and defines each once", () => {
    const defined = all(doc, "*")
      .filter(
        (e) =>
          e.parentElement &&
          /^(Images|Urls|ShortStrings|LongStrings)$/.test(e.parentElement.localName)
      )
      .map((e) => e.getAttribute("id"));
    expect(new Set(defined).size).toBe(defined.length);
    const used = all(doc, "*")
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    for (const r of used) expect(defined).toContain(r);
  });

  it("declares icons that exist at their declared size", () => {
    const checks: [string, number][] = [
      [one(doc, "IconUrl").getAttribute("DefaultValue")!, 32],
      [one(doc, "HighResolutionIconUrl").getAttribute("DefaultValue")!, 64],
    ];
    const images = new Map(
      all(doc, "Image")
        .filter((e) => e.getAttribute("id"))
        .map((e) => [e.getAttribute("id")!, e.getAttribute("DefaultValue")!])
    );
    for (const ref of all(doc, "Image").filter((e) => e.getAttribute("resid"))) {
      checks.push([images.get(ref.getAttribute("resid")!)!, Number(ref.getAttribute("size"))]);
    }
    expect(checks.length).toBeGreaterThan(4);
    for (const [url, size] of checks) {
      const file = path.join(root, url.slice(DEV.length + 1));
      const png = PNG.sync.read(fs.readFileSync(file));
      expect({ url, width: png.width, height: png.height }).toEqual({
        url,
        width: size,
        height: size,
      });
    }
  });

  it("points every resource URL at a file the production build emits", () => {
    const list = urls(doc).filter((u) => u.startsWith(DEV));
    expect(list.length).toBeGreaterThan(5);
    for (const u of list) {
      const rel = u.slice(DEV.length + 1);
      expect({ url: u, emitted: fs.existsSync(path.join(dist, rel)) }).toEqual({
        url: u,
        emitted: true,
      });
    }
  });

  it("is emitted by the production build with the production URL instead of localhost", () => {
    const built = parse(path.join(dist, "manifest.xml"));
    const text = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(text).not.toContain("localhost");
    const prod = urls(built);
    expect(prod.length).toBe(urls(doc).length);
    const origin = new URL(prod.find((u) => u.endsWith("/taskpane.html"))!).origin;
    expect(origin).not.toBe(DEV);
    for (const u of prod.filter((x) => x.startsWith(origin))) {
      expect(fs.existsSync(path.join(dist, u.slice(origin.length + 1)))).toBe(true);
    }
    expect(one(built, "AppDomain").textContent).toBe(origin);
  });
});

describe("the production build", () => {
  it("emits the task pane, the command file and the help page", () => {
    for (const f of ["taskpane.html", "commands.html", "help.html"]) {
      expect(fs.existsSync(path.join(dist, f))).toBe(true);
    }
  });

  it("records the gzip size of the task pane's JavaScript", () => {
    const size = JSON.parse(fs.readFileSync(path.join(dist, "size.json"), "utf8"));
    expect(size.taskpaneGzipBytes).toBeGreaterThan(1000);
    expect(size.taskpaneGzipBytes).toBeLessThan(size.taskpaneJsBytes);
  });
});
