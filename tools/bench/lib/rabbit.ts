import { spawnSync } from 'node:child_process';

function rabbitmqctl(args: string[]): boolean {
  return spawnSync('rabbitmqctl', args, { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

/**
 * A RabbitMQ vhost of the run's own, so what the started services publish
 * (~10^5 match.found events, a seed's question events) and the durable queues
 * they declare stay out of the shared `/`; deleting the vhost removes
 * everything they declared. Without rabbitmqctl `isolated` is false and the
 * URL is the shared one: the caller decides what to do then.
 */
export function createRabbitVhost(name: string, baseUrl: string): { url: string; isolated: boolean; remove(): void } {
  let isolated = rabbitmqctl(['add_vhost', name]);
  if (isolated && !rabbitmqctl(['set_permissions', '-p', name, 'guest', '.*', '.*', '.*'])) {
    rabbitmqctl(['delete_vhost', name]);
    isolated = false;
  }
  const url = new URL(baseUrl);
  if (isolated) url.pathname = `/${encodeURIComponent(name)}`;
  return {
    url: url.href,
    isolated,
    remove: () => {
      if (isolated && !rabbitmqctl(['delete_vhost', name])) throw new Error(`rabbitmqctl delete_vhost ${name} failed`);
    },
  };
}
