import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { FindUniversitiesHandler } from './find-universities.handler.js';
import { GetUniversityHandler } from './get-university.handler.js';
import { RegisterUniversityHandler } from './register-university.handler.js';
import { UniversitiesController } from './universities.controller.js';
import { University } from './university.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([University]), OutboxModule],
  controllers: [UniversitiesController],
  providers: [RegisterUniversityHandler, FindUniversitiesHandler, GetUniversityHandler],
})
export class UniversitiesModule {}
