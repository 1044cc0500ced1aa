import { Module } from '@nestjs/common';
import { EmailLinksController } from './email-links.controller.js';

/** The pages the links in emails open. */
@Module({ controllers: [EmailLinksController] })
export class EmailLinksModule {}
