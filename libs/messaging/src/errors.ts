/**
 * An event that does not match its contract: an unknown type, or a payload
 * that fails the catalog's schema. Shaped like the service kit's
 * ValidationError (`fields`) without importing it.
 */
export class EventValidationError extends Error {
  readonly eventType: string;
  readonly fields: { field: string; message: string }[];

  constructor(eventType: string, message: string, fields: { field: string; message: string }[] = []) {
    super(message);
    this.name = 'EventValidationError';
    this.eventType = eventType;
    this.fields = fields;
  }
}

/** The broker cannot be reached right now (readiness fails with this). */
export class MessagingUnavailableError extends Error {
  constructor(message = 'RabbitMQ is not connected') {
    super(message);
    this.name = 'MessagingUnavailableError';
  }
}

/**
 * The broker confirmed the event but no queue is bound to its type, so it
 * reached nobody (a mandatory publish came back). Nothing consumed it: keep it
 * and publish it again once a consumer exists.
 */
export class UnroutableEventError extends Error {
  readonly eventType: string;
  readonly eventId: string;

  constructor(eventType: string, eventId: string, exchange: string) {
    super(`No queue is bound to "${eventType}" on "${exchange}": event ${eventId} reached nobody`);
    this.name = 'UnroutableEventError';
    this.eventType = eventType;
    this.eventId = eventId;
  }
}
