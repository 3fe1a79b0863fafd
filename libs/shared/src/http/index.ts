export * from './error-body';
export * from './kassa-exception.filter';
export * from './validation';
export * from './request-guards';
