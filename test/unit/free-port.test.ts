import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { freePort } from '../../scripts/lib/free-port';

function kernelEphemeralStart(): number | undefined {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return undefined;
  }
}

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('free ports for child processes', function () {
  it('hands out distinct ports that can be listened on, outside the range the kernel hands out itself', async function () {
    const ports: number[] = [];
    for (let i = 0; i < 20; i += 1) ports.push(await freePort());

    assert.equal(new Set(ports).size, ports.length, 'no port is handed out twice');
    const ephemeralStart = kernelEphemeralStart();
    if (ephemeralStart !== undefined) {
      for (const port of ports) assert.ok(port < ephemeralStart, `${port} is below ${ephemeralStart}`);
    }
    const servers = await Promise.all(ports.map(listen));
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });
});
