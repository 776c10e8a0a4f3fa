// Kept only for test/cli/cli-small-lineage.test.ts until its import moves to test/support/small-lineage.ts,
// where the hand-drawn small lineage now lives. Remove this file once test/cli imports from there.
export { SMALL_LINEAGE_CSV, SMALL_LINEAGE_TREE, writeSmallLineage } from "../support/small-lineage.js";
