import { Module } from '@nestjs/common';
import { AlertsController } from './alerts.controller.js';
import { SubscribeController } from './subscribe.controller.js';

/** Email alerts about new opportunities, and the choice of other emails. */
@Module({ controllers: [AlertsController, SubscribeController] })
export class AlertsModule {}
