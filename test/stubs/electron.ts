// Any test that reaches the real `electron` module without `vi.mock('electron')` lands here and
// fails at once: the real package would try to download a binary that cannot exist in CI.
throw new Error("Unmocked import of 'electron' in a test. Add vi.mock('electron', ...) to this test file.");
