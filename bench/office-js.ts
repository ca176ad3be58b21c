/**
 * Request sizes as Office.js sends them (issue 15): `@microsoft/office-js`'s own Excel script
 * (excel-web-16.00.debug.js, Excel on the web) loaded in jsdom, its requests captured instead of
 * sent. The bench runs the host against the strict fake as usual, and every call the host makes
 * is made on an Office.js RequestContext too (a "tee"): at each sync Office.js serialises its
 * request, whose JSON is what Excel would receive, and the fake runs and answers its own. What
 * the host reads always comes from the fake.
 */
import * as fs from "fs";
import { JSDOM } from "jsdom";
import { utf8Length } from "../src/core";

type Obj = Record<string | symbol, unknown>;

/** Office.js' Excel namespace and the bytes of every request it serialised. */
export interface OfficeJs {
  Excel: { RequestContext: new (url: string) => Obj };
  /** Bytes of each request body, in order (cleared by the caller). */
  requestBytes: number[];
  /** Calls Office.js refused while being queued (the figure is then short of them). */
  refusedCalls: string[];
}

/** Load Office.js's Excel script in a jsdom window, its HTTP requests captured and answered empty. */
export function loadOfficeJs(): OfficeJs {
  const file = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  const w = dom.window as unknown as Obj & { eval(src: string): unknown };
  w.eval(fs.readFileSync(file, "utf8"));
  const ext = w.OfficeExtension as {
    HttpUtility: {
      setCustomSendRequestFunc(f: (req: { body: unknown }) => Promise<unknown>): void;
    };
  };
  const out: OfficeJs = {
    Excel: w.Excel as OfficeJs["Excel"],
    requestBytes: [],
    refusedCalls: [],
  };
  ext.HttpUtility.setCustomSendRequestFunc((req) => {
    const text = typeof req.body === "string" ? req.body : JSON.stringify(req.body);
    out.requestBytes.push(utf8Length(text));
    // An empty answer: nothing the host reads comes from this side.
    return Promise.resolve({ statusCode: 200, headers: {}, body: '{"Results":[]}' });
  });
  return out;
}

const pairs = new WeakMap<object, { fake: object; real: object | undefined }>();

function fakeSide(x: unknown): unknown {
  return typeof x === "object" && x !== null ? (pairs.get(x)?.fake ?? x) : x;
}

function realSide(x: unknown): unknown {
  return typeof x === "object" && x !== null && pairs.has(x) ? pairs.get(x)?.real : x;
}

/**
 * One object seen by the host: the fake's, with the same call made on Office.js's twin. Reads
 * return the fake's values (Office.js's side is never answered); objects returned by both sides
 * are paired again, so the twin follows every chain the host builds.
 */
function tee(fake: object, real: object | undefined, js: OfficeJs): object {
  const proxy: object = new Proxy(fake, {
    get(target, prop) {
      const value = (target as Obj)[prop];
      if (prop === "sync" && real) return () => syncBoth(target as Obj, real as Obj);
      let twin: unknown;
      try {
        twin = real ? (real as Obj)[prop] : undefined;
      } catch {
        twin = undefined; // a property Office.js has not loaded: read from the fake alone
      }
      if (typeof value === "function")
        return (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args.map(fakeSide));
          let twinOut: unknown;
          // Office.js adding an event handler queues a trace action of a few bytes, then
          // registers through the host's event channel, which jsdom lacks: the fake alone
          // registers them (on the first read's first request, far below the largest).
          if (typeof twin === "function" && !isEventHandlers(real))
            try {
              twinOut = (twin as (...a: unknown[]) => unknown).apply(real, args.map(realSide));
            } catch (e) {
              js.refusedCalls.push(`${String(prop)}: ${(e as Error).message}`);
            }
          return wrap(out, twinOut, js);
        };
      return wrap(value, twin, js);
    },
    set(target, prop, v) {
      (target as Obj)[prop] = fakeSide(v);
      if (real)
        try {
          (real as Obj)[prop] = realSide(v);
        } catch (e) {
          js.refusedCalls.push(`${String(prop)}=: ${(e as Error).message}`);
        }
      return true;
    },
  });
  pairs.set(proxy, { fake, real });
  return proxy;
}

function isEventHandlers(x: object | undefined): boolean {
  return /EventHandlers$/.test(x?.constructor.name ?? "");
}

function wrap(value: unknown, twin: unknown, js: OfficeJs): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  if (value instanceof Promise) return value;
  const real = typeof twin === "object" && twin !== null && !Array.isArray(twin) ? twin : undefined;
  return tee(value, real, js);
}

async function syncBoth(fake: Obj, real: Obj): Promise<void> {
  try {
    await (real.sync as () => Promise<void>).call(real);
  } catch {
    // Office.js could not read the empty answer: its request was serialised all the same.
  }
  await (fake.sync as () => Promise<void>).call(fake);
}

/**
 * An `Excel` global whose run gives the host the fake's context teed with an Office.js
 * RequestContext: install it over the fake's own (`globalThis.Excel`).
 */
export function teeExcel(fakeExcel: Obj, js: OfficeJs): Obj {
  const run = fakeExcel.run as (cb: (ctx: object) => Promise<unknown>) => Promise<unknown>;
  return {
    ...fakeExcel,
    run: (cb: (ctx: object) => Promise<unknown>) =>
      run((ctx) => cb(tee(ctx, new js.Excel.RequestContext("https://bench.invalid"), js))),
  };
}
