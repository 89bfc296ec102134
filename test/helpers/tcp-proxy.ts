/** A TCP proxy a test can cut and restore: a database (or any service) going away and coming back. */
import net from 'node:net';

export interface CuttableProxy {
  port: number;
  /** Drops every open connection and refuses new ones until restored. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startCuttableProxy(target: { host: string; port: number }): Promise<CuttableProxy> {
  const open = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Cuts the proxy for `ms`; `whileCut` runs just after the cut (to release work held until the cut lands). Returns
 * the instant the service was restored.
 */
export async function outage(
  proxy: CuttableProxy,
  ms: number,
  whileCut: () => Promise<void> = () => Promise.resolve(),
): Promise<Date> {
  proxy.cut();
  await whileCut();
  await new Promise((resolve) => setTimeout(resolve, ms));
  proxy.restore();
  return new Date();
}
