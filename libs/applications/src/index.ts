export { Application, APPLICATION_STATUSES, type ApplicationStatus } from './application.entity.js';
export { ApplicationResponse } from './application.dto.js';
export { toApplicationResponse } from './application.mapper.js';
export { ApplicationsModule } from './applications.module.js';
