import { Global, Module } from '@nestjs/common';
import { Api } from './api-client.js';

/** The API client every area of the service calls. */
@Global()
@Module({ providers: [Api], exports: [Api] })
export class ApiModule {}
