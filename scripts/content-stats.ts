// Prints how much bundled content there is, so a reviewer can see coverage gaps at a glance
// without opening the JSON. Run: node scripts/content-stats.ts
import {
  PRACTICE_SITUATIONS,
  PRACTICE_SITUATION_LABELS,
  STARTER_SITUATIONS,
  STARTER_SITUATION_LABELS,
  practicePrompts,
  starters,
} from '../shared/content/library.ts';

const pad = (value: string | number, width: number) => String(value).padEnd(width);
const count = <T>(items: readonly T[], keep: (item: T) => boolean) => items.filter(keep).length;

for (const situation of STARTER_SITUATIONS) {
  const n = count(starters, (s) => s.situation === situation);
  console.log(`starters    ${pad(situation, 20)} ${String(n).padStart(4)}  ${STARTER_SITUATION_LABELS[situation]}`);
}
for (const situation of PRACTICE_SITUATIONS) {
  const inSituation = practicePrompts.filter((p) => p.situation === situation);
  const levels = inSituation.map((p) => p.difficulty);
  const span = levels.length > 0 ? `difficulty ${Math.min(...levels)}–${Math.max(...levels)}` : 'none';
  console.log(
    `prompts     ${pad(situation, 20)} ${String(inSituation.length).padStart(4)}  ${pad(PRACTICE_SITUATION_LABELS[situation], 32)} ${span}`,
  );
}
for (let difficulty = 1; difficulty <= 10; difficulty++) {
  const n = count(practicePrompts, (p) => p.difficulty === difficulty);
  console.log(`difficulty  ${pad(difficulty, 20)} ${String(n).padStart(4)}  prompts`);
}
console.log(
  `total       ${pad('', 20)} ${String(starters.length + practicePrompts.length).padStart(4)}  ${starters.length} starters, ${practicePrompts.length} practice prompts`,
);
