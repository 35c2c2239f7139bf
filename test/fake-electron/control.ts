import { electronEvent } from './events.ts';
import { FakeFrame } from './page.ts';
import type { ChildMessage, Command, ParentMessage } from './protocol.ts';
import type { FakeElectron } from './runtime.ts';
import { FakeWebContents } from './web-contents.ts';

type RequestFunction = (input: unknown) => Promise<unknown>;
type SubscribeFunction = (input: unknown, onResult: (result: { ok: boolean; value?: unknown }) => void) => void;

/** Carries out the test's commands in the fake process, as a user, a page or the OS would act. */
export function attachControl(fake: FakeElectron, send: (message: ChildMessage) => void): void {
  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'command') return;
    run(fake, message.command).then(
      (value) => send({ type: 'reply', id: message.id, ok: true, value: value ?? null }),
      (error: unknown) =>
        send({
          type: 'reply',
          id: message.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  });
}

function mainWindow(fake: FakeElectron) {
  const [window] = fake.internals.windows;
  if (!window) throw new Error('The app has no window');
  return window;
}

function contents(fake: FakeElectron, id?: number): FakeWebContents {
  if (id === undefined) return mainWindow(fake).webContents;
  const found = [...fake.internals.allContents].find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No web contents #${id}`);
  return found;
}

/** `window.rapport.<area>.<method>` in the main window's page. */
function pageApi<T>(fake: FakeElectron, channel: string): T {
  const page = mainWindow(fake).webContents.page;
  if (!page) throw new Error('The window has no page loaded');
  const rapport = page.mainWorld.rapport as Record<string, Record<string, unknown>> | undefined;
  if (!rapport) throw new Error(`The page has no window.rapport (preload error: ${page.preloadError ?? 'none'})`);
  const [area = '', ...method] = channel.split('.');
  const fn = channel === 'on' ? rapport.on : rapport[area]?.[method.join('.')];
  if (typeof fn !== 'function') throw new Error(`window.rapport has no ${channel}`);
  return fn as T;
}

function countOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  const items = (value as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? items.length : undefined;
}

async function run(fake: FakeElectron, command: Command): Promise<unknown> {
  const { recorder } = fake;
  switch (command.name) {
    case 'page.request':
      return pageApi<RequestFunction>(fake, command.channel)(command.input);
    case 'page.subscribe':
      pageApi<SubscribeFunction>(fake, command.channel)(command.input, (result) => {
        const count = result.ok ? countOf(result.value) : undefined;
        recorder.push({
          kind: 'page-push',
          key: command.key,
          ok: result.ok,
          ...(count === undefined ? {} : { count }),
        });
      });
      return null;
    case 'page.listen':
      pageApi<(name: string, listener: (payload: unknown) => void) => void>(fake, 'on')(command.event, (payload) =>
        recorder.push({ kind: 'page-event', name: command.event, payload }),
      );
      return null;
    case 'page.sendRaw': {
      const target = contents(fake);
      const { schemes } = fake.internals.host;
      const frame = command.frameUrl
        ? new FakeFrame(command.frameUrl, target.mainFrame, schemes.originOf(command.frameUrl))
        : target.mainFrame;
      target.deliverToMain(frame, command.channel, [structuredClone(command.message)]);
      return null;
    }
    case 'page.load': {
      const resources = mainWindow(fake).webContents.resources;
      if (!resources) throw new Error('The window has no page loaded');
      return resources.load(command.url, command.as);
    }
    case 'page.reload':
      return contents(fake).reload();
    case 'contents.navigate':
      return contents(fake, command.contentsId).pageNavigates(command.url, command.redirect);
    case 'contents.windowOpen':
      return contents(fake, command.contentsId).pageOpensWindow(command.url);
    case 'contents.attachWebview':
      return contents(fake, command.contentsId).pageAttachesWebview();
    case 'contents.dropFile':
      return contents(fake, command.contentsId).pageReceivesDrop(command.path);
    case 'contents.create':
      return new FakeWebContents(fake.internals.host, {}).id;
    case 'session.checkPermission':
      return fake.internals.defaultSession.checkPermission(contents(fake), command.permission, command.origin);
    case 'session.requestPermission':
      return fake.internals.defaultSession.requestPermission(
        contents(fake),
        command.permission,
        contents(fake).getURL(),
      );
    case 'session.receiveHeaders':
      return fake.internals.defaultSession.receiveHeaders(command.url);
    case 'tray.clickMenuItem': {
      const tray = [...fake.internals.trays].findLast((candidate) => !candidate.isDestroyed());
      if (!tray) throw new Error('The app has no tray icon');
      return tray.pick(command.path);
    }
    case 'os.pressShortcut':
      fake.globalShortcut.press(command.accelerator);
      return null;
    case 'window.close':
      return mainWindow(fake).close();
    case 'powerMonitor.emit':
      return fake.powerMonitor.emit(command.event, electronEvent());
  }
}
