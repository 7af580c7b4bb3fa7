/**
 * Prometheus metrics (prom-client), one registry per server (the tests run many servers in one process).
 * Gauges of sockets and live events are read from Socket.IO when scraped, so nothing is counted per
 * socket on the hot path; the command, commit and broadcast figures are one observation per command,
 * transaction or broadcast. Node's defaults come along (event-loop lag, heap, CPU, RSS).
 */
import { performance } from 'node:perf_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PlenumIO } from './socket-types.js';

/** Latency buckets in seconds: 1 ms … 5 s (a vote waits up to one 100 ms window for its commit). */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5];

export class Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly commandSeconds: Histogram<'command'>;
  private readonly broadcastSeconds: Histogram;
  private readonly dbWriteSeconds: Histogram;
  private readonly snapshotBuilds: Counter;
  private readonly droppedSockets: Counter<'reason'>;

  constructor(io: PlenumIO) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    new Gauge({
      name: 'plenum_sockets',
      help: 'Connected sockets by role',
      labelNames: ['role'],
      registers,
      collect() {
        this.reset();
        const byRole = new Map<string, number>();
        for (const s of io.of('/').sockets.values()) byRole.set(s.data.role, (byRole.get(s.data.role) ?? 0) + 1);
        for (const [role, n] of byRole) this.set({ role }, n);
      },
    });
    new Gauge({
      name: 'plenum_live_events',
      help: 'Events with at least one connected socket',
      registers,
      collect() {
        const events = new Set<string>();
        for (const s of io.of('/').sockets.values()) events.add(s.data.eventId);
        this.set(events.size);
      },
    });
    this.commands = new Counter({ name: 'plenum_commands_total', help: 'Socket commands by type and outcome (ok or the error code)', labelNames: ['command', 'outcome'], registers });
    this.commandSeconds = new Histogram({
      name: 'plenum_command_duration_seconds',
      help: 'From receiving a command to its acknowledgement',
      labelNames: ['command'],
      buckets: BUCKETS,
      registers,
    });
    this.broadcastSeconds = new Histogram({ name: 'plenum_broadcast_tick_duration_seconds', help: 'Emitting one seq of deltas to the rooms (serialisation and writes)', buckets: BUCKETS, registers });
    this.snapshotBuilds = new Counter({
      name: 'plenum_snapshot_shared_builds_total',
      help: 'Shared snapshot parts built and serialised (once per event, view and seq; the rest are served from the cache)',
      registers,
    });
    this.droppedSockets = new Counter({
      name: 'plenum_dropped_sockets_total',
      help: 'Sockets the flood guard dropped: flooding (kept sending past its limits) or slow_reader (outgoing buffer over the cap)',
      labelNames: ['reason'],
      registers,
    });
    this.dbWriteSeconds = new Histogram({ name: 'plenum_db_write_duration_seconds', help: 'One write transaction (kernel.commit, including group-committed vote windows)', buckets: BUCKETS, registers });
  }

  snapshotBuilt(): void {
    this.snapshotBuilds.inc();
  }

  /** `outcome`: 'ok' or the error code of the ack. */
  command(name: string, outcome: string, startedAt: number): void {
    this.commands.inc({ command: name, outcome });
    this.commandSeconds.observe({ command: name }, (performance.now() - startedAt) / 1000);
  }

  /** The flood guard dropped a socket. */
  dropped(reason: 'flooding' | 'slow_reader'): void {
    this.droppedSockets.inc({ reason });
  }

  dbWrite(startedAt: number): void {
    this.dbWriteSeconds.observe((performance.now() - startedAt) / 1000);
  }

  broadcast(startedAt: number): void {
    this.broadcastSeconds.observe((performance.now() - startedAt) / 1000);
  }
}
