import type { EventDefinition } from '@peerprep/contracts';
import type { Messaging } from './messaging';

/**
 * The broker as a readiness dependency: the service kit's DependencyCheck
 * shape, matched structurally so this lib does not import the kit.
 */
export function messagingDependency<C extends Record<string, EventDefinition>>(
  messaging: Messaging<C>,
  name = 'rabbitmq',
): { name: string; check(): Promise<void>; close(): Promise<void> } {
  return {
    name,
    check: () => messaging.check(),
    close: () => messaging.close(),
  };
}
