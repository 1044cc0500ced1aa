import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypedConfigModule } from '#libs/config';
import { LoggingModule, MetricsModule } from '#libs/observability';
import { AccountModule } from './account/account.module.js';
import { AdminModule } from './admin/admin.module.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { ApiModule } from './api/api.module.js';
import { DecisionsModule } from './decisions/decisions.module.js';
import { EmailLinksModule } from './email-links/email-links.module.js';
import { ErrorPagesFilter } from './errors/error-pages.filter.js';
import { FindModule } from './find/find.module.js';
import { ListingModule } from './listing/listing.module.js';
import { ManageModule } from './manage/manage.module.js';
import { MyModule } from './my/my.module.js';
import { PartnershipModule } from './partnership/partnership.module.js';
import { PeopleModule } from './people/people.module.js';
import { ProfileModule } from './profile/profile.module.js';
import type { WebConfig } from './web.config.js';

@Module({})
export class WebModule {
  static forRoot(config: WebConfig): DynamicModule {
    return {
      module: WebModule,
      imports: [TypedConfigModule.forRoot(config), LoggingModule, MetricsModule, ApiModule, AccountModule, FindModule, MyModule, ProfileModule, ManageModule, DecisionsModule, PartnershipModule, PeopleModule, AlertsModule, EmailLinksModule, ListingModule, AdminModule],
      providers: [{ provide: APP_FILTER, useClass: ErrorPagesFilter }],
    };
  }
}
