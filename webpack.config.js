/* eslint-disable no-undef */
// Builds the task pane, the ribbon command file and the help page into dist/, copies the icons and
// the manifest (with the production URL), and prints the gzip size of the task pane's JavaScript.
const path = require("path");
const zlib = require("zlib");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000";

/**
 * The webviews the pane must start in, from the browserslist in package.json: Safari 14 (Excel
 * on older macOS and iPad; the list starts at 13.1 so that the output is plain ES2020, `??=`
 * included) and Chromium 86 (Edge WebView2's oldest). The app and its dependencies are compiled
 * to them (no class fields or static blocks, no `??=`); regex lookbehind and `.at()`, which no
 * compiler rewrites, are kept out of the code, and test/build/bundle.test.ts checks the bundle.
 */
const targets = require("./package.json").browserslist;

/** swc options for TypeScript sources or for dependencies' JavaScript. */
function swc(typescript) {
  return {
    loader: "swc-loader",
    options: {
      env: { targets },
      isModule: typescript ? true : "unknown",
      jsc: {
        parser: typescript ? { syntax: "typescript", tsx: true } : { syntax: "ecmascript" },
        transform: typescript ? { react: { runtime: "automatic" } } : undefined,
        externalHelpers: true,
      },
    },
  };
}
// Where the add-in is deployed; set POKIN_PROD_URL (an https origin) when publishing.
const urlPlaceholder = "https://pokin-csf.example.go.id";
const urlProd = (process.env.POKIN_PROD_URL || urlPlaceholder).replace(/\/$/, "");

/** A production build without POKIN_PROD_URL makes a manifest no user can load: say so. */
function warnPlaceholderUrl() {
  if (process.env.POKIN_PROD_URL) return;
  console.warn(
    `Warning: POKIN_PROD_URL is not set, so dist/manifest.xml points at the placeholder ${urlPlaceholder}, ` +
      "which no Excel can load the add-in from. To publish, build with POKIN_PROD_URL=https://your.server npm run build."
  );
}

/** The messages module, compiled by `npm run build:cli` (the build script runs it first). */
function pageMessages() {
  const file = path.resolve(__dirname, "lib/src/core/messages/index.js");
  if (!fs.existsSync(file)) throw new Error("Run `npm run build:cli` before webpack (npm run build does).");
  const { t } = require(file);
  const escape = (s) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return { m: (key) => escape(t(key, {}, "id")), en: (key) => escape(t(key, {}, "en")) };
}

/** Prints (and records in dist/size.json) the gzip size of the task pane's JavaScript. */
class GzipSizePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("GzipSizePlugin", (compilation) => {
      const stats = compilation.getStats().toJson({ assets: true, chunks: true, entrypoints: true });
      const files = (stats.entrypoints.taskpane && stats.entrypoints.taskpane.assets) || [];
      let raw = 0;
      let gzip = 0;
      for (const a of files) {
        const name = typeof a === "string" ? a : a.name;
        if (!name.endsWith(".js")) continue;
        const buf = fs.readFileSync(path.join(compiler.options.output.path, name));
        raw += buf.length;
        gzip += zlib.gzipSync(buf, { level: 9 }).length;
      }
      const out = { taskpaneJsBytes: raw, taskpaneGzipBytes: gzip };
      fs.writeFileSync(path.join(compiler.options.output.path, "size.json"), JSON.stringify(out) + "\n");
      console.log(
        `taskpane JavaScript: ${(raw / 1024).toFixed(1)} KB, gzip ${(gzip / 1024).toFixed(1)} KB`
      );
    });
  }
}

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  if (!dev) warnPlaceholderUrl();
  const params = pageMessages();
  const config = {
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        // Types are checked by `npm run typecheck`; the bundle only needs transpiling.
        { test: /\.tsx?$/, exclude: /node_modules/, use: swc(true) },
        {
          test: /\.[cm]?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/](@swc[\\/]helpers|core-js)[\\/]/,
          use: swc(false),
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        inject: false,
        templateParameters: params,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        inject: false,
        templateParameters: params,
      }),
      new HtmlWebpackPlugin({
        filename: "dialog.html",
        template: "./src/commands/dialog.html",
        chunks: [],
        inject: false,
        templateParameters: params,
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: [],
        inject: false,
        templateParameters: params,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
      new GzipSizePlugin(),
    ],
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options:
          env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions(),
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
  return config;
};
