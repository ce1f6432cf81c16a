// Communities of a drawn graph by modularity (the Louvain method: move each node to the neighbouring community it
// adds most modularity to, fold communities into nodes, repeat). Deterministic: nodes are visited in input order.

export interface Link {
  a: number;
  b: number;
  w: number;
}

/** Undirected weighted graph on 0..n-1; adj[i].get(i) is the weight inside node i (a folded community). */
type Adjacency = Map<number, number>[];

function add(adj: Adjacency, i: number, j: number, w: number): void {
  const row = adj[i] as Map<number, number>;
  row.set(j, (row.get(j) ?? 0) + w);
}

/** One level of local moves. Returns each node's community (0..k-1, in order of first member) and whether any moved. */
function localMoves(adj: Adjacency): { comm: number[]; moved: boolean } {
  const n = adj.length;
  const k = adj.map((row, i) => {
    let s = 0;
    for (const [j, w] of row) s += j === i ? 2 * w : w;
    return s;
  });
  const m2 = k.reduce((s, x) => s + x, 0);
  const comm = adj.map((_, i) => i);
  const tot = [...k];
  let moved = false;
  if (m2 === 0) return { comm, moved };
  for (let pass = 0, changed = true; changed && pass < 20; pass++) {
    changed = false;
    for (let i = 0; i < n; i++) {
      const own = comm[i] as number;
      const ki = k[i] as number;
      const toComm = new Map<number, number>();
      for (const [j, w] of adj[i] as Map<number, number>) {
        if (j !== i) toComm.set(comm[j] as number, (toComm.get(comm[j] as number) ?? 0) + w);
      }
      tot[own] = (tot[own] as number) - ki;
      let best = own;
      let bestGain = (toComm.get(own) ?? 0) - ((tot[own] as number) * ki) / m2;
      for (const [c, w] of toComm) {
        const gain = w - ((tot[c] as number) * ki) / m2;
        if (gain > bestGain + 1e-12) {
          best = c;
          bestGain = gain;
        }
      }
      tot[best] = (tot[best] as number) + ki;
      if (best !== own) {
        comm[i] = best;
        changed = moved = true;
      }
    }
  }
  const renumber = new Map<number, number>();
  return { comm: comm.map((c) => renumber.get(c) ?? renumber.set(c, renumber.size).get(c) ?? 0), moved };
}

/** Folds each community into one node. */
function fold(adj: Adjacency, comm: number[], size: number): Adjacency {
  const out: Adjacency = Array.from({ length: size }, () => new Map());
  adj.forEach((row, i) => {
    const ci = comm[i] as number;
    for (const [j, w] of row) {
      const cj = comm[j] as number;
      // An edge inside a community is met from both ends; a node's own weight once.
      add(out, ci, cj, ci === cj && i !== j ? w / 2 : w);
    }
  });
  return out;
}

/**
 * Each node's community, numbered from 0 by size (largest first, ties by first node). Nodes without links are
 * communities of their own.
 */
export function communities(nodes: readonly number[], links: readonly Link[]): Map<number, number> {
  const index = new Map(nodes.map((id, i) => [id, i]));
  let adj: Adjacency = nodes.map(() => new Map());
  for (const l of links) {
    const a = index.get(l.a);
    const b = index.get(l.b);
    if (a === undefined || b === undefined || a === b || l.w <= 0) continue;
    add(adj, a, b, l.w);
    add(adj, b, a, l.w);
  }
  let member = nodes.map((_, i) => i);
  for (let level = 0; level < 10; level++) {
    const { comm, moved } = localMoves(adj);
    if (!moved) break;
    member = member.map((c) => comm[c] as number);
    adj = fold(adj, comm, Math.max(...comm) + 1);
  }
  const sizes = new Map<number, number>();
  for (const c of member) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes.keys()].sort((x, y) => (sizes.get(y) as number) - (sizes.get(x) as number) || x - y);
  const rank = new Map(order.map((c, i) => [c, i]));
  return new Map(nodes.map((id, i) => [id, rank.get(member[i] as number) as number]));
}
