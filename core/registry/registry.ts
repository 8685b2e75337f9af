import type { ModuleManifest } from './manifest.ts';

/**
 * Checks the module list (unique names, known dependencies, no cycles) and orders it so that
 * every module comes after the modules it depends on — the order of migrations and seeding.
 */
export function orderModules(modules: ModuleManifest[]): ModuleManifest[] {
  const byName = new Map<string, ModuleManifest>();
  for (const m of modules) {
    if (byName.has(m.name)) throw new Error(`Module "${m.name}" is registered twice.`);
    byName.set(m.name, m);
  }
  const ordered: ModuleManifest[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: ModuleManifest, chain: string[]) => {
    if (state.get(m.name) === 'done') return;
    if (state.get(m.name) === 'visiting') throw new Error(`Module dependency cycle: ${[...chain, m.name].join(' → ')}`);
    state.set(m.name, 'visiting');
    for (const dep of m.dependsOn ?? []) {
      const d = byName.get(dep);
      if (!d) throw new Error(`Module "${m.name}" depends on "${dep}", which is not registered.`);
      visit(d, [...chain, m.name]);
    }
    state.set(m.name, 'done');
    ordered.push(m);
  };
  for (const m of modules) visit(m, []);
  return ordered;
}

/** Adds the dependencies of the wanted modules, so enabling "news" brings "categories" along. */
export function withDependencies(modules: ModuleManifest[], wanted: string[]): string[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const out = new Set<string>();
  const add = (name: string) => {
    const m = byName.get(name);
    if (!m) throw new Error(`Unknown module "${name}". Known: ${[...byName.keys()].join(', ')}.`);
    if (out.has(name)) return;
    out.add(name);
    for (const d of m.dependsOn ?? []) add(d);
  };
  wanted.forEach(add);
  return [...out];
}
