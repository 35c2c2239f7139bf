import { describe, expect, it } from 'vitest';

describe('the electron alias in tests', () => {
  it('fails loudly when a test imports electron without mocking it', async () => {
    await expect(import('electron')).rejects.toThrow(/Unmocked import of 'electron'/);
  });
});
