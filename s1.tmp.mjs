import { open, shot, axe, focused, tabs, text } from './lib.tmp.mjs';
const { browser, page } = await open('empty');
await shot(page, 'empty-start');
console.log(await text(page));
console.log(await tabs(page, 25));
await axe(page, 'empty-start');
await browser.close();
