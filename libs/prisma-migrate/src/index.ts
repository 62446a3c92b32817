export * from './migrate-adapter';
