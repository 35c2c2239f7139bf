/**
 * tesseract.js's own worker thread, with every way out to the network closed first: if the OCR
 * tried to download anything, the read would fail and so would the test using this worker.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const refuse = (what: string) => () => {
  // The thread ends soon after, so nothing lingers once the refusal has reached the engine.
  setTimeout(() => process.exit(1), 200);
  throw new Error(`Network use in the OCR worker: ${what}`);
};
Object.assign(net, { connect: refuse('net.connect'), createConnection: refuse('net.createConnection') });
net.Socket.prototype.connect = refuse('socket.connect');
Object.assign(tls, { connect: refuse('tls.connect') });
Object.assign(dns, { lookup: refuse('dns.lookup') });
Object.assign(http, { request: refuse('http.request'), get: refuse('http.get') });
Object.assign(https, { request: refuse('https.request'), get: refuse('https.get') });
globalThis.fetch = refuse('fetch');

createRequire(import.meta.url)('tesseract.js/src/worker-script/node/index.js');
