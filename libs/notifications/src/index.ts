export { NotificationConfig } from './notification.config.js';
export { NotificationsModule } from './notifications.module.js';
