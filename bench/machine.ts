/** The machine a figure was measured on: every result carries it. */
import os from 'node:os';

export interface MachineFacts {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  node: string;
}

export function machineFacts(): MachineFacts {
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}
