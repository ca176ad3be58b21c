/** lib/fake-office.js: the fake Excel host built for the browser (`npm run build:fake`). */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
export const fakeBundle = path.join(root, "lib/fake-office.js");

/** Build lib/fake-office.js when it is missing or older than the fake host's sources. */
export function buildFakeBundleIfStale(): void {
  const srcDir = path.join(root, "src/hosts/fake-excel");
  const sources = [
    ...fs.readdirSync(srcDir).map((f) => path.join(srcDir, f)),
    path.join(root, "src/core/address.ts"),
    path.join(root, "src/core/chars.ts"),
  ];
  const newest = Math.max(...sources.map((f) => fs.statSync(f).mtimeMs));
  if (fs.existsSync(fakeBundle) && fs.statSync(fakeBundle).mtimeMs >= newest) return;
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.fake.config.js"],
    { cwd: root, stdio: "inherit" }
  );
}
