// The two declared licences that are not a licence's name: what the licence questions, the API and the viewer say of
// a model whose record declares no licence, and of one whose record was never read.

/** The declared licence of a model whose record declares none. */
export const NO_LICENCE = "none";

/** The declared licence of a model whose record was never read (and of node numbers in no use). */
export const UNKNOWN_LICENCE = "unknown";
