/**
 * `npm run preview`: the built task pane (dist/) with the strict fake Excel host and the sample
 * workbook, on http://localhost:3001/taskpane.html, to try the pane in a browser without Excel.
 * The page's office.js address is rewritten to the fake host bundle (lib/fake-office.js).
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { readXlsxFile } from "../src/hosts/xlsx";

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");
const fakeBundle = path.join(root, "lib/fake-office.js");
const sample = path.join(root, "examples/kertas-kerja-setda-luwu-timur.xlsx");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const PORT = Number(process.env.PORT ?? 3001);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json",
  ".xml": "application/xml",
  ".map": "application/json",
};

async function main(): Promise<void> {
  const workbook = process.argv[2] ? path.resolve(process.argv[2]) : sample;
  const grids = await readXlsxFile(workbook);
  const officeJs = `window.__POKIN_FAKE_WORKBOOK__ = ${JSON.stringify(grids)};\n${fs.readFileSync(fakeBundle, "utf8")}`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/fake-office.js") {
      res.writeHead(200, { "content-type": TYPES[".js"] ?? "" }).end(officeJs);
      return;
    }
    const rel = url.pathname === "/" ? "/taskpane.html" : decodeURIComponent(url.pathname);
    const file = path.join(dist, path.normalize(rel).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    if (file.endsWith(".html")) {
      const html = fs.readFileSync(file, "utf8").split(OFFICE_JS).join("/fake-office.js");
      res.writeHead(200, { "content-type": type }).end(html);
      return;
    }
    res.writeHead(200, { "content-type": type });
    fs.createReadStream(file).pipe(res);
  });
  server.listen(PORT, "127.0.0.1", () => {
    console.log(`Pratinjau panel / pane preview: http://localhost:${PORT}/taskpane.html`);
    console.log(`(${path.relative(process.cwd(), workbook)}, fake Excel host; Ctrl+C to stop)`);
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
