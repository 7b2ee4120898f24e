/** card.md, the model card: what the model is, what it takes, where it came from. */
import type { PackageManifest } from './manifest.js';

export function renderCard(m: PackageManifest): string {
  const lines = [
    `# Model card: ${m.name}`,
    '',
    `- Task: ${m.task}${m.classes ? ` (classes: ${m.classes.join(', ')}${m.positive_class ? `; positive: ${m.positive_class}` : ''})` : ''}`,
    `- Target: \`${m.target}\``,
    `- Model: ${m.model.name} (${Object.entries(m.lineage.params)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(', ')})`,
    `- Trained on: \`${m.lineage.data.file}\` (${m.lineage.data.rows} rows, sha256 ${m.lineage.data.sha256.slice(0, 12)}…), seed ${m.lineage.seed}`,
    `- specml ${m.specml_version}, package format ${m.version}`,
    '',
    '## Inputs',
    '',
    '| column | type | nullable |',
    '|---|---|---|',
    ...m.input.schema.columns.map((c) => `| ${c.name} | ${c.type} | ${c.nullable ? 'yes' : 'no'} |`),
    '',
    `Identifier columns carried into predictions: ${m.input.id_columns.length ? m.input.id_columns.join(', ') : 'none'}.`,
    '',
    '## Outputs',
    '',
    m.output.columns.map((c) => `\`${c}\``).join(', '),
    '',
  ];
  return lines.join('\n');
}
