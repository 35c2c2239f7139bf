/**
 * One fresh process on a data folder, with the core of the tree given by --root (this one, or a
 * baseline worktree): open to the first Today data, search keystrokes right after start, one
 * person's newest 50 (the median and the slowest of ten people's first page), and the resident
 * memory after a day's typical use. Prints one JSON line.
 * With --entry out/main/core.js, the core is the built one the app runs instead of the source.
 * With --forget-today, the Today kept by the last start is removed first, so Today is computed.
 * With --app, the core runs its jobs as the app's does, and Today and the tray's due count are
 * asked for at once: the time to each.
 * With --people-first, the People screen is the first thing asked for instead: its first window
 * (name order, the screen's first 80 rows), then one sorted by last contact, one by next due and
 * one of the people due now (indexes answer all four while everyone is read), then one of archived
 * people by last contact, which only the full lists answer, and the longest the event loop was
 * blocked meanwhile (what any other request may have waited).
 * With --network, the Network screen's suggested introductions (twice: the second finds everyone
 * read already) and the network panel of the first three people on the People screen (each person
 * page shows one), and the longest the event loop was blocked meanwhile.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    data: { type: 'string' },
    'people-first': { type: 'boolean' },
    network: { type: 'boolean' },
    /** Only opens and closes: after a stopped run, the check an unclean stop asks for. */
    'open-only': { type: 'boolean' },
    'forget-today': { type: 'boolean' },
    app: { type: 'boolean' },
    /** The core to open, relative to --root: its source (default), or the build `out/main/core.js`. */
    entry: { type: 'string', default: 'main/core/core.ts' },
  },
});
// Today as computed at a start that cannot use the one kept by the last (a new day, a change).
if (values['forget-today']) rmSync(join(values.data!, 'rapport-today.json'), { force: true });
const started = performance.now();
const { openCore } = (await import(pathToFileURL(join(values.root!, values.entry!)).href)) as {
  openCore: (o: object) => Promise<{
    call(c: string, i: object): Promise<unknown>;
    watch(c: string, i: object, f: (r: { ok: boolean; value?: unknown }) => void): () => void;
    close(): Promise<void>;
  }>;
};
const opening = performance.now();
const core = await openCore({ dataDir: values.data, mode: 'browser', version: 'bench', jobs: values.app === true });
if (values['open-only']) {
  await core.close();
  process.exit(0);
}
const first = (channel: string, input: object) =>
  new Promise<{ ok: boolean; value?: unknown }>((resolve) => {
    // A channel the tree lacks answers at once, before watch() has returned its stop.
    let stop = () => {};
    stop = core.watch(channel, input, (r) => {
      queueMicrotask(() => stop());
      resolve(r);
    });
  });
if (values.app) {
  // As the app starts: its jobs (the notification loop among them) run, and the tray's due count
  // and the Today screen ask at once.
  const [todayMs, dueMs] = await Promise.all(
    ['reminders.watchToday', 'reminders.watchDue'].map((channel) =>
      first(channel, {}).then(() => performance.now() - opening),
    ),
  );
  console.log(JSON.stringify({ todayMs, dueMs }));
  await core.close();
  process.exit(0);
}
/** The longest the event loop was blocked from now to `stop()`, by a tick every 5 ms. */
function blockWatch() {
  let longestMs = 0;
  let tick = performance.now();
  const ticking = setInterval(() => {
    const now = performance.now();
    longestMs = Math.max(longestMs, now - tick);
    tick = now;
  }, 5);
  return async () => {
    // The interval notices a block when it next runs.
    await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(ticking);
    return longestMs;
  };
}
const timed = async (work: () => Promise<unknown>) => {
  const t = performance.now();
  await work();
  return performance.now() - t;
};
if (values['people-first']) {
  const blocked = blockWatch();
  await first('people.watchWindow', { offset: 0, limit: 80 });
  const peopleFirstMs = performance.now() - opening;
  const lastContactMs = await timed(() =>
    first('people.watchWindow', { query: { sort: 'last-contact' }, offset: 0, limit: 80 }),
  );
  const nextDueMs = await timed(() =>
    first('people.watchWindow', { query: { sort: 'next-due' }, offset: 0, limit: 80 }),
  );
  const dueNowMs = await timed(() => first('people.watchWindow', { query: { status: 'due' }, offset: 0, limit: 80 }));
  await first('people.watchWindow', { query: { sort: 'last-contact', status: 'archived' }, offset: 0, limit: 80 });
  const peopleBuiltMs = performance.now() - opening;
  const longestBlockMs = await blocked();
  console.log(JSON.stringify({ peopleFirstMs, lastContactMs, nextDueMs, dueNowMs, peopleBuiltMs, longestBlockMs }));
  await core.close();
  process.exit(0);
}
if (values.network) {
  const { ids } = (await first('people.watchWindow', { offset: 0, limit: 80 })).value as { ids: string[] };
  const blocked = blockWatch();
  const suggestionsMs = await timed(() => core.call('network.introSuggestions', {}));
  const againMs = await timed(() => core.call('network.introSuggestions', {}));
  const panels: number[] = [];
  for (const id of ids.slice(0, 3)) panels.push(await timed(() => first('network.watchPerson', { id })));
  const longestBlockMs = await blocked();
  const panelMaxMs = panels.length ? Math.max(...panels) : 0;
  const rssMb = process.memoryUsage().rss / 1e6;
  console.log(JSON.stringify({ suggestionsMs, againMs, panelMaxMs, longestBlockMs, rssMb }));
  await core.close();
  process.exit(0);
}
await first('reminders.watchToday', {});
const todayMs = performance.now() - opening;
const processTodayMs = performance.now() - started;

const times: number[] = [];
for (const q of ['a', 'al', 'ali', 'alic', 'm', 'ma', 'mar', 'mari', 'jo', 'joh', 'coffee', 'lau', 'launch']) {
  const t = performance.now();
  await core.call('search.query', { q, limit: 30 });
  times.push(performance.now() - t);
}
const searchP95 = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!;
// The People screen: its first window where the tree has windows, else the whole list it read then.
const window = await first('people.watchWindow', { offset: 0, limit: 80 });
const people = window.ok
  ? (window.value as { ids: string[] }).ids.map((id) => ({ id }))
  : ((await first('contacts.watch', {})).value as { id: string }[]);
const person50: number[] = [];
const firstPage = async (id: string) => {
  const t = performance.now();
  await core.call('timeline.page', { filter: { contactId: id }, offset: 0, limit: 50 });
  person50.push(performance.now() - t);
};
// A day's use opens three person pages; memory is read after those.
for (const p of people.slice(0, 3)) {
  await firstPage(p.id);
  await first('person.watch', { id: p.id });
}
const rssMb = process.memoryUsage().rss / 1e6;
// Seven more people's first pages, so the figure is not one person's luck with the disk.
for (const p of people.slice(3, 10)) await firstPage(p.id);
const sorted = [...person50].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    todayMs,
    processTodayMs,
    searchP95,
    person50Ms: sorted[Math.floor(sorted.length / 2)]!,
    person50MaxMs: sorted.at(-1)!,
    rssMb,
  }),
);
await core.close();
