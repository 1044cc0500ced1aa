export { ApplicationResponse } from './http/application.dto.js';
export { toApplicationResponse } from './http/application.mapper.js';
export { ApplicationsModule } from './applications.module.js';
export { Application } from './persistence/application.entity.js';
