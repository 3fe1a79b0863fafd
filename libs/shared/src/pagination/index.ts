export * from './list-query';
export * from './paginated.decorator';
