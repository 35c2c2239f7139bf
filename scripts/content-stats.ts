// Prints how much bundled content there is, so a reviewer can see coverage gaps at a glance
// without opening the JSON: starters by situation and kind, prompts by situation and difficulty,
// and the largest group of starters that mean the same thing. Run: npm run content:stats
import {
  PRACTICE_SITUATIONS,
  PRACTICE_SITUATION_LABELS,
  STARTER_KIND_LABELS,
  STARTER_SITUATIONS,
  STARTER_SITUATION_LABELS,
  practicePrompts as practicePromptsOf,
  libraryStarters,
} from '../shared/content/library.ts';
import type { StarterKind } from '../shared/content/schema.ts';
import { largestMeaningCluster, meaningClusters } from '../shared/content/similarity.ts';
import { NEVER_SUGGESTED } from '../shared/domain/starters/ranking.ts';

const practicePrompts = practicePromptsOf();
const starters = libraryStarters();

const pad = (value: string | number, width: number) => String(value).padEnd(width);
const num = (value: number) => String(value).padStart(4);
const KINDS: StarterKind[] = ['suggestible', 'example'];

console.log(`${pad('Starters by situation', 44)}all  suggestible  example`);
for (const situation of STARTER_SITUATIONS) {
  const inSituation = starters.filter((s) => s.situation === situation);
  const [suggestible, example] = KINDS.map((kind) => inSituation.filter((s) => s.kind === kind).length);
  console.log(
    `  ${pad(STARTER_SITUATION_LABELS[situation], 40)} ${num(inSituation.length)}  ${num(suggestible!)}${' '.repeat(9)}${num(example!)}`,
  );
}
const never = STARTER_SITUATIONS.filter((s) => NEVER_SUGGESTED.has(s)).map((s) =>
  STARTER_SITUATION_LABELS[s].toLowerCase(),
);
console.log(`  (Never suggested automatically, whatever their kind: ${never.join(', ')}.)`);
console.log('\nStarters by kind');
for (const kind of KINDS) {
  console.log(
    `  ${pad(`${kind} (${STARTER_KIND_LABELS[kind]})`, 40)} ${num(starters.filter((s) => s.kind === kind).length)}`,
  );
}

console.log('\nPractice prompts by situation                   difficulty');
for (const situation of PRACTICE_SITUATIONS) {
  const levels = practicePrompts.filter((p) => p.situation === situation).map((p) => p.difficulty);
  const missing = Array.from({ length: 10 }, (_, i) => i + 1).filter((d) => !levels.includes(d));
  const span = levels.length > 0 ? `${Math.min(...levels)}–${Math.max(...levels)}` : 'none';
  console.log(
    `  ${pad(PRACTICE_SITUATION_LABELS[situation], 40)} ${num(levels.length)}  ${span}${missing.length ? `, missing ${missing.join(', ')}` : ''}`,
  );
}
console.log('\nPractice prompts by difficulty');
for (let difficulty = 1; difficulty <= 10; difficulty++) {
  console.log(`  ${pad(difficulty, 40)} ${num(practicePrompts.filter((p) => p.difficulty === difficulty).length)}`);
}

const largest = largestMeaningCluster(starters);
const tooBig = meaningClusters(starters);
console.log('\nLargest meaning cluster (the limit is 2 lines)');
if (largest) {
  console.log(`  ${largest.ids.length} lines share "${largest.key}"`);
  for (const id of largest.ids) console.log(`    ${starters.find((s) => s.id === id)!.text}`);
}
console.log(
  tooBig.length === 0 ? '  No cluster is over the limit.' : `  ${tooBig.length} clusters are over the limit.`,
);

console.log(
  `\nTotal: ${starters.length} starters (${starters.filter((s) => s.kind === 'suggestible').length} suggestible), ${practicePrompts.length} practice prompts`,
);
