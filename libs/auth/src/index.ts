export * from './token-extraction';
