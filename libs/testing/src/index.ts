export * from './ids';
export * from './postgres';
export * from './redis';
export * from './rabbitmq';
export * from './tcp-proxy';
export * from './service';
export * from './infrastructure';
export * from './probes';
