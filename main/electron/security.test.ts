import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({}) as ReturnType<typeof import('./electron-mock.ts').createElectronMock>);
vi.mock('electron', async () => Object.assign(electron, (await import('./electron-mock.ts')).createElectronMock()));

const { isSafeExternalUrl, lockDownSession, lockDownWebContents } = await import('./security.ts');

describe('web contents lockdown', () => {
  it('prevents every navigation, redirect and webview', () => {
    const contents = new electron.FakeWebContents();
    lockDownWebContents(contents as never);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies window.open, sending only web links to the system browser', () => {
    const contents = new electron.FakeWebContents();
    lockDownWebContents(contents as never);
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => { action: string };
    expect(handler({ url: 'https://example.org/profile' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/profile');
    electron.shell.openExternal.mockClear();
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('classifies external URLs', () => {
    expect(isSafeExternalUrl('https://example.org')).toBe(true);
    expect(isSafeExternalUrl('mailto:a@example.org')).toBe(true);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://host/share')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});

describe('session lockdown', () => {
  it('denies permission requests and adds the CSP header to every response', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    lockDownSession(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      w: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const done = vi.fn();
    onHeaders({ responseHeaders: { 'X-Test': ['1'] } }, done);
    const headers = done.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['X-Test']).toEqual(['1']);
    expect(headers['Content-Security-Policy']![0]).toContain("script-src 'self'");
  });
});
