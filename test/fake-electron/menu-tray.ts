import { assertAlive, RecordingEmitter } from './events.ts';
import { FakeNativeImage, nativeImage } from './native-image.ts';
import type { MenuSnapshot } from './protocol.ts';
import { SNAPSHOT, type Recorder } from './recorder.ts';

interface ItemOptions {
  label?: string;
  type?: string;
  role?: string;
  enabled?: boolean;
  click?: (item: FakeMenuItem, window: unknown, event: object) => void;
  submenu?: ItemOptions[] | FakeMenu;
}

const TYPES = ['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette'];

/** Roles the fake can perform; Electron performs a role instead of calling `click`. */
export type RoleActions = Partial<Record<string, () => void>>;

export class FakeMenuItem {
  readonly label: string;
  readonly type: string;
  readonly role: string | undefined;
  readonly enabled: boolean;
  readonly submenu: FakeMenu | undefined;
  readonly #click: ItemOptions['click'];
  readonly #roles: RoleActions;

  constructor(options: ItemOptions, roles: RoleActions) {
    this.submenu = Array.isArray(options.submenu) ? FakeMenu.build(options.submenu, roles) : options.submenu;
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal');
    if (!TYPES.includes(this.type)) throw new Error(`Unknown menu item type: ${this.type}`);
    if (this.type === 'submenu' && !this.submenu) throw new Error('Invalid submenu');
    this.label = options.label ?? '';
    this.role = options.role;
    this.enabled = options.enabled ?? true;
    this.#click = options.click;
    this.#roles = roles;
  }

  /** What the menu does when the user picks this item: its role if it has one, else `click`. */
  click(): void {
    const role = this.role && this.#roles[this.role.toLowerCase()];
    if (role) role();
    else this.#click?.(this, undefined, {});
  }

  snapshot(): MenuSnapshot {
    return {
      label: this.label,
      type: this.type,
      ...(this.role ? { role: this.role } : {}),
      enabled: this.enabled,
      ...(this.submenu ? { submenu: this.submenu[SNAPSHOT]() } : {}),
    };
  }
}

export class FakeMenu {
  readonly items: FakeMenuItem[];

  constructor(items: FakeMenuItem[]) {
    this.items = items;
  }

  /** Electron's template validation: an array of items each with a label, a role or a type. */
  static build(template: unknown, roles: RoleActions): FakeMenu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const valid = template.every(
      (item) => item && typeof item === 'object' && ('label' in item || 'role' in item || item.type === 'separator'),
    );
    if (!valid) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    return new FakeMenu((template as ItemOptions[]).map((item) => new FakeMenuItem(item, roles)));
  }

  [SNAPSHOT](): MenuSnapshot[] {
    return this.items.map((item) => item.snapshot());
  }

  /** Follows labels down submenus, as a user pointing through the menu would. */
  find(path: readonly string[]): FakeMenuItem | undefined {
    const [label, ...rest] = path;
    const item = this.items.find((candidate) => candidate.label === label);
    return rest.length === 0 ? item : item?.submenu?.find(rest);
  }
}

/** A tray icon. Like Electron, it cannot exist before `ready` and refuses calls once destroyed. */
export class FakeTray extends RecordingEmitter {
  static #nextId = 1;
  readonly id = FakeTray.#nextId++;
  menu: FakeMenu | null = null;
  image: FakeNativeImage;
  readonly #recorder: Recorder;
  #destroyed = false;

  constructor(recorder: Recorder, ready: boolean, image: FakeNativeImage | string) {
    if (!ready) throw new Error('Cannot create Tray before app is ready');
    super(recorder, () => `Tray#${this.id}`);
    this.#recorder = recorder;
    this.image = typeof image === 'string' ? nativeImage.createFromPath(image) : image;
    recorder.call(`new Tray#${this.id}`, [this.image]);
  }

  #call(method: string, args: unknown[]) {
    this.#recorder.call(`Tray#${this.id}.${method}`, args);
    assertAlive(this.#destroyed);
  }

  isDestroyed = () => this.#destroyed;

  setContextMenu(menu: FakeMenu | null): void {
    this.#call('setContextMenu', [menu]);
    this.menu = menu;
  }
  setToolTip(text: string): void {
    this.#call('setToolTip', [text]);
  }
  setImage(image: FakeNativeImage | string): void {
    this.#call('setImage', [image]);
    this.image = typeof image === 'string' ? nativeImage.createFromPath(image) : image;
  }
  destroy(): void {
    this.#call('destroy', []);
    this.#destroyed = true;
  }

  /** The user opens the tray menu and picks the item at `path`. */
  pick(path: readonly string[]): void {
    assertAlive(this.#destroyed);
    const item = this.menu?.find(path);
    if (!item) throw new Error(`The tray menu has no item ${path.join(' › ')}`);
    if (!item.enabled) throw new Error(`The tray menu item ${path.join(' › ')} is disabled`);
    item.click();
  }
}
