export { APPLICATION_STATUSES, type ApplicationStatus } from './domain/application.js';
export { ApplicationResponse } from './http/application.dto.js';
export { toApplicationResponse } from './http/application.mapper.js';
export { ApplicationsModule } from './applications.module.js';
export { Application } from './persistence/application.entity.js';
