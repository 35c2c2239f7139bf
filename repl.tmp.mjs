import fs from 'fs';
import * as L from './lib.tmp.mjs';
const which = process.argv[2] || 'demo'; const dark = process.argv[3] === 'dark'; const dir = process.argv[4] || '/tmp/rev4-cmd';
fs.mkdirSync(dir, { recursive: true });
const { browser, ctx, page } = await L.open(which, dark);
const g = { browser, ctx, page, ...L, fs };
let logs = [];
const origLog = console.log; console.log = (...a) => { logs.push(a.map(x => typeof x === 'string' ? x : JSON.stringify(x, null, 1)).join(' ')); };
origLog('ready');
while (true) {
  if (fs.existsSync(dir + '/in.js')) {
    const code = fs.readFileSync(dir + '/in.js', 'utf8'); fs.unlinkSync(dir + '/in.js');
    logs = [];
    try {
      const fn = new Function(...Object.keys(g), `return (async () => { ${code} })()`);
      const r = await fn(...Object.values(g));
      if (r !== undefined) console.log('RESULT', r);
    } catch (e) { console.log('ERROR', e.message.slice(0, 800)); }
    fs.writeFileSync(dir + '/out.txt', logs.join('\n')); fs.writeFileSync(dir + '/done', '');
    if (code.includes('__QUIT__')) { await browser.close(); process.exit(0); }
  }
  await new Promise(r => setTimeout(r, 150));
}
