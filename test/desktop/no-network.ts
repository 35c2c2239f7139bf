/**
 * Preloaded (`node --import`) into the packaging run: any TCP connection fails at once, so a step
 * that would download something (an Electron zip, headers, a tool) fails the test instead of
 * working only where the internet is reachable. Local sockets (pipes) still work.
 */
import net from 'node:net';

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  // connect(options), connect(port, host), connect(path), or net.connect's normalised [options, callback].
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  const options = (typeof first === 'object' && first !== null ? first : {}) as {
    path?: string;
    host?: string;
    port?: number;
  };
  const port = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)) ? first : options.port;
  if (port !== undefined || (typeof first !== 'string' && options.path === undefined)) {
    const host = typeof first === 'object' ? options.host : args[1];
    throw new Error(
      `Packaging tried to reach the network (${String(host ?? 'localhost')}:${String(port)}); it must work offline.`,
    );
  }
  return connect.apply(this, args as Parameters<typeof connect>);
} as typeof connect;
