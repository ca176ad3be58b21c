/* eslint-disable no-undef */
// Bundles the strict fake Excel host (src/hosts/fake-excel/browser.ts) into lib/fake-office.js,
// served instead of office.js by the end-to-end tests and `npm run preview`.
const path = require("path");

module.exports = {
  mode: "production",
  devtool: false,
  entry: { "fake-office": "./src/hosts/fake-excel/browser.ts" },
  output: { path: path.resolve(__dirname, "lib"), filename: "[name].js", clean: false },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
      },
    ],
  },
  performance: { hints: false },
};
