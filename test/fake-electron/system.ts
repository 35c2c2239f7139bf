import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { electronEvent, RecordingEmitter } from './events.ts';
import type { Recorder } from './recorder.ts';

/**
 * A namespace whose unknown members throw when touched, so an app calling an API this fake does
 * not implement fails loudly instead of receiving `undefined`.
 */
export function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key === 'then' || key in object) return Reflect.get(object, key, receiver);
      throw new Error(`fake electron: ${name}.${key} is not implemented; add it to test/fake-electron`);
    },
  });
}

export interface NotificationOptions {
  title?: string;
  body?: string;
  silent?: boolean;
}

/** A desktop notification (Linux with a notification daemon: supported). */
export class FakeNotification extends RecordingEmitter {
  static #nextId = 1;
  readonly id = FakeNotification.#nextId++;
  readonly title: string;
  readonly body: string;
  readonly #recorder: Recorder;

  constructor(recorder: Recorder, options: NotificationOptions = {}) {
    super(recorder, () => `Notification#${this.id}`);
    this.#recorder = recorder;
    this.title = options.title ?? '';
    this.body = options.body ?? '';
  }

  show(): void {
    this.#recorder.call(`Notification#${this.id}.show`, [{ title: this.title, body: this.body }]);
    setImmediate(() => this.emit('show', electronEvent()));
  }
  close(): void {
    this.#recorder.call(`Notification#${this.id}.close`);
    setImmediate(() => this.emit('close', electronEvent()));
  }
}

export function createDialog(recorder: Recorder) {
  return strict('dialog', {
    /** Before `ready` on Linux Electron only prints this to stderr. */
    showErrorBox(title: string, content: string): void {
      recorder.call('dialog.showErrorBox', [title, content]);
    },
  });
}

export function createShell(recorder: Recorder) {
  return strict('shell', {
    async openExternal(url: string, options?: object): Promise<void> {
      recorder.call('shell.openExternal', [url, options]);
    },
    async openPath(path: string): Promise<string> {
      recorder.call('shell.openPath', [path]);
      return '';
    },
    showItemInFolder(path: string): void {
      recorder.call('shell.showItemInFolder', [path]);
    },
  });
}

export function createPowerMonitor(recorder: Recorder) {
  return new RecordingEmitter(recorder, () => 'powerMonitor');
}

/**
 * safeStorage as on a Linux desktop with a keyring: available once the app is ready. The key
 * is derived from the app name, so text encrypted in one launch decrypts in the next, as with
 * a keyring. Electron 45 deprecates the synchronous methods; both forms are here.
 */
export function createSafeStorage(recorder: Recorder, isReady: () => boolean, appName: () => string) {
  const key = () => createHash('sha256').update(`fake-electron-safe-storage:${appName()}`).digest();
  const available = () => isReady();
  const encrypt = (text: string) => {
    if (!available())
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      );
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key(), iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
  };
  const decrypt = (data: Buffer) => {
    if (!available()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const decipher = createDecipheriv('aes-256-gcm', key(), data.subarray(3, 15));
    decipher.setAuthTag(data.subarray(15, 31));
    return Buffer.concat([decipher.update(data.subarray(31)), decipher.final()]).toString('utf8');
  };
  return strict('safeStorage', {
    isEncryptionAvailable: available,
    isAsyncEncryptionAvailable: async () => available(),
    getSelectedStorageBackend: () => (isReady() ? 'gnome_libsecret' : 'unknown'),
    encryptString(text: string) {
      recorder.call('safeStorage.encryptString', ['[text]']);
      return encrypt(text);
    },
    decryptString: (data: Buffer) => decrypt(data),
    async encryptStringAsync(text: string) {
      recorder.call('safeStorage.encryptStringAsync', ['[text]']);
      return encrypt(text);
    },
    decryptStringAsync: async (data: Buffer) => ({ result: decrypt(data), shouldReEncrypt: false }),
  });
}

/**
 * System-wide keyboard shortcuts. As in Electron: only after `ready`, and `register` returns false
 * when the accelerator is already taken (by this app or, in real life, another one). `press` is
 * the user pressing the keys anywhere on the desktop (the control channel's `os.pressShortcut`).
 */
export function createGlobalShortcut(recorder: Recorder, isReady: () => boolean) {
  const registered = new Map<string, () => void>();
  const ready = (name: string) => {
    if (!isReady()) throw new Error(`globalShortcut.${name} cannot be used before the app is ready`);
  };
  return strict('globalShortcut', {
    register(accelerator: string, callback: () => void): boolean {
      ready('register');
      recorder.call('globalShortcut.register', [accelerator]);
      if (registered.has(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    },
    isRegistered(accelerator: string): boolean {
      return registered.has(accelerator);
    },
    unregister(accelerator: string): void {
      ready('unregister');
      recorder.call('globalShortcut.unregister', [accelerator]);
      registered.delete(accelerator);
    },
    unregisterAll(): void {
      ready('unregisterAll');
      recorder.call('globalShortcut.unregisterAll');
      registered.clear();
    },
    /** Not Electron API: the OS delivering the key press. */
    press(accelerator: string): void {
      const callback = registered.get(accelerator);
      if (!callback) throw new Error(`No global shortcut ${accelerator} is registered`);
      callback();
    },
  });
}
