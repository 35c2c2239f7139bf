import { Menu, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';

export interface TrayActions {
  open: () => void;
  quit: () => void;
}

/** Kept separate from the Tray so the menu can be tested without a desktop. */
export function trayMenuTemplate(actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: 'Open Rapport', click: actions.open },
    { type: 'separator' },
    { label: 'Quit', role: 'quit', click: actions.quit },
  ];
}

/** Replaces the tray's menu, e.g. when the due list changes (reminders-tray.ts). */
export function setTrayMenu(tray: Tray, template: MenuItemConstructorOptions[], tooltip?: string): void {
  tray.setContextMenu(Menu.buildFromTemplate(template));
  if (tooltip !== undefined) tray.setToolTip(tooltip);
}

export function createTray(icon: NativeImage, actions: TrayActions): Tray {
  const tray = new Tray(icon);
  tray.setToolTip('Rapport');
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(actions)));
  // Windows and most Linux trays open on click; macOS shows the menu instead.
  tray.on('click', actions.open);
  return tray;
}
