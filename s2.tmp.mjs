import { open, shot, axe, focused, tabs, text } from './lib.tmp.mjs';
const { browser, page } = await open('empty');
console.log(await page.evaluate(()=>[...document.querySelectorAll('[data-radix-popper-content-wrapper]')].map(e=>e.outerHTML.slice(0,400))));
for (let i=1;i<=8;i++){
  await page.keyboard.press('Control+'+i);
  await page.waitForTimeout(700);
  console.log('=== screen', i, page.url(), 'focus:', await focused(page));
  console.log((await page.locator('main').innerText()).slice(0,1500));
  await shot(page, 'empty-screen'+i);
  await axe(page, 'empty-screen'+i);
}
await browser.close();
