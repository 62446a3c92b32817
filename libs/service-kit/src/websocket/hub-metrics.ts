import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * What a hub counts on its hot path, in plain numbers: incrementing a
 * prom-client counter builds a label key on every call, so messages and
 * bytes are added up here and handed to the registry when it is scraped.
 */
export interface HubTraffic {
  /** The channel (the `channel` label). */
  readonly name: string;
  readonly openSockets: number;
  messagesIn: number;
  bytesIn: number;
  messagesOut: number;
  bytesOut: number;
}

export type UpgradeOutcome = 'opened' | 'rejected' | 'refused' | 'abandoned';

export interface HubMetrics {
  /** One upgrade ended: `code` is the HTTP status of a rejection, the close code of a refusal, 101 otherwise. */
  upgrade(outcome: UpgradeOutcome, code: number): void;
  heartbeatTermination(): void;
  backpressureCutoff(): void;
  /** An open socket was closed for what it sent: `code` is the close code (4430 rate limited, a channel's own refusal). */
  messageRefused(code: number): void;
}

interface RegistryMetrics {
  hubs: HubTraffic[];
  upgrades: Counter<'channel' | 'outcome' | 'code'>;
  heartbeatTerminations: Counter<'channel'>;
  backpressureCutoffs: Counter<'channel'>;
  refusedMessages: Counter<'channel' | 'code'>;
}

const byRegistry = new WeakMap<Registry, RegistryMetrics>();

/** A counter whose value is read from the hubs at scrape time (the increase since the last scrape, per hub). */
function pulledCounter(registry: Registry, hubs: HubTraffic[], name: string, help: string, read: (hub: HubTraffic) => number) {
  const reported = new WeakMap<HubTraffic, number>();
  return new Counter({
    name,
    help,
    labelNames: ['channel'] as const,
    registers: [registry],
    collect() {
      for (const hub of hubs) {
        const now = read(hub);
        const increase = now - (reported.get(hub) ?? 0);
        reported.set(hub, now);
        if (increase > 0) this.inc({ channel: hub.name }, increase);
      }
    },
  });
}

/** The registry's WebSocket metrics, made once per registry: several hubs (channels) share them by label. */
function registryMetrics(registry: Registry): RegistryMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const hubs: HubTraffic[] = [];
  new Gauge({
    name: 'websocket_open_sockets',
    help: 'Open WebSocket connections on this replica, by channel',
    labelNames: ['channel'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const open = new Map<string, number>();
      for (const hub of hubs) open.set(hub.name, (open.get(hub.name) ?? 0) + hub.openSockets);
      for (const [channel, count] of open) this.set({ channel }, count);
    },
  });
  pulledCounter(registry, hubs, 'websocket_messages_received_total', 'WebSocket messages received from clients, by channel', (hub) => hub.messagesIn);
  pulledCounter(registry, hubs, 'websocket_received_bytes_total', 'Bytes of WebSocket messages received from clients, by channel', (hub) => hub.bytesIn);
  pulledCounter(registry, hubs, 'websocket_messages_sent_total', 'WebSocket messages sent to clients, by channel', (hub) => hub.messagesOut);
  pulledCounter(registry, hubs, 'websocket_sent_bytes_total', 'Bytes of WebSocket messages sent to clients, by channel', (hub) => hub.bytesOut);
  const metrics: RegistryMetrics = {
    hubs,
    upgrades: new Counter({
      name: 'websocket_upgrades_total',
      help:
        'WebSocket upgrades by channel and outcome: opened (code 101), rejected (HTTP status), ' +
        'refused (opened, then closed with the code), abandoned (the client left while it was admitted)',
      labelNames: ['channel', 'outcome', 'code'] as const,
      registers: [registry],
    }),
    heartbeatTerminations: new Counter({
      name: 'websocket_heartbeat_terminations_total',
      help: 'WebSocket connections cut off for not answering the previous ping, by channel',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    backpressureCutoffs: new Counter({
      name: 'websocket_backpressure_cutoffs_total',
      help: 'WebSocket connections cut off because their unsent backlog passed the bound, by channel',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    refusedMessages: new Counter({
      name: 'websocket_refused_messages_total',
      help: 'Open WebSocket connections closed for what they sent (4430 too many messages, or a refusal of the channel), by channel and close code',
      labelNames: ['channel', 'code'] as const,
      registers: [registry],
    }),
  };
  byRegistry.set(registry, metrics);
  return metrics;
}

/** A hub's metrics in `registry`, labelled with its channel. */
export function createHubMetrics(registry: Registry, hub: HubTraffic): HubMetrics {
  const metrics = registryMetrics(registry);
  metrics.hubs.push(hub);
  const channel = { channel: hub.name };
  return {
    upgrade: (outcome, code) => metrics.upgrades.inc({ channel: hub.name, outcome, code: String(code) }),
    heartbeatTermination: () => metrics.heartbeatTerminations.inc(channel),
    backpressureCutoff: () => metrics.backpressureCutoffs.inc(channel),
    messageRefused: (code) => metrics.refusedMessages.inc({ channel: hub.name, code: String(code) }),
  };
}
