import { chromium } from 'playwright';
import AxeBuilder from '@axe-core/playwright';
export const URLS = {
  demo: 'http://127.0.0.1:5811/#token=8530443c80a74b823eecbd5e2faf2b4754d84264b9d70fb8',
  empty: 'http://127.0.0.1:5812/#token=9aa22cbd7f9770e3939a1e56036d0ecedb7fa760e672f62e',
};
export async function open(which='demo', dark=false) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const ctx = await browser.newContext(dark ? { viewport:{width:900,height:600}, colorScheme:'dark' } : { viewport:{width:1280,height:800}, colorScheme:'light' });
  const page = await ctx.newPage();
  page.on('pageerror', e => console.log('PAGEERROR', e.message));
  page.on('console', m => { if (m.type()==='error' || m.type()==='warning') console.log('CONSOLE', m.type(), m.text().slice(0,200)); });
  await page.goto(URLS[which]);
  await page.waitForTimeout(1500);
  return { browser, ctx, page };
}
export async function shot(page, name) { await page.screenshot({ path: `/tmp/rev4-shots/${name}.png` }); console.log('SHOT', name); }
export async function axe(page, label) {
  const r = await new AxeBuilder({ page }).analyze();
  for (const v of r.violations) console.log('AXE', label, v.id, v.impact, v.nodes.length, v.nodes.slice(0,3).map(n=>n.target.join(' ')+' :: '+(n.failureSummary||'').replace(/\s+/g,' ').slice(0,160)).join(' | '));
  if (!r.violations.length) console.log('AXE', label, 'clean');
}
export async function focused(page) {
  return page.evaluate(() => { const e = document.activeElement; if (!e) return 'null'; return e.tagName + (e.id?'#'+e.id:'') + ' [' + (e.getAttribute('aria-label')||e.textContent||'').trim().slice(0,60) + ']' + (e.getAttribute('role')?' role='+e.getAttribute('role'):''); });
}
export async function tabs(page, n) { const out=[]; for (let i=0;i<n;i++){ await page.keyboard.press('Tab'); out.push(await focused(page)); } return out; }
export async function text(page) { return page.evaluate(() => document.body.innerText); }
