// ESLint 9 flat config: Next's core-web-vitals and TypeScript presets.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Server code and scripts hold no React components; a helper named use…() (next-auth's
    // useSecureCookies option, Playwright fixtures' use()) is not a hook.
    files: ["src/server/**", "scripts/**", "e2e/**", "bench/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // These two rules check readiness for the React Compiler, which this app does not enable.
    // Without it, the "latest value in a ref" idiom and a mount flag set in an effect are the
    // usual, correct patterns: keep them visible as warnings rather than failing the build.
    rules: { "react-hooks/refs": "warn", "react-hooks/set-state-in-effect": "warn" },
  },
  globalIgnores([
    "node_modules/**",
    ".next/**",
    ".tools/**",
    "src/generated/**",
    "bench/results/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
