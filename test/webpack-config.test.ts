// The production build warns when the manifest would point at the placeholder address.
import * as path from "path";

type ConfigFn = (env: Record<string, unknown>, options: { mode: string }) => Promise<unknown>;
const config = require(path.resolve(__dirname, "../webpack.config.js")) as ConfigFn;

describe("webpack.config.js", () => {
  const saved = process.env.POKIN_PROD_URL;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    if (saved === undefined) delete process.env.POKIN_PROD_URL;
    else process.env.POKIN_PROD_URL = saved;
  });

  it("warns that a production build without POKIN_PROD_URL points at the placeholder", async () => {
    delete process.env.POKIN_PROD_URL;
    await config({ WEBPACK_BUILD: true }, { mode: "production" });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /POKIN_PROD_URL is not set.*https:\/\/pokin-csf\.example\.go\.id/
    );
  });

  it("is quiet with POKIN_PROD_URL set, and for development builds", async () => {
    process.env.POKIN_PROD_URL = "https://pokin.luwutimurkab.go.id";
    await config({ WEBPACK_BUILD: true }, { mode: "production" });
    delete process.env.POKIN_PROD_URL;
    await config({ WEBPACK_BUILD: true }, { mode: "development" });
    expect(warn).not.toHaveBeenCalled();
  });
});
