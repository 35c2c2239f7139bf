/** On a Mac, shortcuts are named with ⌘ (Command); elsewhere with Ctrl. Both keys work everywhere. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The modifier as tooltips show it. */
export const MOD = IS_MAC ? '⌘' : 'Ctrl';
