/**
 * A CouchDB-protocol server for tests and demos (`npm run sync-server -- --port N --dir DIR`):
 * pouchdb-server's engine (express-pouchdb over PouchDB 7) bound to 127.0.0.1 only.
 *
 *   --port N          port to listen on; 0 (the default) picks a free one
 *   --dir DIR         keep the databases in DIR (LevelDB, survives a restart)
 *   --in-memory       keep them in memory (gone when the process ends)
 *   --user U --password P
 *                     require HTTP Basic credentials on every request (401 otherwise), the way a
 *                     CouchDB 3 server with `require_valid_user` behaves
 *
 * Prints one JSON line `{"ready":true,"port":N,"url":"http://127.0.0.1:N/"}` once it listens, so a
 * test helper can read the port. Real users run Apache CouchDB 3 (see docs/sync.md).
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    dir: { type: 'string' },
    'in-memory': { type: 'boolean', default: false },
    user: { type: 'string' },
    password: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('Usage: npm run sync-server -- --port N (--dir DIR | --in-memory) [--user U --password P]');
  process.exit(0);
}
if (!values.dir === !values['in-memory']) {
  console.error('Choose where the data lives: --dir DIR or --in-memory (not both).');
  process.exit(2);
}
if (!values.user !== !values.password) {
  console.error('Give both --user and --password, or neither.');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

function createPouchDB() {
  const core = require('pouchdb-core').plugin(require('pouchdb-mapreduce')).plugin(require('pouchdb-replication'));
  if (values['in-memory']) return core.plugin(require('pouchdb-adapter-memory')).defaults({ adapter: 'memory' });
  const dir = path.resolve(values.dir as string);
  mkdirSync(dir, { recursive: true });
  // LevelDB through leveldown's bundled N-API prebuild: no compiler and no download needed.
  return core.plugin(require('pouchdb-adapter-leveldb')).defaults({ adapter: 'leveldb', prefix: dir + path.sep });
}

// 'minimumForPouchDB' serves the replication endpoints and writes no config.json or log file.
const app = require('express-pouchdb')(createPouchDB(), { mode: 'minimumForPouchDB' });

const expected = values.user
  ? Buffer.from(`Basic ${Buffer.from(`${values.user}:${values.password}`).toString('base64')}`)
  : null;

function authorised(request: IncomingMessage): boolean {
  if (!expected) return true;
  const given = Buffer.from(request.headers.authorization ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  if (!authorised(request)) {
    response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="sync"' });
    response.end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
    return;
  }
  app(request, response);
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(JSON.stringify({ ready: true, port: actual, url: `http://127.0.0.1:${actual}/` }));
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
