// The peer the server benchmark measures against: an org family's size from SQLite alone, with a recursive CTE
// over the edges table (no graph in memory), the way a plain database-backed API would answer it.

export const FAMILY_CTE = `WITH RECURSIVE own(id) AS (SELECT id FROM models WHERE id LIKE ? || '/%'),
  below(id) AS (SELECT child FROM edges JOIN own ON edges.parent = own.id WHERE child <> parent
                UNION SELECT edges.child FROM edges JOIN below ON edges.parent = below.id
                      WHERE edges.child <> edges.parent)
  SELECT count(*) AS n FROM below WHERE id NOT IN (SELECT id FROM own)`;
