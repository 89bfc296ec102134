/**
 * How WR's driver learns that a WR case waits for a decision, at no cost to the Temporal server: the workflow calls
 * a sink as it starts waiting, and the baselines' worker sends the bench process one UDP datagram on loopback. The
 * household's clerk learns the same from the platform's task list; this channel stands in for that list.
 */
import dgram from 'node:dgram';
import type { Sinks } from '@temporalio/workflow';
import type { InjectedSinks } from '@temporalio/worker';

/** The environment variable that gives the baselines' worker the bench process's port for notices. */
export const WAIT_NOTICE_PORT_ENV = 'BENCH_WAIT_NOTICE_PORT';

export interface WaitNoticeSinks extends Sinks {
  waits: {
    /** The case now waits for decision number `decision` (0-based). */
    awaitingDecision(decision: number): void;
  };
}

export interface WaitNotice {
  workflowId: string;
  decision: number;
}

/** The bench process's end: a socket on loopback whose listeners hear of every WR case that starts waiting. */
export interface WaitNotices {
  port: number;
  listen(listener: (notice: WaitNotice) => void): () => void;
  close(): Promise<void>;
}

export async function openWaitNotices(): Promise<WaitNotices> {
  const socket = dgram.createSocket('udp4');
  const listeners = new Set<(notice: WaitNotice) => void>();
  socket.on('message', (message) => {
    const notice = JSON.parse(message.toString()) as WaitNotice;
    for (const listener of listeners) listener(notice);
  });
  await new Promise<void>((bound) => socket.bind(0, '127.0.0.1', bound));
  return {
    port: socket.address().port,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => new Promise<void>((closed) => socket.close(() => closed())),
  };
}

/** The worker's end: the sink that sends each notice to `port`. */
export function waitNoticeSinks(port: number): InjectedSinks<WaitNoticeSinks> {
  const socket = dgram.createSocket('udp4');
  socket.unref();
  return {
    waits: {
      awaitingDecision: {
        fn: (info, decision) => {
          const notice: WaitNotice = { workflowId: info.workflowId, decision };
          socket.send(JSON.stringify(notice), port, '127.0.0.1');
        },
        callDuringReplay: false,
      },
    },
  };
}
