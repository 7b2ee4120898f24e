// Import-boundary rule (DESIGN.md §3, STYLE.md §10): dependencies under src/ point one way.
// A module may import from its own folder and from folders of a strictly lower rank. Modules that
// share a rank (tune/evaluate, serve/report, spec/monitor) stay independent of each other. monitor
// sits above report (its HTML report uses report's page and plots) and below pipeline (retraining).
// Written as a 40-line local rule rather than a plugin because it must resolve `.js` specifiers to
// `.ts` sources and encode exactly this table; plugins need a resolver setup that costs more.
import path from 'node:path';

export const RANKS = {
  core: 0,
  kernels: 1,
  data: 2,
  features: 3,
  models: 4,
  artifact: 5,
  tune: 6,
  evaluate: 6,
  track: 7,
  serve: 8,
  monitor: 9,
  report: 8,
  spec: 9,
  pipeline: 10,
  cli: 11,
};

function layerOf(file) {
  const rel = path.relative(path.resolve('src'), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const top = rel.split(path.sep)[0];
  return top in RANKS ? top : rel === 'index.ts' ? 'index' : undefined;
}

export const layersRule = {
  meta: { type: 'problem', schema: [], messages: { up: "'{{from}}' (rank {{fr}}) may not import '{{to}}' (rank {{tr}}): dependencies point one way (DESIGN.md §3)." } },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from || from === 'index') return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(file), spec));
      if (!to || to === from) return;
      if (to === 'index' || RANKS[to] >= RANKS[from]) {
        context.report({ node, messageId: 'up', data: { from, to, fr: RANKS[from], tr: RANKS[to] ?? 'top' } });
      }
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};
