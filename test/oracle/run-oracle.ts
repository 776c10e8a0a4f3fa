// Kept only for test/cli (default-database, cli-vs-oracle) until their imports move to test/support; the oracle
// now lives in test/support/run-oracle.ts and oracle-cache.ts. Remove this file once test/cli imports from there.
export { runOracle } from "../support/oracle-cache.js";
export type { OracleOptions, OracleResult } from "../support/run-oracle.js";
export {
  ORIGINAL_DATA as DATA,
  ORIGINAL_EDGES_CSV as EDGES_CSV,
  ORIGINAL_FAMILY_TREES as FAMILY_TREES,
  ORIGINAL_METADATA_CSV as METADATA_CSV,
} from "../support/original-data.js";
