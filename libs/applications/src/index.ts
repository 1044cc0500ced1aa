export { Application, APPLICATION_STATUSES, type ApplicationStatus } from './application.entity.js';
export { ApplicationsModule } from './applications.module.js';
