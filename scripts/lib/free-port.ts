import { readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * Ports handed out are taken below the kernel's ephemeral range. A port the kernel picks for `listen(0)` comes from
 * that range, and so does the local port of every outgoing connection and of every `listen(0)` the Temporal dev
 * server makes for its own services: between our asking and the child binding it, any of those could take it
 * ("Address already in use"). Below the range only another listener asking for that exact port can.
 */
const LOWEST_PORT = 10_000;
const handedOut = new Set<number>();

/** A TCP port on 127.0.0.1 that nothing listens on at the moment of asking, and that the kernel does not hand out. */
export async function freePort(): Promise<number> {
  const highest = Math.min(ephemeralRangeStart(), 65_536) - 1;
  for (let attempt = 0; highest > LOWEST_PORT && attempt < 100; attempt += 1) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (highest - LOWEST_PORT + 1));
    if (!handedOut.has(port) && (await listensOn(port))) {
      handedOut.add(port);
      return port;
    }
  }
  return listenAnywhere();
}

/** Linux says where its ephemeral range starts; elsewhere the IANA range (49152) is the usual one. */
function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const start = Number(low);
    return Number.isInteger(start) && start > 0 ? start : 49_152;
  } catch {
    return 49_152;
  }
}

function listensOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function listenAnywhere(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
