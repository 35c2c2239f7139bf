import { describe, expect, it } from 'vitest';
import { defaultCacheDir, defaultDataDir } from './paths.ts';

describe('default folders', () => {
  it('keeps data where Electron keeps userData for Rapport', () => {
    expect(defaultDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Rapport');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ada')).toBe('/cfg/Rapport');
    expect(defaultDataDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/Rapport');
  });

  it("keeps the cache in the user's own cache folder, never the shared temporary one", () => {
    const ada = () => '/home/ada';
    expect(defaultCacheDir('linux', {}, ada)).toBe('/home/ada/.cache/Rapport');
    expect(defaultCacheDir('linux', { XDG_CACHE_HOME: '/c' }, ada)).toBe('/c/Rapport');
    // Empty or relative XDG variables are ignored (the XDG base directory rules).
    expect(defaultCacheDir('linux', { XDG_CACHE_HOME: '' }, ada)).toBe('/home/ada/.cache/Rapport');
    expect(defaultCacheDir('linux', { XDG_CACHE_HOME: 'cache' }, ada)).toBe('/home/ada/.cache/Rapport');
    // Set, it needs no home folder (a container may have none).
    const none = () => {
      throw new Error('no home folder');
    };
    expect(defaultCacheDir('linux', { XDG_CACHE_HOME: '/c' }, none)).toBe('/c/Rapport');
    expect(defaultCacheDir('darwin', {}, () => '/Users/ada')).toBe('/Users/ada/Library/Caches/Rapport');
  });
});
