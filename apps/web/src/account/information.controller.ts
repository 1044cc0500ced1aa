import { Controller, Get, Render } from '@nestjs/common';

/** The pages every service has: accessibility, privacy, cookies. */
@Controller()
export class InformationController {
  @Get('accessibility')
  @Render('account/views/accessibility.njk')
  accessibility(): object {
    return {};
  }

  @Get('privacy')
  @Render('account/views/privacy.njk')
  privacy(): object {
    return {};
  }

  @Get('cookies')
  @Render('account/views/cookies.njk')
  cookies(): object {
    return {};
  }
}
