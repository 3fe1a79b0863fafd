export * from './actor';
export * from './access.decorators';
export * from './store-scope';
