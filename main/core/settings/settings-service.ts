import { distinctUntilChanged, map, type Observable } from 'rxjs';
import { DEFAULT_KEEP_IN_TOUCH, KeepInTouchSettings } from '../../../shared/domain/settings.ts';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';

const KEEP_IN_TOUCH = 'keep-in-touch';

export interface SettingsService {
  keepInTouch(): Promise<KeepInTouchSettings>;
  watchKeepInTouch(): Observable<KeepInTouchSettings>;
  setKeepInTouch(value: KeepInTouchSettings): Promise<KeepInTouchSettings>;
}

/**
 * Settings are stored per area and parsed with zod on every read: a value written by a newer or
 * damaged version falls back to the defaults instead of breaking the app.
 */
export function createSettingsService(db: RapportDatabase, clock: Clock): SettingsService {
  const parse = (value: unknown): KeepInTouchSettings => {
    const parsed = KeepInTouchSettings.safeParse(value);
    return parsed.success ? parsed.data : DEFAULT_KEEP_IN_TOUCH;
  };
  return {
    async keepInTouch() {
      return parse((await db.settings.findOne(KEEP_IN_TOUCH).exec())?.value);
    },
    watchKeepInTouch() {
      return db.settings.findOne(KEEP_IN_TOUCH).$.pipe(
        map((doc) => parse(doc?.value)),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      );
    },
    async setKeepInTouch(value) {
      await db.settings.upsert({ id: KEEP_IN_TOUCH, value, updatedAt: clock.now().toISOString() });
      return value;
    },
  };
}
