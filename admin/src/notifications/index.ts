export { NotificationList } from './notification-list';
export { NotificationShow } from './notification-show';
export { NotificationSettingsPage } from './notification-settings';
export { TemplateEdit, TemplateShow } from './template-edit';
export { TemplateList } from './template-list';
