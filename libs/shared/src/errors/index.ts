export * from './kassa-error';
