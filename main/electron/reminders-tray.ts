import type { MenuItemConstructorOptions } from 'electron';
import type { DueSummary } from '../../shared/domain/reminders/views.ts';
import type { Result } from '../../shared/ipc/result.ts';
import type { Core } from '../core/core.ts';

/** How many due people the tray menu lists; the rest are one "…and N more" line. */
export const TRAY_PEOPLE = 5;

/** How long the tray offers to take back its last Done, Snooze or Skip: a menu is opened again later than a toast is read. */
export const TRAY_UNDO_MS = 60_000;

type Person = DueSummary['people'][number];

export interface ReminderTrayActions {
  /** Shows the window: the person when given, else Today. */
  open(personId?: string): void;
  /** Logs an interaction with them now. */
  done(person: Person): void;
  snooze(person: Person, days: 1 | 7): void;
  skip(person: Person): void;
  /** Takes back the last of those three (the menu's first item while it is offered). */
  undo(): void;
  /** Shows the window with the log-an-interaction dialog. */
  log(): void;
  quit(): void;
}

const headline = (count: number) =>
  count === 0 ? 'Nobody to reach out to today' : `${count} ${count === 1 ? 'person' : 'people'} to reach out to today`;

/** The tray icon's tooltip: the app name and the due count. */
export function trayTooltip(summary: DueSummary | null): string {
  return summary && summary.count > 0 ? `Rapport: ${headline(summary.count)}` : 'Rapport';
}

/**
 * The tray menu for who is due. Only names appear (from `DueSummary`, which carries no detail
 * text at all), so nothing private can show in a menu bar.
 */
export function reminderTrayTemplate(
  summary: DueSummary | null,
  actions: ReminderTrayActions,
  /** What the undo item says ("Undo: snoozed Sam for a day"), while the last action can be taken back. */
  undoLabel?: string,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (undoLabel) items.push({ label: undoLabel, click: actions.undo }, { type: 'separator' });
  if (summary) {
    items.push({ label: headline(summary.count), enabled: false });
    for (const person of summary.people.slice(0, TRAY_PEOPLE)) {
      items.push({
        label: person.displayName,
        submenu: [
          { label: 'Open', click: () => actions.open(person.id) },
          { label: 'Done', click: () => actions.done(person) },
          { type: 'separator' },
          { label: 'Snooze 1 day', click: () => actions.snooze(person, 1) },
          { label: 'Snooze 1 week', click: () => actions.snooze(person, 7) },
          { label: 'Skip this cycle', click: () => actions.skip(person) },
        ],
      });
    }
    if (summary.count > TRAY_PEOPLE)
      items.push({ label: `…and ${summary.count - TRAY_PEOPLE} more`, click: () => actions.open() });
    items.push({ type: 'separator' });
  }
  items.push(
    { label: 'Log an interaction…', click: actions.log },
    { label: 'Open Rapport', click: () => actions.open() },
    { type: 'separator' },
    { label: 'Quit', role: 'quit', click: actions.quit },
  );
  return items;
}

/** Whether this desktop shows tray icons. Linux needs a StatusNotifier host (AppIndicator). */
export function detectTray(platform: NodeJS.Platform, env: Record<string, string | undefined>): boolean | undefined {
  if (platform !== 'linux') return true;
  const desktop = env.XDG_CURRENT_DESKTOP ?? '';
  // Plain GNOME hides tray icons unless the AppIndicator extension is installed (Ubuntu ships it
  // and says "ubuntu:GNOME"); these desktops show them out of the box.
  if (/KDE|XFCE|LXQt|LXDE|MATE|Cinnamon|Budgie|Unity|ubuntu|Pantheon|Deepin|sway|Hyprland/i.test(desktop)) return true;
  if (/GNOME/i.test(desktop)) return false;
  return undefined;
}

/** The parts of the core the tray uses: live queries and requests, plus events to the window. */
export type TrayCore = Pick<Core, 'request' | 'watch' | 'emit'>;

/**
 * Keeps the tray menu, tooltip and dock/taskbar badge in step with who is due, and turns menu
 * clicks into core requests. Done, Snooze and Skip can be taken back from the menu's first item
 * for a minute, as the window's toasts offer (through the same requests: `reminders.undo` puts
 * back only what is still as the action left it). Works without a tray (`tray` null): the badge
 * still updates.
 * @returns a function that stops listening.
 */
export function connectReminderTray(options: {
  core: TrayCore;
  tray: { setMenu(template: MenuItemConstructorOptions[], tooltip: string): void } | null;
  app: { setBadgeCount(count: number): boolean; quit(): void };
  /** Shows and focuses the main window. */
  show: () => void;
  /** How long the last action can be undone from the menu (tests shorten it). */
  undoMs?: number;
  /** Says that a menu action failed, and why: a notification from the shell. */
  notify: (notification: { title: string; body: string }) => void;
}): () => void {
  const { core, tray, app, show, notify } = options;
  let summary: DueSummary | null = null;
  let undo: { label: string; run: () => Promise<Result<unknown>> } | null = null;
  let undoEnds: NodeJS.Timeout | undefined;
  const render = () => tray?.setMenu(reminderTrayTemplate(summary, actions, undo?.label), trayTooltip(summary));
  const offerUndo = (label: string, run: () => Promise<Result<unknown>>) => {
    undo = { label, run };
    clearTimeout(undoEnds);
    undoEnds = setTimeout(() => {
      undo = null;
      render();
    }, options.undoMs ?? TRAY_UNDO_MS);
    undoEnds.unref?.();
    render();
  };
  // A click in a menu that closes has nowhere else to say it failed: a notification says what did
  // not happen and why (a snooze this version cannot save, say), and nothing is offered to undo.
  const failed = (what: string) => (result: Result<unknown>) => {
    if (!result.ok) notify({ title: `Could not ${what}`, body: result.error.message });
    return result.ok;
  };
  const actions: ReminderTrayActions = {
    open(personId) {
      show();
      core.emit('reminders.open', personId ? { personId } : {});
    },
    done: (person) =>
      void core.request('reminders.done', { personId: person.id }).then((r) => {
        if (failed(`mark ${person.displayName} done`)(r))
          offerUndo(`Undo: in touch with ${person.displayName}`, () => core.request('reminders.undoDone', r.value));
      }),
    snooze: (person, days) =>
      void core.request('reminders.snooze', { personId: person.id, days }).then((r) => {
        if (failed(`snooze ${person.displayName}`)(r))
          offerUndo(`Undo: snoozed ${person.displayName} for ${days === 1 ? 'a day' : 'a week'}`, () =>
            core.request('reminders.undo', r.value.change),
          );
      }),
    skip: (person) =>
      void core.request('reminders.skip', { personId: person.id }).then((r) => {
        if (failed(`skip this cycle for ${person.displayName}`)(r))
          offerUndo(`Undo: skipped this cycle for ${person.displayName}`, () =>
            core.request('reminders.undo', r.value.change),
          );
      }),
    undo() {
      const taking = undo;
      undo = null;
      clearTimeout(undoEnds);
      render();
      void taking?.run().then(failed('undo it'));
    },
    log() {
      show();
      core.emit('reminders.open', { log: true });
    },
    quit: () => app.quit(),
  };
  render();
  const stop = core.watch('reminders.watchDue', {}, (result) => {
    if (!result.ok) return;
    summary = result.value;
    render();
    // Unsupported on most Linux desktops, where it returns false; the tooltip still has the count.
    app.setBadgeCount(summary.count);
  });
  return () => {
    clearTimeout(undoEnds);
    stop();
  };
}
