export * from './phone';
export * from './email';
