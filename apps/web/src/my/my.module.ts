import { Module } from '@nestjs/common';
import { ApplicationsController } from './applications.controller.js';
import { HomeController } from './home.controller.js';
import { MatchesController } from './matches.controller.js';

/** My opportunities: each person's home, a practitioner's applications and matches. */
@Module({ controllers: [HomeController, ApplicationsController, MatchesController] })
export class MyModule {}
