import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({}) as ReturnType<typeof import('./electron-mock.ts').createElectronMock>);
vi.mock('electron', async () => Object.assign(electron, (await import('./electron-mock.ts')).createElectronMock()));

const { createTray, setTrayMenu, trayMenuTemplate } = await import('./tray.ts');

describe('tray', () => {
  it('offers Open Rapport and Quit, wired to the given actions', () => {
    const actions = { open: vi.fn(), quit: vi.fn() };
    const items = trayMenuTemplate(actions).filter((i) => i.type !== 'separator');
    expect(items.map((i) => i.label)).toEqual(['Open Rapport', 'Quit']);
    (items[0]?.click as () => void)();
    (items[1]?.click as () => void)();
    expect(actions.open).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });

  it('creates a tray icon with a tooltip, that menu, and opens the window on click', () => {
    const actions = { open: vi.fn(), quit: vi.fn() };
    createTray({} as never, actions);
    const tray = electron.Tray.created.at(-1)!;
    expect(tray.tooltip).toBe('Rapport');
    expect(electron.Menu.buildFromTemplate).toHaveBeenCalled();
    tray.emit('click');
    expect(actions.open).toHaveBeenCalledOnce();
  });

  it('replaces the menu and tooltip when the due list changes', () => {
    const tray = createTray({} as never, { open: vi.fn(), quit: vi.fn() });
    setTrayMenu(tray, [{ label: 'Sam Okafor' }], 'Rapport: 1 person to reach out to today');
    const fake = electron.Tray.created.at(-1)!;
    expect(fake.tooltip).toBe('Rapport: 1 person to reach out to today');
    expect(fake.menu).toEqual({ template: [{ label: 'Sam Okafor' }] });
  });
});
