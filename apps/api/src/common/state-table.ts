/** One row of a lifecycle table: the states a transition may start from and where it leads. */
export interface StateTransition<S extends string> {
  from: readonly S[];
  to: S;
}

/** Every legal (from → to) pair of a table, derived from it (what the per-table tests check). */
export function legalPairs<S extends string>(table: Record<string, StateTransition<S>>): Set<string> {
  return new Set(Object.values(table).flatMap((t) => t.from.map((f) => `${f}>${t.to}`)));
}
