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
