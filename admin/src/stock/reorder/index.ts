export { ReorderSuggestionList } from './reorder-suggestion-list';
