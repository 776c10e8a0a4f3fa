// Lint rules for the whole project: typescript-eslint's recommended set on sources, tests, benchmarks and tools,
// and the layers of src/ (each imports only from the layers below it). Built output and dependencies are not linted.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Lowest first. `sync` and `graph` share a rank: neither may import the other.
const LAYERS = [
  ["vocabulary"],
  ["hub"],
  ["ingest"],
  ["store"],
  ["sync", "graph"],
  ["export"],
  ["server"],
  ["commands"],
];

/** The import patterns that reach into the given src/ folders, from anywhere inside src/. */
const reaching = (folders) =>
  folders.flatMap((folder) => [`../${folder}/*`, `../../${folder}/*`, `../${folder}/**`, `../../${folder}/**`]);

function layerRules() {
  return LAYERS.flatMap((rank, index) => {
    const above = LAYERS.slice(index + 1).flat();
    return rank.map((layer) => {
      const forbidden = [...above, ...rank.filter((other) => other !== layer), ...(layer === "store" ? ["hub"] : [])];
      const allowed = LAYERS.slice(0, index)
        .flat()
        .filter((below) => !forbidden.includes(below));
      const message = `src/${layer} may import only from the layers below it (${allowed.join(", ") || "none"})`;
      return {
        files: [`src/${layer}/**/*.ts`],
        rules: {
          "no-restricted-imports": [
            "error",
            {
              patterns: [
                { group: [...reaching(forbidden), "../cli.js", "../../cli.js"], message },
                { group: ["**/tools/**"], message: "tools/ (the Hub stand-in) is not part of the product" },
                ...(layer === "store" ? [] : [{ group: ["better-sqlite3"], message: "only src/store opens SQLite" }]),
                ...(layer === "store"
                  ? []
                  : [
                      { group: ["**/store/database-handle.js"], message: "only src/store holds the SQLite connection" },
                    ]),
              ],
            },
          ],
        },
      };
    });
  });
}

export default tseslint.config(
  { ignores: ["dist/", "web/dist/", "node_modules/", "coverage/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Prettier wraps code at 120 columns but not strings, template literals or comments: those are wrapped by hand.
    files: [
      "src/**/*.{ts,js,mjs}",
      "test/**/*.{ts,js,mjs}",
      "bench/**/*.{ts,js,mjs}",
      "tools/**/*.{ts,js,mjs}",
      "web/**/*.{ts,js,mjs}",
      "scripts/**/*.{ts,js,mjs}",
    ],
    rules: {
      "max-len": ["error", { code: 120, comments: 120, ignoreUrls: true }],
    },
  },
  ...layerRules(),
  {
    // Only the entry reads argv and the environment; it may import any layer.
    files: ["src/**/*.ts"],
    ignores: ["src/cli.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "argv" },
        { object: "process", property: "env" },
      ],
    },
  },
  {
    // The viewer runs in the browser: from src/ it takes the vocabulary, and the server's wire types as types only.
    files: ["web/**/*.ts"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/src/*/**", "!**/src/vocabulary/**"],
              allowTypeImports: true,
              message: "the viewer imports from src/ only the vocabulary, and types (the server's wire types)",
            },
          ],
        },
      ],
    },
  },
);
