export * from './money';
export * from './errors';
export * from './ids';
export * from './events';
export * from './pagination';
export * from './auth';
export * from './http';
export * from './time';
